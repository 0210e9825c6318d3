// The store-unavailable banner: follows the host's store status, writes the texts, counts down to the next reconnect.
#include "storestatusbanner.h"

#include "control/schedulerclient.h"
#include "models/runpresentation.h"
#include "time/clock.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace punctual {

namespace {

constexpr int countdownStepMs = 1000;

/// Screen readers meet the banner as an alert (AT-SPI role "alert"), named and described like any widget.
QAccessibleInterface *bannerAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1String("punctual::StoreStatusBanner") && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::AlertMessage);
    return nullptr;
}

} // namespace

StoreStatusBanner::StoreStatusBanner(SchedulerClient &scheduler, const Clock &clock, QWidget *parent)
    : QFrame(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_text(new QLabel(this))
    , m_details(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_retryButton(new QToolButton(this))
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(bannerAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled)

    setObjectName(QStringLiteral("storeStatusBanner"));
    setAccessibleName(tr("Job store unavailable"));
    // Explicit colours, text included: readable on light and dark themes alike. Never colour alone: the icon and
    // the words say the same.
    setStyleSheet(QStringLiteral("#storeStatusBanner { background: #fff1c7; border: 1px solid #d99a00; "
                                 "border-radius: 4px; }"
                                 "#storeStatusBanner QLabel { color: #3a2c00; background: transparent; }"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    m_text->setObjectName(QStringLiteral("storeStatusText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("storeStatusDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("Last error of the job store"));
    m_details->hide();

    m_detailsButton->setObjectName(QStringLiteral("storeStatusDetailsButton"));
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setToolTip(tr("Show the whole error"));
    m_detailsButton->setCheckable(true);
    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);

    m_retryButton->setObjectName(QStringLiteral("storeRetryNowButton"));
    m_retryButton->setText(tr("Retry now"));
    m_retryButton->setToolTip(tr("Reconnect to the job store now instead of after the pause"));
    connect(m_retryButton, &QToolButton::clicked, this, [this] {
        m_retryButton->setEnabled(false); // until the host says how the try went (store_status)
        m_scheduler.reconnectStore(this, [this](Result<QJsonValue> answer) {
            if (!answer)
                m_retryButton->setEnabled(true);
        });
    });

    auto *texts = new QVBoxLayout;
    texts->setSpacing(4);
    texts->addWidget(m_text);
    texts->addWidget(m_details);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_detailsButton, 0, Qt::AlignTop);
    layout->addWidget(m_retryButton, 0, Qt::AlignTop);

    m_countdown.setObjectName(QStringLiteral("storeCountdownTimer"));
    m_countdown.setInterval(countdownStepMs);
    connect(&m_countdown, &QTimer::timeout, this, &StoreStatusBanner::refresh);

    connect(&m_scheduler, &SchedulerClient::storeStatusChanged, this, &StoreStatusBanner::statusChanged);
    connect(&m_scheduler, &SchedulerClient::hostConnectedChanged, this, &StoreStatusBanner::hostConnectionChanged);
    if (m_scheduler.isConnected() && !m_scheduler.storeStatus().available)
        m_downSince = m_scheduler.storeStatus().sinceMs;
    refresh();
}

StoreStatusBanner::~StoreStatusBanner() = default;

QString StoreStatusBanner::message() const
{
    return isHidden() ? QString() : accessibleDescription();
}

void StoreStatusBanner::statusChanged(const StoreStatus &status)
{
    m_retryButton->setEnabled(true); // the host tried (or the store is back): another try may be asked for
    // While not connected there is no news of the store (the client resets it to available then).
    if (!m_scheduler.isConnected()) {
        m_downSince.reset();
        refresh();
        return;
    }
    if (!status.available) {
        if (!m_downSince)
            m_downSince = status.sinceMs;
    } else if (m_downSince) {
        const std::int64_t back = status.sinceOr(m_clock.nowMs());
        emit availableAgain(std::max<std::int64_t>(0, back - *m_downSince));
        m_downSince.reset();
    }
    refresh();
}

void StoreStatusBanner::hostConnectionChanged(bool connected)
{
    if (!connected)
        m_downSince.reset();
    refresh();
}

void StoreStatusBanner::refresh()
{
    const StoreStatus &status = m_scheduler.storeStatus();
    const bool unavailable = m_scheduler.isConnected() && !status.available;
    if (!unavailable) {
        // Nothing stale left for a screen reader walking the hidden parts.
        m_text->clear();
        m_details->clear();
        setAccessibleDescription(QString());
        setToolTip(QString());
        hide();
        m_countdown.stop();
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    const QString since = shortDateTime(status.sinceOr(now), now);
    const QString headline = tr("The job store has been unavailable since %1 — no jobs run until it is back.").arg(since);
    const QString reconnect = reconnectText(status, now);
    const QString error = firstLine(status.lastError);
    const QString lastError = error.isEmpty() ? QString() : tr("Last error: %1").arg(error);

    // One line each (as far as the width allows): what it means, what Punctual does, why.
    QString html = QStringLiteral("<b>%1</b><br>%2").arg(headline.toHtmlEscaped(), reconnect.toHtmlEscaped());
    if (!lastError.isEmpty())
        html += QStringLiteral("<br>") + lastError.toHtmlEscaped();
    if (m_text->text() != html)
        m_text->setText(html);
    const QString plain = QStringList{headline, reconnect, lastError}.join(QLatin1Char(' ')).trimmed();
    if (accessibleDescription() != plain)
        setAccessibleDescription(plain);
    const QString fullError = status.lastError.trimmed();
    if (m_details->text() != fullError)
        m_details->setText(fullError);
    // Only for an error of several lines (a database server's hint): a one-line error is in the banner whole.
    m_detailsButton->setVisible(fullError != error);
    if (m_detailsButton->isHidden())
        m_detailsButton->setChecked(false);
    setToolTip(fullError.isEmpty() ? QString() : tr("Last error: %1").arg(fullError));
    show();
    updateCountdown();
}

QString StoreStatusBanner::reconnectText(const StoreStatus &status, std::int64_t now) const
{
    // relativeTime() says "now" under a second: such a reconnect is as good as going on.
    if (status.nextRetryMs && *status.nextRetryMs - now >= countdownStepMs) {
        const QString when = relativeTime(*status.nextRetryMs, now);
        if (status.retries == 0)
            return tr("Punctual reconnects on its own (first attempt %1).", "in 16 s").arg(when);
        return tr("Punctual reconnects on its own (%n attempt(s) failed, next %1).", "in 16 s", status.retries)
            .arg(when);
    }
    if (status.retries == 0)
        return tr("Punctual is reconnecting now.");
    return tr("Punctual is reconnecting now (%n attempt(s) failed so far).", nullptr, status.retries);
}

void StoreStatusBanner::updateCountdown()
{
    // Ticks only while there is a countdown to show; the host's next event (a reconnect tried) restarts it.
    const StoreStatus &status = m_scheduler.storeStatus();
    const bool counting = isVisible() && !status.available && status.nextRetryMs
        && *status.nextRetryMs - m_clock.nowMs() >= countdownStepMs;
    if (!counting)
        m_countdown.stop();
    else if (!m_countdown.isActive())
        m_countdown.start();
}

void StoreStatusBanner::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    refresh(); // the window shown again (from the tray): its countdown from now
}

void StoreStatusBanner::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    m_countdown.stop(); // the window went to the tray, or the store is back: nobody reads the countdown
}

} // namespace punctual
