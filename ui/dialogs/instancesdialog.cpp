// InstancesDialog: a table over Scheduler::instances().
#include "instancesdialog.h"

#include "models/runpresentation.h"
#include "scheduler/dueplanner.h"
#include "scheduler/scheduler.h"
#include "time/clock.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace punctual {

InstancesDialog::InstancesDialog(Scheduler &scheduler, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setWindowTitle(tr("Scheduler Instances"));
    m_summary->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("Instance"), tr("Host"), tr("Process"), tr("Last heartbeat"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, &InstancesDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 300);

    m_refresh.setInterval(refreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &InstancesDialog::reload);
    m_refresh.start();
    reload();
}

void InstancesDialog::reload()
{
    if (!m_scheduler.isClustered()) {
        m_summary->setText(tr("Only this Punctual uses the job store, so there are no other instances. Several "
                              "instances share a PostgreSQL store (see Settings)."));
        m_table->setRowCount(0);
        return;
    }
    auto instances = m_scheduler.instances();
    if (!instances) {
        m_summary->setText(tr("The instances cannot be read: %1").arg(instances.error().message));
        return;
    }
    const std::int64_t now = m_clock.nowMs();
    int alive = 0;
    m_table->setRowCount(static_cast<int>(instances.value().size()));
    for (int row = 0; row < instances.value().size(); ++row) {
        const InstanceInfo &info = instances.value()[row];
        const bool isAlive = info.isAlive(now);
        alive += isAlive ? 1 : 0;
        QString id = info.id;
        if (info.id == m_scheduler.instanceId())
            id = tr("%1 (this one)").arg(info.id);
        const QStringList texts{id, info.host, QString::number(info.pid), relativeTime(info.heartbeat, now),
                                isAlive ? tr("alive") : tr("expired (no heartbeat for %1)")
                                                            .arg(formatLateness(now - info.heartbeat))};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts[column]);
            if (column == HeartbeatColumn)
                item->setToolTip(longDateTime(info.heartbeat));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%n instance(s) alive on this job store.", nullptr, alive));
}

} // namespace punctual
