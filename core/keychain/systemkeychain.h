// The system keychain through QtKeychain, as core's Keychain: sql connection passwords never touch the store.
#pragma once

#include "executors/passwordprovider.h"

#include <QThread>

#include <memory>

namespace punctual {

/**
 * Passwords under the service "punctual-sql", keyed by connection name. QtKeychain's jobs are asynchronous and
 * talk D-Bus, so every job runs on one thread of this object's own (QtKeychain queues its jobs in a
 * per-process executor, which must stay on one thread); the calls block their caller until the job ends or
 * the wait limit passes. Where no keychain service answers (no D-Bus session, no Secret Service), the error
 * says so and names the environment-variable alternative.
 */
class SystemKeychain final : public Keychain
{
public:
    /// @p waitMs: how long a call waits for the keychain (it may ask the user to unlock it).
    explicit SystemKeychain(int waitMs = 60'000);
    ~SystemKeychain() override;
    Q_DISABLE_COPY_MOVE(SystemKeychain)

    Result<QString> readPassword(const QString &connectionName) const override;
    Result<void> writePassword(const QString &connectionName, const QString &password) override;
    Result<void> deletePassword(const QString &connectionName) override;

    /// Installs a SystemKeychain for the process until the returned guard goes (keep it in main()).
    [[nodiscard]] static std::shared_ptr<void> installForProcess();

    static QString serviceName();

private:
    enum class Operation
    {
        Read,
        Write,
        Delete,
    };
    Result<QString> run(Operation operation, const QString &connectionName, const QString &password) const;

    int m_waitMs;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
};

} // namespace punctual
