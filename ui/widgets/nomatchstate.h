// Shown instead of the job table when the search and state filter leave no job: says so, with Clear.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace punctual {

/**
 * "No jobs match “backup”" (or "No jobs match the filter “Failed”") with a Clear button that asks to clear the
 * search and the state filter (clearRequested()). Object names noMatchState, noMatchText, noMatchClearButton.
 */
class NoMatchState final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoMatchState)

public:
    explicit NoMatchState(QWidget *parent = nullptr);

    /// Says what matched nothing: the search @p text, and @p stateName when a state filter is set (empty: none).
    void setFilter(const QString &text, const QString &stateName);
    QString text() const;
    QPushButton *clearButton() const { return m_clear; }

signals:
    void clearRequested();

private:
    QLabel *m_text;
    QPushButton *m_clear;
};

} // namespace punctual
