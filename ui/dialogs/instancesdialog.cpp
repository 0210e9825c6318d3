// InstancesDialog: the scheduler hosts of the store, as the host reports them.
#include "instancesdialog.h"

#include "models/runpresentation.h"
#include "scheduler/dueplanner.h"
#include "control/schedulerclient.h"
#include "control/protocol.h"
#include "time/clock.h"

#include <QDialogButtonBox>
#include <algorithm>
#include <QHeaderView>
#include <QLabel>
#include <QJsonObject>
#include <QPushButton>
#include <QSysInfo>
#include <QTableWidget>
#include <QVBoxLayout>

namespace punctual {

InstancesDialog::InstancesDialog(SchedulerClient &scheduler, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setWindowTitle(tr("Scheduler Instances"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("instancesTable"));
    m_table->setAccessibleName(tr("Scheduler instances"));
    m_table->setHorizontalHeaderLabels({tr("Instance"), tr("Computer"), tr("Process"), tr("Started"), tr("Started by"),
                                        tr("Last heartbeat"), tr("State")});
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
    const QJsonObject host = m_scheduler.hostStatus();
    if (!m_scheduler.isConnected()) {
        m_summary->setText(tr("Not connected to the Punctual scheduler."));
        m_table->setRowCount(0);
        emit loaded();
        return;
    }
    if (!m_scheduler.isClustered()) {
        // SQLite: one host per store, the one this window talks to.
        m_summary->setText(tr("One scheduler runs the jobs of this store. Several instances share a PostgreSQL "
                              "store (see Settings)."));
        showInstances(QJsonArray{thisInstance()});
        return;
    }
    m_scheduler.instances(this, [this](Result<QJsonArray> instances) {
        if (!instances) {
            m_summary->setText(tr("The instances cannot be read: %1").arg(instances.error().message));
            emit loaded();
            return;
        }
        // The host this window talks to is listed even when the store's list lacks it (a host that only manages
        // the jobs, or one whose first heartbeat is still to come).
        QJsonArray rows = instances.value();
        const bool listed = std::any_of(rows.begin(), rows.end(), [this](const QJsonValue &row) {
            return row.toObject().value(QStringLiteral("id")).toString() == m_scheduler.instanceId();
        });
        if (!listed)
            rows.prepend(thisInstance());
        showInstances(rows);
    });
}

QJsonObject InstancesDialog::thisInstance() const
{
    const QJsonObject host = m_scheduler.hostStatus();
    QJsonObject ours;
    ours.insert(QStringLiteral("id"), m_scheduler.instanceId());
    ours.insert(QStringLiteral("host"), QSysInfo::machineHostName());
    ours.insert(QStringLiteral("pid"), host.value(QStringLiteral("pid")));
    ours.insert(QStringLiteral("started_at"), host.value(QStringLiteral("started_at")));
    return ours;
}

void InstancesDialog::showInstances(const QJsonArray &instances)
{
    const std::int64_t now = m_clock.nowMs();
    const QJsonObject host = m_scheduler.hostStatus();
    const auto instant = [](const QJsonValue &value) { return control::instantFromWire(value.toString()); };
    int alive = 0;
    m_table->setRowCount(static_cast<int>(instances.size()));
    for (int row = 0; row < instances.size(); ++row) {
        const QJsonObject info = instances.at(row).toObject();
        const auto heartbeat = instant(info.value(QStringLiteral("heartbeat")));
        const auto leaseMs = static_cast<std::int64_t>(info.value(QStringLiteral("lease_seconds")).toDouble() * 1000);
        const bool isAlive = !heartbeat || *heartbeat + leaseMs >= now; // no heartbeat: the host answering now
        alive += isAlive ? 1 : 0;
        const QString id = info.value(QStringLiteral("id")).toString();
        const bool isOurs = id == m_scheduler.instanceId();
        const auto started = instant(info.value(QStringLiteral("started_at")));
        // How a host was started is known of the one this window talks to.
        QString startedBy = QStringLiteral("—");
        if (isOurs) {
            const QString by = host.value(QStringLiteral("started_by")).toString();
            if (by == QLatin1String("unit"))
                startedBy = tr("systemd user unit");
            else if (by == QLatin1String("detached"))
                startedBy = tr("by the window");
            else if (by == QLatin1String("autostart"))
                startedBy = tr("at login");
            else if (!by.isEmpty())
                startedBy = tr("from a terminal");
        }
        const QStringList texts{
            isOurs ? (id.isEmpty() ? tr("this computer") : tr("%1 (this computer)", "an instance id").arg(id)) : id,
            info.value(QStringLiteral("host")).toString(),
            QString::number(info.value(QStringLiteral("pid")).toInteger()),
            started ? relativeTime(*started, now) : QStringLiteral("—"),
            startedBy,
            heartbeat ? relativeTime(*heartbeat, now) : QStringLiteral("—"),
            isAlive ? tr("alive") : tr("expired (no heartbeat for %1)").arg(formatLateness(now - *heartbeat))};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts[column]);
            if (column == HeartbeatColumn && heartbeat)
                item->setToolTip(longDateTime(*heartbeat));
            if (column == StartedColumn && started)
                item->setToolTip(longDateTime(*started));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (m_scheduler.isClustered())
        m_summary->setText(tr("%n instance(s) alive on this job store.", nullptr, alive));
    emit loaded();
}

} // namespace punctual
