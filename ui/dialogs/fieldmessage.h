// Small helpers the job editor's parts share: a message label next to a field, field markers, label alignment.
#pragma once

#include <QIcon>
#include <QLabel>

#include <cstdint>
#include <optional>

class QWidget;

namespace punctual {

/**
 * A one- or multi-line message shown next to the field it is about, with an icon in front: an error (the input
 * cannot be saved) or a note (it can, but something deserves a look). Hidden while empty. Only the icon and the
 * palette's text colour are used, so it reads the same in light and dark themes and never relies on colour.
 * text() is the plain message, without the icon.
 */
class FieldMessage final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessage)

public:
    enum class Kind
    {
        Error, ///< blocks saving
        Note,  ///< informs only
    };

    explicit FieldMessage(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clearMessage();
    Kind kind() const { return m_kind; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    Kind m_kind = Kind::Error;
    QIcon m_icon;
};

/// A form label whose mnemonic moves the focus to @p buddy, for rows whose field is a layout (QFormLayout only
/// sets a buddy when the field is a widget).
QLabel *buddyLabel(const QString &text, QWidget *buddy);

/// Shows or hides a warning icon inside @p field (a line edit, or an editable combo box's line edit).
void markField(QWidget *field, bool invalid);

/// Gives every label column of the form layouts under @p root the same width, so fields line up across groups
/// and across the pages of stacked widgets.
void alignFormLabels(QWidget *root);

/// Milliseconds shown in a whole-second spin box (rounded).
int roundToSeconds(std::int64_t ms);
/// What a whole-second spin box showing @p shownSeconds means in ms: the value it was filled from
/// (@p originalMs) while it still shows that value rounded, so an untouched sub-second value is kept.
std::int64_t secondsToMs(int shownSeconds, std::optional<std::int64_t> originalMs);

} // namespace punctual
