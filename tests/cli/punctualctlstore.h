// A fresh SQLite store file per test for suites that drive the real punctualctl on it (`--db FILE`): the command,
// the job as `show --json` and `export` give it, adding a command job, and a hash of the file (bad input must leave
// it byte for byte as it was).
#pragma once

#include "cli/punctualctlprocess.h"

#include <QCryptographicHash>
#include <QDebug>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class PunctualctlStore
{
protected:
    /// A new folder and store path (call in init()); the file itself is made by the first command.
    void newStore()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(QStringLiteral("jobs.db"));
    }

    /// punctualctl --db m_db ARGS.
    PunctualctlResult ctl(QStringList args, int timeoutMs = 60000) const
    {
        args.prepend(m_db);
        args.prepend(QStringLiteral("--db"));
        return runPunctualctl(args, timeoutMs);
    }

    /// `show ID --json` as an object (empty, with a warning, when show fails).
    QJsonObject showJob(const QString &id) const
    {
        const PunctualctlResult r = ctl({QStringLiteral("show"), id, QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning().noquote() << "show failed:" << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    /// The job as `export ID` writes it (empty, with a warning, when export fails).
    QJsonObject exported(const QString &id) const
    {
        const PunctualctlResult r = ctl({QStringLiteral("export"), id});
        if (r.exitCode != 0)
            qWarning().noquote() << "export failed:" << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject();
    }

    /// `add --id ID OPTIONS -- /bin/true`, which must succeed; @p options name the schedule.
    void addCommandJob(const QString &id, const QStringList &options) const
    {
        const PunctualctlResult r = ctl(QStringList{QStringLiteral("add"), QStringLiteral("--id"), id} + options
                                        + QStringList{QStringLiteral("--"), QStringLiteral("/bin/true")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    /// SHA-256 of the store file (empty when there is none).
    QByteArray storeHash() const
    {
        QFile file(m_db);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};
