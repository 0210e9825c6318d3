// The dialogs around the job editor on the offscreen platform: the import summary in words and sized to its rows,
// Settings' note on a store file that does not exist, and every interactive widget of Settings, Import, Instances
// and Calendars named for a screen reader.
#include "control/schedulerclient.h"
#include "dialogs/calendarsdialog.h"
#include "dialogs/importdialog.h"
#include "dialogs/instancesdialog.h"
#include "dialogs/settingsdialog.h"
#include "mock/fakeclock.h"
#include "settings/settings.h"
#include "store/storelocation.h"
#include "support/accessibilitywalk.h"
#include "triggers/crontrigger.h"
#include "time/zonerules.h"

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace punctual;

namespace {

ImportContents contentsWith(int jobs, int problems = 0)
{
    ImportContents contents;
    contents.title = QStringLiteral("Backups");
    for (int i = 0; i < jobs; ++i) {
        Job job;
        job.id = QStringLiteral("job-%1").arg(i);
        job.name = i == 0 ? QStringLiteral("Nightly backup") : QStringLiteral("Job %1").arg(i);
        job.trigger = std::shared_ptr<const Trigger>(
            CronTrigger::create(QStringLiteral("30 2 * * *"), ZoneRules::forZone("UTC")).value());
        job.action = CommandAction{QStringLiteral("/usr/bin/backup"), {}, {}, {}, false, 1 << 20};
        contents.jobs.append(job);
        contents.origins.append(QStringLiteral("jobs[%1]").arg(i));
    }
    for (int i = 0; i < problems; ++i)
        contents.problems.append({QStringLiteral("jobs[%1]").arg(jobs + i), QStringLiteral("no trigger")});
    return contents;
}

} // namespace

class TestEditorDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("punctual-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("testeditordialogs"));
        QVERIFY(m_dir.isValid());
    }

    void importSaysWhichJobInWords()
    {
        ImportDialog dialog(contentsWith(2, 1), {}, nullptr, QStringLiteral("jobs.json"));
        QTreeWidgetItem *first = dialog.preview()->topLevelItem(0);
        QCOMPARE(first->text(0), QStringLiteral("Nightly backup"));
        QCOMPARE(first->text(3), QStringLiteral("Job 1 in jobs.json"));
        QCOMPARE(dialog.preview()->topLevelItem(1)->text(3), QStringLiteral("Job 2 in jobs.json"));
        auto *problems = dialog.findChild<QPlainTextEdit *>(QStringLiteral("importProblems"));
        QCOMPARE(problems->toPlainText(), QStringLiteral("Job 3 in jobs.json: no trigger"));
        const QString heading = dialog.findChild<QLabel *>(QStringLiteral("importHeading"))->text();
        QCOMPARE(heading, QStringLiteral("Jobs to import from “Backups”: 2"));
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(QLatin1String("(s)")) && !label->text().contains(QLatin1String("(ies)")),
                     qPrintable(label->text()));
        QCOMPARE(ImportDialog::describeOrigin(QStringLiteral("line 14"), QStringLiteral("crontab")),
                 QStringLiteral("line 14 of crontab"));
    }

    void importSizesItselfToItsRows()
    {
        // One job: a small dialog, all of it in view. Many: the list scrolls and the dialog stays on the screen.
        ImportDialog one(contentsWith(1), {});
        one.show();
        QVERIFY(QTest::qWaitForWindowExposed(&one));
        QVERIFY2(one.height() < 300, qPrintable(QString::number(one.height())));
        QCOMPARE(one.preview()->verticalScrollBar()->maximum(), 0);
        const QRect firstRow = one.preview()->visualItemRect(one.preview()->topLevelItem(0));
        QVERIFY(one.preview()->viewport()->rect().contains(firstRow));

        ImportDialog many(contentsWith(300), {});
        many.show();
        QVERIFY(QTest::qWaitForWindowExposed(&many));
        QVERIFY(many.height() > one.height());
        QVERIFY(many.height() <= many.screen()->availableGeometry().height());
        QVERIFY(many.preview()->verticalScrollBar()->maximum() > 0);
    }

    void settingsNotesAStoreFileThatDoesNotExist()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        SettingsDialog dialog(settings, StoreLocation{});
        dialog.show();
        auto *store = dialog.findChild<QLineEdit *>(QStringLiteral("storeEdit"));
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("storeMessage"));
        QVERIFY(store && message);
        store->setText(m_dir.filePath(QStringLiteral("new-store.db")));
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("No such file: a new, empty store will be created here"));
        QFile existing(m_dir.filePath(QStringLiteral("jobs.db")));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        store->setText(existing.fileName());
        QVERIFY(!message->isVisible());
        store->clear(); // this computer's own store: nothing to say
        QVERIFY(!message->isVisible());
    }

    void everyInteractiveWidgetIsNamed()
    {
        Settings settings(m_dir.filePath(QStringLiteral("a11y.ini")));
        SettingsDialog settingsDialog(settings, StoreLocation{});
        ImportDialog importDialog(contentsWith(3, 1), {QStringLiteral("job-1")}, nullptr, QStringLiteral("jobs.json"));
        auto client = SchedulerClient::forSocket(m_dir.filePath(QStringLiteral("no-host")));
        FakeClock clock(1'800'000'000'000);
        InstancesDialog instances(*client, clock);
        CalendarsDialog calendars(*client);
        for (QDialog *dialog : std::initializer_list<QDialog *>{&settingsDialog, &importDialog, &instances, &calendars}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const QStringList unnamed = test::unnamedInteractive(dialog);
            QVERIFY2(unnamed.isEmpty(), qPrintable(dialog->windowTitle() + QStringLiteral(": ")
                                                   + unnamed.join(QStringLiteral(", "))));
            dialog->hide();
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestEditorDialogs)
#include "testeditordialogs.moc"
