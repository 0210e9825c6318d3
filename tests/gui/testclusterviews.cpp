// The window's cluster views on a real PostgreSQL store: the run history's Instance column and the Instances dialog.
#include "dialogs/instancesdialog.h"
#include "executors/executorset.h"
#include "executors/functionregistry.h"
#include "mock/fakeclock.h"
#include "models/runhistorymodel.h"
#include "scheduler/scheduler.h"
#include "store/memoryjobstore.h"
#include "store/sqljobstore.h"
#include "support/postgresserver.h"
#include "triggers/intervaltrigger.h"

#include <QLabel>
#include <QTableWidget>
#include <QTest>

using namespace punctual;

class TestClusterViews : public QObject
{
    Q_OBJECT

private slots:
    void instancesAndRunInstance()
    {
        punctual::test::PostgresServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        auto location = StoreLocation::fromUrl(server.url() + "?instance=desk&lease=10");
        QVERIFY(location);
        auto opened = SqlJobStore::openPostgres(*location.value().postgres);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        auto other = SqlJobStore::openPostgres(*StoreLocation::fromUrl(server.url() + "?instance=nas").value().postgres);
        QVERIFY(other);
        std::unique_ptr<SqlJobStore> store = std::move(opened).value();
        FakeClock clock(1'800'000'000'000);
        FunctionRegistry functions;
        Scheduler scheduler(*store, clock, ExecutorSet::standard(clock, functions));
        QVERIFY(scheduler.start(true));
        QVERIFY(other.value()->cluster()->heartbeat(clock.nowMs() - 60'000)); // a minute silent: expired (lease 30 s)

        InstancesDialog dialog(scheduler, clock);
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, InstancesDialog::IdColumn)->text(), QString("desk (this one)"));
        QCOMPARE(table->item(0, InstancesDialog::StateColumn)->text(), QString("alive"));
        QCOMPARE(table->item(1, InstancesDialog::IdColumn)->text(), QString("nas"));
        QVERIFY2(table->item(1, InstancesDialog::StateColumn)->text().startsWith("expired"),
                 qPrintable(table->item(1, InstancesDialog::StateColumn)->text()));

        Job job;
        job.id = "j";
        job.trigger = std::make_shared<IntervalTrigger>(60'000, clock.nowMs());
        CommandAction action;
        action.program = "/bin/true";
        job.action = action;
        QVERIFY(scheduler.addJob(job));
        auto run = scheduler.runJobNow("j");
        QVERIFY(run);
        RunHistoryModel model(scheduler, clock);
        model.setJobId("j");
        QTRY_VERIFY(model.rowCount() >= 1);
        QCOMPARE(model.headerData(RunHistoryModel::InstanceColumn, Qt::Horizontal).toString(), QString("Instance"));
        QCOMPARE(model.data(model.index(0, RunHistoryModel::InstanceColumn)).toString(), QString("desk"));
    }

    void notSharedSaysSo()
    {
        MemoryJobStore store;
        FakeClock clock(1'000);
        FunctionRegistry functions;
        Scheduler scheduler(store, clock, ExecutorSet::standard(clock, functions));
        QVERIFY(!scheduler.isClustered());
        QVERIFY(scheduler.instances().value().isEmpty());
        InstancesDialog dialog(scheduler, clock);
        QCOMPARE(dialog.table()->rowCount(), 0);
        const auto labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                            [](const QLabel *label) { return label->text().contains("no other instances"); }));
    }
};

QTEST_MAIN(TestClusterViews)
#include "testclusterviews.moc"
