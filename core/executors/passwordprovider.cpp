// Password look-up at run time: an environment variable or the installed keychain.
#include "passwordprovider.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>

namespace punctual {

namespace {

class PasswordText
{
    Q_DECLARE_TR_FUNCTIONS(PasswordProvider)
};

QMutex keychainMutex;
std::shared_ptr<Keychain> keychainInstance; // guarded by keychainMutex

} // namespace

void Keychain::install(std::shared_ptr<Keychain> keychain)
{
    const QMutexLocker locker(&keychainMutex);
    keychainInstance = std::move(keychain);
}

std::shared_ptr<Keychain> Keychain::installed()
{
    const QMutexLocker locker(&keychainMutex);
    return keychainInstance;
}

Result<QString> SystemPasswordProvider::password(const SqlConnection &connection) const
{
    switch (connection.passwordSource) {
    case PasswordSource::None:
        return QString();
    case PasswordSource::Environment: {
        const QString &variable = connection.passwordVariable;
        if (variable.isEmpty())
            return invalidInput(PasswordText::tr("connection \"%1\": no environment variable is named for the "
                                                 "password").arg(connection.name));
        if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            return invalidInput(PasswordText::tr("the environment variable %1, which should hold the password of "
                                                 "connection \"%2\", is not set in the scheduler's environment")
                                    .arg(variable, connection.name));
        return qEnvironmentVariable(variable.toLocal8Bit().constData());
    }
    case PasswordSource::Keychain:
        break;
    }
    const std::shared_ptr<Keychain> keychain = Keychain::installed();
    if (!keychain)
        return Error{ErrorCode::Io,
                     PasswordText::tr("this program has no keychain support, so the password of connection "
                                      "\"%1\" cannot be read from it: keep it in an environment variable and "
                                      "name that in the job instead").arg(connection.name)};
    return keychain->readPassword(connection.name);
}

const SystemPasswordProvider &SystemPasswordProvider::instance()
{
    static const SystemPasswordProvider provider;
    return provider;
}

} // namespace punctual
