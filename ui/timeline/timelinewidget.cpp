// The timeline with its zoom control.
#include "timelinewidget.h"

#include "models/runpresentation.h"
#include "settings/settings.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace punctual {

TimelineWidget::TimelineWidget(SchedulerClient &scheduler, const Clock &clock, JobListModel &jobs,
                               QAbstractItemModel &rows, QItemSelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(scheduler, clock, this))
{
    setObjectName(QStringLiteral("timeline"));
    m_view = new TimelineView(jobs, rows, *m_model, this);
    m_view->setSelectionModel(selection);
    if (const std::int64_t span = Settings::timelineSpanMs(); span > 0)
        m_view->setSpan(span);

    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("timelineZoom"));
    m_zoom->setAccessibleName(tr("Time span shown"));
    m_zoom->setToolTip(tr("How much time the timeline shows across (Ctrl+wheel, + and - zoom too)"));
    for (const TimelineScale::NamedSpan &span : TimelineScale::namedSpans())
        m_zoom->addItem(span.name, QVariant::fromValue<qint64>(span.spanMs));
    connect(m_zoom, &QComboBox::activated, this, [this](int index) {
        m_view->setSpan(m_zoom->itemData(index).toLongLong());
    });

    auto button = [this](const QString &text, const QString &tip, const char *name, auto slot) {
        auto *b = new QToolButton(this);
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(text);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(b, &QToolButton::clicked, m_view, slot);
        return b;
    };
    auto *earlier = button(tr("Earlier"), tr("Show earlier times (or drag the timeline to the right)"),
                           "timelineEarlier", [this] { m_view->setStart(m_view->scale().startMs() - m_view->scale().spanMs() / 2); });
    auto *now = button(tr("Now"), tr("Show the time around now"), "timelineNow", [this] { m_view->showNow(); });
    auto *later = button(tr("Later"), tr("Show later times (or drag the timeline to the left)"), "timelineLater",
                         [this] { m_view->setStart(m_view->scale().startMs() + m_view->scale().spanMs() / 2); });

    auto *zoomLabel = new QLabel(tr("&Show:"), this);
    zoomLabel->setBuddy(m_zoom);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(zoomLabel);
    bar->addWidget(m_zoom);
    bar->addSpacing(12);
    bar->addWidget(earlier);
    bar->addWidget(now);
    bar->addWidget(later);
    bar->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_view, &TimelineView::spanChanged, this, &TimelineWidget::showSpanInBox);
    showSpanInBox();
}

TimelineWidget::~TimelineWidget()
{
    Settings::setTimelineSpanMs(m_view->scale().spanMs());
}

void TimelineWidget::showSpanInBox()
{
    const qint64 span = m_view->scale().spanMs();
    const int index = m_zoom->findData(QVariant::fromValue<qint64>(span));
    // A span between the named ones (Ctrl+wheel) reads as a duration.
    m_zoom->setPlaceholderText(shortDuration(span));
    m_zoom->setCurrentIndex(index);
}

} // namespace punctual
