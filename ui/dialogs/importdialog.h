// The summary shown before an import: the jobs to add, the entries left out and why, and what to do on conflicts.
#pragma once

#include "jobs/jobfile.h"

#include <QDialog>

class QDialogButtonBox;
class QRadioButton;
class QTreeWidget;

namespace punctual {

class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    /// Rows listed in the preview; a bigger import says how many more there are.
    static constexpr int previewRows = 1000;

    /// @p conflicts: ids of @p contents' jobs that are stored already; @p fileName: the file's name, which the
    /// rows name ("Job 2 in jobs.json").
    ImportDialog(const ImportContents &contents, const QStringList &conflicts, QWidget *parent = nullptr,
                 const QString &fileName = {});

    /// Where an entry came from, in words: "jobs[1]" → "Job 2 in jobs.json", "line 14" → "line 14 of crontab".
    static QString describeOrigin(const QString &origin, const QString &fileName);

    /// Replace or Skip, as chosen (Skip unless the user picks Replace).
    ConflictPolicy conflictPolicy() const;
    QTreeWidget *preview() const { return m_preview; }

private:
    QTreeWidget *m_preview;
    QRadioButton *m_replace = nullptr;
};

} // namespace punctual
