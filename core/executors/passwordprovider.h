// Where an sql connection's password comes from at run time: never the job store.
#pragma once

#include "jobs/action.h"
#include "util/result.h"

#include <memory>

namespace punctual {

/**
 * The system keychain as core sees it. The real one (QtKeychain: Secret Service, KWallet, ...) lives in the
 * separate target punctual-keychain, because core links Qt Core/Sql/Network only; the apps install it at
 * start-up with Keychain::install(). Entries are passwords under a connection's name.
 *
 * All calls block and may be made from any thread (executors call read() on worker threads); never call
 * them on the GUI thread.
 */
class Keychain
{
public:
    virtual ~Keychain() = default;

    virtual Result<QString> readPassword(const QString &connectionName) const = 0;
    virtual Result<void> writePassword(const QString &connectionName, const QString &password) = 0;
    virtual Result<void> deletePassword(const QString &connectionName) = 0;

    /// Makes @p keychain the process's keychain (nullptr: none). Thread-safe.
    static void install(std::shared_ptr<Keychain> keychain);
    /// The installed keychain, or nullptr.
    static std::shared_ptr<Keychain> installed();
};

/// Resolves a connection's password when a run (or a connection test) needs it.
class PasswordProvider
{
public:
    virtual ~PasswordProvider() = default;
    /// The password for @p connection (empty for PasswordSource::None), or why there is none. May block.
    virtual Result<QString> password(const SqlConnection &connection) const = 0;
};

/**
 * The provider runs use: PasswordSource::Environment reads the named variable of this process's environment
 * at run time; PasswordSource::Keychain asks the installed Keychain (an error that names the environment
 * alternative when none is installed or no keychain service answers).
 */
class SystemPasswordProvider final : public PasswordProvider
{
public:
    Result<QString> password(const SqlConnection &connection) const override;
    static const SystemPasswordProvider &instance();
};

} // namespace punctual
