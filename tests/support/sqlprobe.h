// What the sql job suites share: a probe connection to look at the data a run changed, and the row counts a
// run's output reports.
#pragma once

#include "jobs/action.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace punctual::test {

/// The row counts in a run's output, one per statement line ("statement 2: 4 row(s) affected (3 ms)").
inline QList<int> countsIn(const QString &output)
{
    static const QRegularExpression line(QStringLiteral("^statement (\\d+): (\\d+) row"),
                                         QRegularExpression::MultilineOption);
    QList<int> counts;
    for (auto it = line.globalMatch(output); it.hasNext();)
        counts << it.next().captured(2).toInt();
    return counts;
}

/// A test's own connection (on the test thread) to the database of @p c, to seed and look at the data. A failing
/// statement is the test's own bug: qFatal names it.
class Probe
{
public:
    explicit Probe(const SqlConnection &c, const QString &password = {})
        : m_name(QStringLiteral("probe-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(c.driver, m_name);
        db.setDatabaseName(c.database);
        db.setHostName(c.host);
        db.setPort(c.port == 0 ? -1 : c.port);
        db.setUserName(c.user);
        db.setPassword(password);
        if (!db.open())
            qFatal("probe cannot connect: %s", qPrintable(db.lastError().text()));
    }
    ~Probe() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(Probe)

    void exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql))
            qFatal("probe: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }
    QList<QVariant> column(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql))
            qFatal("probe: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        QList<QVariant> values;
        while (query.next())
            values << query.value(0);
        return values;
    }
    QList<int> ids(const QString &table = QStringLiteral("tokens"))
    {
        QList<int> result;
        for (const QVariant &v : column(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table)))
            result << v.toInt();
        return result;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace punctual::test
