// Import and export in the window: menu entries, worker threads for the files, the Scheduler for the jobs.
#include "jobtransfer.h"

#include "dialogs/importdialog.h"
#include "jobs/crontabimport.h"
#include "models/joblistmodel.h"
#include "control/schedulerclient.h"
#include "time/clock.h"
#include "util/postresult.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace punctual {

JobTransfer::JobTransfer(SchedulerClient &scheduler, const Clock &clock, const JobListModel &model, QWidget *window)
    : QObject(window)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_model(model)
    , m_window(window)
{
    setObjectName(QStringLiteral("jobTransfer"));
    m_reviewer = [this](const ImportContents &contents, const QStringList &conflicts) -> std::optional<ConflictPolicy> {
        ImportDialog dialog(contents, conflicts, m_window, m_reviewedFile);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.conflictPolicy();
    };
    m_errorSink = [this](const QString &title, const QString &message) {
        QMessageBox::warning(m_window, title, message);
    };
}

JobTransfer::~JobTransfer() = default;

void JobTransfer::addMenuActions(QMenu *menu, std::function<QStringList()> selectedIds)
{
    m_selectedIds = std::move(selectedIds);
    m_importAction = menu->addAction(tr("&Import jobs…"), this, &JobTransfer::chooseImportFile);
    m_importAction->setObjectName(QStringLiteral("importJobsAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Add the jobs of a job file (JSON) or of a crontab"));
    QMenu *examples = createExamplesMenu(menu);
    examples->setTitle(tr("Import e&xample", "File menu"));
    examples->setObjectName(QStringLiteral("importExampleMenu"));
    menu->addMenu(examples);
    m_exportAllAction = menu->addAction(tr("&Export all jobs…"), this, [this] { chooseExportFile(false); });
    m_exportAllAction->setObjectName(QStringLiteral("exportAllAction"));
    m_exportSelectedAction = menu->addAction(tr("Export &selected jobs…"), this, [this] { chooseExportFile(true); });
    m_exportSelectedAction->setObjectName(QStringLiteral("exportSelectedAction"));
    connect(menu, &QMenu::aboutToShow, this, [this] {
        m_exportSelectedAction->setEnabled(m_selectedIds && !m_selectedIds().isEmpty());
    });
}

JobTransfer::FileKind JobTransfer::kindOf(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? FileKind::JobFile : FileKind::Crontab;
}

QList<std::pair<QString, QString>> JobTransfer::examples()
{
    QList<std::pair<QString, QString>> list;
    const QDir folder(QStringLiteral(":/examples"));
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = folder.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        auto contents = JobFile::parse(file.readAll(), 0);
        const QString title = contents && !contents->title.isEmpty() ? contents->title : name;
        list.append({path, title});
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    return list;
}

QMenu *JobTransfer::createExamplesMenu(QWidget *parent)
{
    auto *examples = new QMenu(parent);
    connect(examples, &QMenu::aboutToShow, this, [this, examples] { fillExamplesMenu(examples); });
    fillExamplesMenu(examples);
    return examples;
}

void JobTransfer::fillExamplesMenu(QMenu *menu)
{
    menu->clear();
    const auto list = examples();
    for (const auto &[path, title] : list)
        menu->addAction(title, this, [this, path = path] { importFile(path, FileKind::JobFile); });
    if (list.isEmpty())
        menu->addAction(tr("No examples installed"))->setEnabled(false);
}

void JobTransfer::chooseImportFile()
{
    QString filter;
    const QString jobFiles = tr("Job files (*.json)");
    const QString crontabs = tr("Crontab files (*)");
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import jobs"), QDir::homePath(),
                                                      jobFiles + QStringLiteral(";;") + crontabs, &filter);
    if (path.isEmpty())
        return;
    importFile(path, filter == crontabs ? FileKind::Crontab : kindOf(path));
}

void JobTransfer::chooseExportFile(bool selectedOnly)
{
    const QStringList ids = selectedOnly && m_selectedIds ? m_selectedIds() : QStringList();
    if (selectedOnly && ids.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export jobs"),
                                                      QDir::home().filePath(QStringLiteral("punctual-jobs.json")),
                                                      tr("Job files (*.json)"));
    if (!path.isEmpty())
        exportJobs(ids, path);
}

