// Import and export through the window's code path (JobTransfer) on the offscreen platform: a job file with a bad
// entry, conflicts replaced or skipped, a crontab, the compiled-in examples, and export of the selected rows.
#include "dialogs/importdialog.h"
#include "dialogs/jobtransfer.h"
#include "models/joblistmodel.h"
#include "support/mainwindowharness.h"
#include "triggers/crontrigger.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace punctual;
using namespace punctual::test;

class TestImportExport : public QObject, public MainWindowHarness
{
    Q_OBJECT

private:
    std::optional<ConflictPolicy> m_answer = ConflictPolicy::Skip;
    int m_previewRows = -1;
    QString m_problemText;
    QStringList m_conflicts;
    QStringList m_errors;

    JobTransfer *transfer() const { return m_window->jobTransfer(); }

    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    // Runs one import through the window's code path and waits for it to end.
    bool import(const QString &path, JobTransfer::FileKind kind)
    {
        QSignalSpy ended(transfer(), &JobTransfer::importEnded);
        transfer()->importFile(path, kind);
        return ended.wait(20000);
    }

    QList<Job> stored() const { return m_scheduler->jobs().value(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
    }

    void init()
    {
        setUpWindow();
        QVERIFY(m_window);
        m_window->show();
        QTRY_VERIFY(m_window->jobModel()->isLoaded());
        m_answer = ConflictPolicy::Skip;
        m_errors.clear();
        // The summary dialog is built as the user would see it, inspected, and answered without exec().
        transfer()->setReviewer([this](const ImportContents &contents, const QStringList &conflicts) {
            ImportDialog dialog(contents, conflicts, m_window.get());
            m_previewRows = dialog.preview()->topLevelItemCount();
            auto *problems = dialog.findChild<QPlainTextEdit *>(QStringLiteral("importProblems"));
            m_problemText = problems ? problems->toPlainText() : QString();
            m_conflicts = conflicts;
            return m_answer;
        });
        transfer()->setErrorSink([this](const QString &, const QString &message) { m_errors << message; });
    }

    void cleanup()
    {
        tearDownWindow();
    }

    void fileMenuHasTheEntries()
    {
        QMenu *file = m_window->menuBar()->findChildren<QMenu *>().value(0);
        QVERIFY(file);
        QVERIFY(file->actions().contains(transfer()->importAction()));
        QVERIFY(file->actions().contains(transfer()->exportSelectedAction()));
        QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("importExampleMenu")));
        QCOMPARE(JobTransfer::kindOf(QStringLiteral("/x/jobs.JSON")), JobTransfer::FileKind::JobFile);
        QCOMPARE(JobTransfer::kindOf(QStringLiteral("/x/crontab")), JobTransfer::FileKind::Crontab);
    }

    void importJobFileWithABadEntryAndConflicts()
    {
        writeFile(QStringLiteral("three.json"), R"([
            {"id": "a", "name": "Alpha", "trigger": {"type": "cron", "version": 1, "expression": "0 * * * *"},
             "action": {"type": "command", "program": "/bin/true"}},
            {"id": "b", "name": "Beta", "trigger": {"type": "cron", "version": 1, "expression": "*/10 * * * *"},
             "action": {"type": "function", "name": "noop"}},
            {"id": "c", "name": "Broken", "trigger": {"type": "cron", "version": 1, "expression": "0 0 32 * *"},
             "action": {"type": "command", "program": "/bin/true"}}
        ])");
        const QString path = m_dir.filePath(QStringLiteral("three.json"));
        QSignalSpy imported(transfer(), &JobTransfer::imported);
        QVERIFY(import(path, JobTransfer::kindOf(path)));
        QCOMPARE(m_previewRows, 2);
        QVERIFY2(m_problemText.startsWith(QLatin1String("Job 3: ")), qPrintable(m_problemText)); // jobs[2], in words
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.front(), (QVariantList{2, 0, 0, 1}));
        QCOMPARE(stored().size(), 2);
        QTRY_COMPARE(m_window->jobModel()->rowCount(), 2); // the list follows the scheduler's signals

        // The same file again with a new name: conflicts. Skip keeps the stored jobs; Replace takes the file's.
        QCOMPARE(m_scheduler->modifyJob(QStringLiteral("a"), JobChanges{QStringLiteral("Mine"), {}, {}, {}})->name,
                 QStringLiteral("Mine"));
        QVERIFY(import(path, JobTransfer::FileKind::JobFile));
        QCOMPARE(m_conflicts, (QStringList{"a", "b"}));
        QCOMPARE(imported.last(), (QVariantList{0, 0, 2, 1}));
        QCOMPARE(m_scheduler->job(QStringLiteral("a"))->name, QStringLiteral("Mine"));
        m_answer = ConflictPolicy::Replace;
        QVERIFY(import(path, JobTransfer::FileKind::JobFile));
        QCOMPARE(imported.last(), (QVariantList{2, 2, 0, 1}));
        QCOMPARE(m_scheduler->job(QStringLiteral("a"))->name, QStringLiteral("Alpha"));

        // Cancelled: nothing happens.
        m_answer.reset();
        const int before = int(imported.size());
        QVERIFY(import(path, JobTransfer::FileKind::JobFile));
        QCOMPARE(imported.size(), before);
        QVERIFY(m_errors.isEmpty());
    }

    void unreadableFilesAreReported()
    {
        writeFile(QStringLiteral("garbage.json"), "{not json");
        QVERIFY(import(m_dir.filePath(QStringLiteral("garbage.json")), JobTransfer::FileKind::JobFile));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY(m_errors.front().contains(QLatin1String("not a job file")));
        QVERIFY(stored().isEmpty());
    }

    void importCrontab()
    {
        QVERIFY(import(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/crontab.sample"), JobTransfer::FileKind::Crontab));
        QCOMPARE(m_previewRows, 23); // @reboot (line 27) is an at-start job
        QVERIFY(!m_problemText.contains(QLatin1String("@reboot")));
        QCOMPARE(stored().size(), 23);
        QTRY_COMPARE(m_window->jobModel()->rowCount(), 23);
    }

    void examplesImportCleanly()
    {
        const QDir sources(QStringLiteral(PUNCTUAL_TEST_DATA_DIR "/../../resources/examples"));
        const QStringList files = sources.entryList({QStringLiteral("*.json")}, QDir::Files);
        const auto examples = JobTransfer::examples();
        QCOMPARE(examples.size(), files.size()); // every file is compiled in and listed
        QVERIFY2(examples.size() >= 2, "the two examples (expired tokens, cache warm-up) are compiled in");
        QSet<QString> kinds;
        qsizetype expected = 0;
        for (const auto &[path, title] : examples) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            auto contents = JobFile::parse(file.readAll(), m_clock.nowMs());
            QVERIFY2(contents.ok(), qPrintable(path));
            QVERIFY2(contents->problems.isEmpty(), qPrintable(contents->problems.value(0).text()));
            QVERIFY(!contents->jobs.isEmpty());
            QVERIFY(!title.isEmpty());
            expected += contents->jobs.size();
            QVERIFY(import(path, JobTransfer::FileKind::JobFile));
            QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.value(0)));
            for (const Job &job : std::as_const(contents->jobs))
                kinds.insert(actionToJson(job.action).value(QStringLiteral("type")).toString());
        }
        QCOMPARE(stored().size(), expected);
        if (files.size() >= 2)
            QVERIFY2(kinds.contains(QStringLiteral("sql")) && kinds.contains(QStringLiteral("http")),
                     qPrintable(QStringList(kinds.cbegin(), kinds.cend()).join(QLatin1Char(','))));
    }

    void emptyWindowOffersTheExamples()
    {
        // The store is empty: the table area shows "No jobs yet" with the examples one click away.
        auto *button = m_window->findChild<QToolButton *>(QStringLiteral("emptyExampleButton"));
        QVERIFY(button);
        QVERIFY(button->isVisibleTo(m_window.get()) || !m_window->isVisible());
        QMenu *menu = button->menu();
        QVERIFY(menu);
        emit menu->aboutToShow();
        const auto examples = JobTransfer::examples();
        QStringList titles;
        for (QAction *action : menu->actions())
            titles << action->text();
        QStringList expected;
        for (const auto &example : examples)
            expected << example.second;
        QCOMPARE(titles, expected);
        QVERIFY(titles.size() >= 2);

        QSignalSpy ended(transfer(), &JobTransfer::importEnded);
        menu->actions().constFirst()->trigger();
        QVERIFY(ended.wait(20000));
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.value(0)));
        QVERIFY(!stored().isEmpty());
    }

    void exportSelectedAndAll()
    {
        for (const char *id : {"one", "two", "three"}) {
            Job job;
            job.id = QString::fromLatin1(id);
            job.trigger = CronTrigger::create(QStringLiteral("*/10 * * * *")).value();
            CommandAction command;
            command.program = QStringLiteral("/bin/echo");
            command.arguments = {QString::fromLatin1(id)};
            job.action = command;
            QVERIFY(m_scheduler->addJob(job).ok());
        }
        QTRY_COMPARE(m_window->jobModel()->rowCount(), 3);
        QVERIFY(m_window->selectJob(QStringLiteral("two")));
        QCOMPARE(m_window->selectedJobIds(), QStringList{"two"});

        QSignalSpy exported(transfer(), &JobTransfer::exported);
        const QString selectedPath = m_dir.filePath(QStringLiteral("selected.json"));
        transfer()->exportJobs(m_window->selectedJobIds(), selectedPath);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.front().at(0).toInt(), 1);
        auto selected = JobFile::read(selectedPath, m_clock.nowMs());
        QVERIFY(selected.ok());
        QCOMPARE(selected->jobs.size(), 1);
        QCOMPARE(selected->jobs.front().id, QStringLiteral("two"));
        QCOMPARE(std::get<CommandAction>(selected->jobs.front().action).arguments, QStringList{"two"});

        const QString allPath = m_dir.filePath(QStringLiteral("all.json"));
        transfer()->exportJobs({}, allPath);
        QVERIFY(exported.wait(10000));
        auto all = JobFile::read(allPath, m_clock.nowMs());
        QVERIFY(all.ok());
        QCOMPARE(all->jobs.size(), 3);

        transfer()->exportJobs({}, m_dir.filePath(QStringLiteral("no/such/folder/x.json")));
        QSignalSpy failed(transfer(), &JobTransfer::failed);
        QVERIFY(failed.wait(10000));
        QCOMPARE(m_errors.size(), 1);
    }
};

QTEST_MAIN(TestImportExport)
#include "testimportexport.moc"
