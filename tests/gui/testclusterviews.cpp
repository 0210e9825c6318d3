// The window's cluster views through a host (an in-process one served on a private socket): on a real PostgreSQL
// store the run history's Instance column and the Instances dialog listing every instance; on a store of its own the
// dialog showing the one host the window talks to.
#include "dialogs/instancesdialog.h"
#include "models/runhistorymodel.h"
#include "store/sqljobstore.h"
#include "store/storelocation.h"
#include "support/hostharness.h"
#include "support/postgresserver.h"
#include "triggers/intervaltrigger.h"

#include <QCoreApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace punctual;
using namespace punctual::test;

class TestClusterViews : public QObject, public HostHarness
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        tearDownHost();
        tearDownScheduler();
        m_postgres.reset(); // after the store that uses it
    }

    void instancesAndRunInstance()
    {
        m_postgres = std::make_unique<PostgresServer>();
        PostgresServer &server = *m_postgres;
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto location = StoreLocation::fromUrl(server.url() + "?instance=desk&lease=10");
        QVERIFY(location);
        auto opened = SqlJobStore::openPostgres(*location.value().postgres);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        auto other = SqlJobStore::openPostgres(*StoreLocation::fromUrl(server.url() + "?instance=nas").value().postgres);
        QVERIFY(other);
        setUpScheduler(1'800'000'000'000, std::move(opened).value());
        QVERIFY(m_scheduler->start(true));
        setUpHost();
        QVERIFY(m_client->isClustered());
        QCOMPARE(m_client->instanceId(), QString("desk"));
        QVERIFY(other.value()->cluster()->heartbeat(m_clock.nowMs() - 60'000)); // a minute silent: expired (lease 30 s)

        // The dialog asks the host for the instances when it opens; the rows come with the answer.
        InstancesDialog dialog(*m_client, m_clock);
        QSignalSpy loaded(&dialog, &InstancesDialog::loaded);
        QTableWidget *table = dialog.table();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, InstancesDialog::IdColumn)->text(), QString("desk (this computer)"));
        QCOMPARE(table->item(0, InstancesDialog::StateColumn)->text(), QString("alive"));
        QCOMPARE(table->item(1, InstancesDialog::IdColumn)->text(), QString("nas"));
        QVERIFY2(table->item(1, InstancesDialog::StateColumn)->text().startsWith("expired"),
                 qPrintable(table->item(1, InstancesDialog::StateColumn)->text()));
        const auto labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().startsWith("1 instance") && label->text().endsWith("alive on this job store.");
        }));

        Job job;
        job.id = "j";
        job.trigger = std::make_shared<IntervalTrigger>(60'000, m_clock.nowMs());
        CommandAction action;
        action.program = "/bin/true";
        job.action = action;
        QVERIFY(m_scheduler->addJob(job));
        auto run = m_scheduler->runJobNow("j");
        QVERIFY(run);
        RunHistoryModel model(*m_client, m_clock);
        model.setJobId("j");
        QTRY_VERIFY(model.rowCount() >= 1);
        QCOMPARE(model.headerData(RunHistoryModel::InstanceColumn, Qt::Horizontal).toString(), QString("Instance"));
        QCOMPARE(model.data(model.index(0, RunHistoryModel::InstanceColumn)).toString(), QString("desk"));
    }

    void notSharedShowsTheHost()
    {
        setUpScheduler(1'800'000'000'000);
        QVERIFY(m_scheduler->start());
        setUpHost();
        // How the host was started is part of the snapshot a client gets when it attaches.
        m_control->setHostOrigin({QStringLiteral("unit"), m_clock.nowMs() - 3 * 60'000});
        auto client = SchedulerClient::forSocket(m_client->socketPath());
        client->connectToHost();
        QTRY_VERIFY(client->isConnected());
        QVERIFY(!client->isClustered());

        InstancesDialog dialog(*client, m_clock);
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, InstancesDialog::IdColumn)->text(), QString("this computer")); // SQLite: no id
        QCOMPARE(table->item(0, InstancesDialog::PidColumn)->text(),
                 QString::number(QCoreApplication::applicationPid()));
        QCOMPARE(table->item(0, InstancesDialog::StartedColumn)->text(), QString("3 min ago"));
        QCOMPARE(table->item(0, InstancesDialog::StartedByColumn)->text(), QString("systemd user unit"));
        QCOMPARE(table->item(0, InstancesDialog::StateColumn)->text(), QString("alive"));
        const auto labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().startsWith("One scheduler runs the jobs of this store.");
        }));

        // A client with no host: the dialog says so and lists nothing.
        auto unattached = SchedulerClient::forSocket(m_client->socketPath() + "-none");
        InstancesDialog alone(*unattached, m_clock);
        QCOMPARE(alone.table()->rowCount(), 0);
        const auto aloneLabels = alone.findChildren<QLabel *>();
        QVERIFY(std::any_of(aloneLabels.cbegin(), aloneLabels.cend(), [](const QLabel *label) {
            return label->text() == QString("Not connected to the Punctual scheduler.");
        }));
    }

private:
    std::unique_ptr<PostgresServer> m_postgres;
};

QTEST_MAIN(TestClusterViews)
#include "testclusterviews.moc"
