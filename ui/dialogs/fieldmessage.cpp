// Field messages with an icon, invalid-field markers and label alignment for the job editor's forms.
#include "fieldmessage.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLineEdit>
#include <QPainter>
#include <QStyle>

#include <algorithm>
#include <cmath>

namespace punctual {

namespace {

constexpr int iconGap = 6;
// Wider messages wrap in the size hint; the layout may still give them more room.
constexpr int maxHintWidth = 560;
const char *const markerName = "invalidFieldMarker";

int iconExtent(const QWidget *widget)
{
    return widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
}

} // namespace

FieldMessage::FieldMessage(QWidget *parent)
    : QLabel(parent)
{
    // Messages quote user input and parser text: never interpret them as markup.
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    updateIcon();
    hide();
}

void FieldMessage::showMessage(const QString &text, Kind kind)
{
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    if (kind != m_kind) {
        m_kind = kind;
        updateIcon();
    }
    setText(text);
    setAccessibleName(kind == Kind::Error ? tr("Error: %1").arg(text) : tr("Note: %1").arg(text));
    show();
}

void FieldMessage::clearMessage()
{
    clear();
    setAccessibleName({});
    hide();
}

QSize FieldMessage::sizeHint() const
{
    // QLabel's hint for wrapped text is a narrow, tall block, and layouts reserve that height even when they give
    // the label the whole row: ask for one line as wide as the text instead.
    const QMargins margins = contentsMargins();
    const int width = std::min(fontMetrics().horizontalAdvance(text()) + margins.left() + margins.right() + 2,
                               maxHintWidth);
    return {width, heightForWidth(width)};
}

void FieldMessage::updateIcon()
{
    m_icon = style()->standardIcon(m_kind == Kind::Error ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxInformation,
                                   nullptr, this);
    // The text starts after the icon (QLabel lays it out inside the contents margins), its first line centred on
    // the icon when the icon is the taller of the two.
    const int extent = iconExtent(this);
    const int pad = std::max(0, (extent - fontMetrics().height() + 1) / 2);
    setContentsMargins(extent + iconGap, pad, 0, pad);
    update();
}

void FieldMessage::paintEvent(QPaintEvent *event)
{
    QLabel::paintEvent(event);
    const int extent = iconExtent(this);
    // Level with the first line of text, however many lines follow and however tall the layout made the label.
    const int top = std::max(0, (fontMetrics().height() - extent) / 2);
    QPainter painter(this);
    m_icon.paint(&painter, QRect(0, top, extent, extent), Qt::AlignCenter, isEnabled() ? QIcon::Normal
                                                                                       : QIcon::Disabled);
}

void FieldMessage::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        updateIcon();
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

void markField(QWidget *field, bool invalid)
{
    auto *edit = qobject_cast<QLineEdit *>(field);
    if (auto *combo = qobject_cast<QComboBox *>(field))
        edit = combo->lineEdit();
    if (!edit)
        return;
    auto *marker = edit->findChild<QAction *>(QLatin1String(markerName), Qt::FindDirectChildrenOnly);
    if (!marker) {
        if (!invalid)
            return;
        marker = new QAction(edit->style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, edit), {}, edit);
        marker->setObjectName(QLatin1String(markerName));
        edit->addAction(marker, QLineEdit::TrailingPosition);
    }
    marker->setVisible(invalid);
}

void alignFormLabels(QWidget *root)
{
    QList<QWidget *> labels;
    for (QFormLayout *form : root->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget())
                labels.append(item->widget());
        }
    }
    int width = 0;
    for (const QWidget *label : std::as_const(labels))
        width = std::max(width, label->sizeHint().width());
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(width);
}

int roundToSeconds(std::int64_t ms)
{
    return static_cast<int>(std::llround(static_cast<double>(ms) / 1000.0));
}

std::int64_t secondsToMs(int shownSeconds, std::optional<std::int64_t> originalMs)
{
    if (originalMs && roundToSeconds(*originalMs) == shownSeconds)
        return *originalMs;
    return std::int64_t{shownSeconds} * 1000;
}

} // namespace punctual
