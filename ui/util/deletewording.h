// What the delete confirmation and its feedback say: the jobs by name, buttons that say what they do.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace punctual {

/// The words of Job › Delete (confirmation, button, status message), in one place so they stay alike.
class DeleteWording
{
    Q_DECLARE_TR_FUNCTIONS(DeleteWording)

public:
    /// At most this many names are listed; the rest are counted ("and 4 more").
    static constexpr int listedNames = 10;

    /// “Nightly backup”, “Warm the cache” and 3 more (the first listedNames names, quoted).
    static QString nameList(const QStringList &names);
    /// The question: "Delete the job “Nightly backup” and its run history?", "Delete 3 jobs and their run history?
    /// “A”, “B” and “C”"; @p going of them running or waiting to retry (@p retrying: one job, waiting to retry)
    /// are said to be stopped. It ends saying that the delete can be undone.
    static QString question(const QStringList &names, int going, bool retrying = false);
    /// The button that goes ahead: "Delete “Nightly backup”", "Delete 3 jobs", "Stop and delete".
    static QString goAhead(const QStringList &names, int going);
    /// After: "Deleted “Nightly backup” · Undo (Ctrl+Z)", "Deleted 3 jobs · Undo (Ctrl+Z)".
    static QString deleted(const QStringList &names, const QString &undoShortcut);
    /// After an undo: "Restored “Nightly backup”", "Restored 3 jobs".
    static QString restored(const QStringList &names);
};

} // namespace punctual
