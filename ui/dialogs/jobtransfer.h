// The window's import and export of jobs: File menu entries, file dialogs, parsing and writing on worker threads.
#pragma once

#include "jobs/jobfile.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

class QAction;
class QMenu;
class QWidget;

namespace punctual {

class Clock;
class JobListModel;
class SchedulerClient;

/**
 * Import and export as the window offers them. Files are read and written on a worker thread (a job file of
 * 100,000 jobs must not freeze the window); the jobs the user confirms are added through the Scheduler API in one
 * call (Scheduler::addJobs: all or none), so the list updates through the scheduler's signals. Stored ids come
 * from the list model, never from the store on the GUI thread.
 */
class JobTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTransfer)

public:
    enum class FileKind
    {
        JobFile, ///< the job JSON (export's form)
        Crontab, ///< a user crontab
    };

    /// Shows the summary and returns the conflict policy to import with, or nothing to cancel. Tests replace it.
    using Reviewer = std::function<std::optional<ConflictPolicy>(const ImportContents &contents,
                                                                 const QStringList &conflicts)>;
    /// Tells the user about a failure. Tests replace it.
    using ErrorSink = std::function<void(const QString &title, const QString &message)>;

    JobTransfer(SchedulerClient &scheduler, const Clock &clock, const JobListModel &model, QWidget *window);
    ~JobTransfer() override;

    /// Adds "Import jobs…", "Import example" and "Export all jobs…" / "Export selected jobs…" to @p menu;
    /// @p selectedIds gives the window's selection.
    void addMenuActions(QMenu *menu, std::function<QStringList()> selectedIds);
    QAction *importAction() const { return m_importAction; }
    QAction *exportSelectedAction() const { return m_exportSelectedAction; }

    /// A ".json" file is a job file; anything else is read as a crontab.
    static FileKind kindOf(const QString &path);
    /// A menu of the examples (one entry each, importing it), filled each time it is shown; owned by @p parent.
    QMenu *createExamplesMenu(QWidget *parent);
    /// The example job files compiled in (":/examples/NAME.json") with their titles, by title.
    static QList<std::pair<QString, QString>> examples();

    /// Reads @p path on a worker thread, then asks the reviewer and adds the jobs; finished() or failed() follows.
    void importFile(const QString &path, FileKind kind);
    /// Writes the jobs with @p ids (all listed jobs when empty), in list order, on a worker thread.
    void exportJobs(const QStringList &ids, const QString &path);

    void setReviewer(Reviewer reviewer) { m_reviewer = std::move(reviewer); }
    void setErrorSink(ErrorSink sink) { m_errorSink = std::move(sink); }
    /// True while a file is read or written.
    bool isBusy() const { return m_busy; }

signals:
    /// An import ended: @p added jobs added (of them @p replaced replaced stored ones), @p skipped left out as
    /// conflicts, @p invalid entries left out as invalid. Not emitted when the user cancelled.
    void imported(int added, int replaced, int skipped, int invalid);
    void exported(int count, const QString &path);
    /// Every import ends with this: done, cancelled, or failed (the error sink was told).
    void importEnded();
    void failed(const QString &message);

private:
    void chooseImportFile();
    void chooseExportFile(bool selectedOnly);
    void fillExamplesMenu(QMenu *menu);
    void review(const QString &path, Result<ImportContents> contents);
    void fail(const QString &title, const QString &message);
    QSet<QString> listedIds() const;

    SchedulerClient &m_scheduler;
    const Clock &m_clock;
    const JobListModel &m_model;
    QWidget *m_window;
    std::function<QStringList()> m_selectedIds;
    QAction *m_importAction = nullptr;
    QAction *m_exportAllAction = nullptr;
    QAction *m_exportSelectedAction = nullptr;
    Reviewer m_reviewer;
    QString m_reviewedFile; ///< the name of the file under review (the default reviewer's dialog names it)
    ErrorSink m_errorSink;
    bool m_busy = false;
};

} // namespace punctual