void JobTransfer::importFile(const QString &path, FileKind kind)
{
    m_busy = true;
    const std::int64_t now = m_clock.nowMs();
    postResult(
        this,
        [path, kind, now]() -> Result<ImportContents> {
            if (kind == FileKind::JobFile)
                return JobFile::read(path, now);
            CrontabImport::Options options;
            options.nowMs = now;
            return CrontabImport::read(path, options);
        },
        [this, path](Result<ImportContents> contents) { review(path, std::move(contents)); },
        WorkerThread::OwnThread);
}

QSet<QString> JobTransfer::listedIds() const
{
    QSet<QString> ids;
    ids.reserve(m_model.rowCount());
    for (int row = 0; row < m_model.rowCount(); ++row)
        ids.insert(m_model.summaryAt(row)->id);
    return ids;
}

void JobTransfer::review(const QString &path, Result<ImportContents> contents)
{
    m_busy = false;
    if (!contents) {
        fail(tr("Cannot import %1").arg(QDir::toNativeSeparators(path)), contents.error().message);
        emit importEnded();
        return;
    }
    if (contents->title.isEmpty())
        contents->title = QFileInfo(path).fileName();
    const QSet<QString> stored = listedIds();
    QStringList conflicts;
    for (const Job &job : std::as_const(contents->jobs))
        if (stored.contains(job.id))
            conflicts.append(job.id);
    m_reviewedFile = QFileInfo(path).fileName(); // the dialog's rows name it
    const std::optional<ConflictPolicy> policy = m_reviewer(contents.value(), conflicts);
    if (!policy) {
        emit importEnded();
        return;
    }
    const int invalid = int(contents->problems.size());
    ImportPlan plan = planImport(std::move(contents->jobs), stored, *policy);
    const int replaced = int(plan.replaced.size());
    const int skipped = int(plan.conflicts.size());
    if (plan.jobs.isEmpty()) {
        emit imported(0, 0, skipped, invalid);
        emit importEnded();
        return;
    }
    // One import on the host, all or none (sent in pieces when large); the list follows its events.
    m_scheduler.addJobs(plan.jobs, *policy, this, [this, path, replaced, skipped, invalid](Result<QList<Job>> added) {
        if (!added) {
            fail(tr("Cannot import %1").arg(QDir::toNativeSeparators(path)), added.error().message);
            emit importEnded();
            return;
        }
        if (auto *main = qobject_cast<QMainWindow *>(m_window))
            main->statusBar()->showMessage(tr("%n job(s) imported", nullptr, int(added->size())), 10000);
        emit imported(int(added->size()), replaced, skipped, invalid);
        emit importEnded();
    });
}

void JobTransfer::exportJobs(const QStringList &ids, const QString &path)
{
    QList<Job> jobs;
    if (ids.isEmpty()) {
        jobs.reserve(m_model.rowCount());
        for (int row = 0; row < m_model.rowCount(); ++row) {
            if (const Job *job = m_model.jobAt(row)) // none for a row this build cannot read
                jobs.append(*job);
        }
    } else {
        for (const QString &id : ids) {
            if (const Job *job = m_model.jobAt(m_model.rowOf(id)))
                jobs.append(*job);
        }
    }
    m_busy = true;
    const int count = int(jobs.size());
    postResult(
        this, [path, jobs = std::move(jobs)]() { return JobFile::write(path, jobs); },
        [this, path, count](Result<void> written) {
            m_busy = false;
            if (!written) {
                fail(tr("Cannot export the jobs"), written.error().message);
                return;
            }
            if (auto *main = qobject_cast<QMainWindow *>(m_window))
                main->statusBar()->showMessage(
                    tr("%n job(s) exported to %1", nullptr, count).arg(QDir::toNativeSeparators(path)), 10000);
            emit exported(count, path);
        },
        WorkerThread::OwnThread);
}

void JobTransfer::fail(const QString &title, const QString &message)
{
    m_errorSink(title, message);
    emit failed(message);
}

} // namespace punctual
