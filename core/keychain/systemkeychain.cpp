// QtKeychain jobs run on a thread of their own; callers wait on a semaphore with a limit.
#include "systemkeychain.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSemaphore>

#include <qt6keychain/keychain.h>

namespace punctual {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "punctual.keychain")

class KeychainText
{
    Q_DECLARE_TR_FUNCTIONS(SystemKeychain)
};

/// A job's outcome, shared between the waiting caller and the keychain thread (which may finish late).
struct Answer
{
    QSemaphore done;
    QKeychain::Error error = QKeychain::NoError;
    QString errorText;
    QString password;
};

QString environmentHint()
{
    return KeychainText::tr("keep the password in an environment variable of the scheduler instead and name that "
                            "variable in the job");
}

} // namespace

SystemKeychain::SystemKeychain(int waitMs)
    : m_waitMs(waitMs)
{
    m_thread.setObjectName(QStringLiteral("punctual-keychain"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

SystemKeychain::~SystemKeychain()
{
    m_thread.quit();
    m_thread.wait();
}

QString SystemKeychain::serviceName()
{
    return QStringLiteral("punctual-sql");
}

std::shared_ptr<void> SystemKeychain::installForProcess()
{
    Keychain::install(std::make_shared<SystemKeychain>());
    return std::shared_ptr<void>(nullptr, [](void *) { Keychain::install(nullptr); });
}

Result<QString> SystemKeychain::readPassword(const QString &connectionName) const
{
    return run(Operation::Read, connectionName, QString());
}

Result<void> SystemKeychain::writePassword(const QString &connectionName, const QString &password)
{
    if (auto written = run(Operation::Write, connectionName, password); !written)
        return written.error();
    return {};
}

Result<void> SystemKeychain::deletePassword(const QString &connectionName)
{
    if (auto deleted = run(Operation::Delete, connectionName, QString()); !deleted)
        return deleted.error();
    return {};
}

Result<QString> SystemKeychain::run(Operation operation, const QString &connectionName, const QString &password) const
{
    if (connectionName.isEmpty())
        return invalidInput(KeychainText::tr("a password in the keychain needs a connection name"));
    auto answer = std::make_shared<Answer>();
    QMetaObject::invokeMethod(m_context, [operation, connectionName, password, answer] {
        QKeychain::Job *job = nullptr;
        if (operation == Operation::Read) {
            job = new QKeychain::ReadPasswordJob(serviceName());
        } else if (operation == Operation::Write) {
            auto *write = new QKeychain::WritePasswordJob(serviceName());
            write->setTextData(password);
            job = write;
        } else {
            job = new QKeychain::DeletePasswordJob(serviceName());
        }
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never a plain-text file instead of the keychain
        job->setKey(connectionName);
        QObject::connect(job, &QKeychain::Job::finished, job, [answer](QKeychain::Job *finished) {
            answer->error = finished->error();
            answer->errorText = finished->errorString();
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished); read && !finished->error())
                answer->password = read->textData();
            answer->done.release();
        });
        job->start();
    });
    if (!answer->done.tryAcquire(1, m_waitMs))
        return Error{ErrorCode::Io, KeychainText::tr("the system keychain did not answer within %1 s (is it locked?); "
                                                     "%2").arg(m_waitMs / 1000).arg(environmentHint())};
    const QString name = connectionName;
    switch (answer->error) {
    case QKeychain::NoError:
        return answer->password;
    case QKeychain::EntryNotFound:
        if (operation == Operation::Delete)
            return QString(); // nothing to delete is fine
        return Error{ErrorCode::NotFound,
                     KeychainText::tr("the system keychain holds no password for connection \"%1\": set it in the "
                                      "job editor (Set password…)").arg(name)};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error{ErrorCode::Io, KeychainText::tr("the system keychain refused access to the password of "
                                                     "connection \"%1\": %2").arg(name, answer->errorText)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error{ErrorCode::Io, KeychainText::tr("no system keychain service is running (%1), so the password "
                                                     "of connection \"%2\" cannot be kept there; %3")
                                        .arg(answer->errorText, name, environmentHint())};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    qCInfo(lcKeychain, "keychain error %d: %s", int(answer->error), qPrintable(answer->errorText));
    return Error{ErrorCode::Io, KeychainText::tr("the system keychain failed for connection \"%1\" (%2): is a keychain "
                                                 "service (Secret Service, KWallet) running? If none runs, %3")
                                    .arg(name, answer->errorText, environmentHint())};
}

} // namespace punctual
