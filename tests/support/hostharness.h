// A scheduler host in the test's process (SchedulerHarness + a ControlServer on a private socket) and a
// SchedulerClient attached to it through that real socket: the window's models and dialogs see the host exactly as
// they see `punctualctl run`, while the test drives the host's scheduler and fake clock directly.
#pragma once

#include "control/controlserver.h"
#include "control/schedulerclient.h"
#include "support/schedulerharness.h"

#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace punctual::test {

/**
 * setUpHost() starts serving m_scheduler (set up by the suite with setUpScheduler() and started) on a socket in a
 * folder of its own, and connects m_client to it (subscribed before it returns). tearDownHost() disconnects and stops
 * serving; call it before tearDownScheduler().
 */
class HostHarness : public SchedulerHarness
{
public:
    ~HostHarness() { tearDownHost(); }

    void setUpHost()
    {
        QVERIFY2(m_socketDir.isValid(), "no temporary folder");
        m_server = std::make_unique<QLocalServer>();
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        const QString path = m_socketDir.filePath(QStringLiteral("host-%1").arg(++m_hostNumber));
        QVERIFY2(m_server->listen(path), qPrintable(m_server->errorString()));
        m_control = std::make_unique<ControlServer>(*m_scheduler, *m_store, m_server.get());
        m_client = SchedulerClient::forSocket(path);
        m_client->connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(m_client->isConnected(), 5000);
    }
    void tearDownHost()
    {
        m_client.reset();
        m_control.reset();
        m_server.reset();
    }
    /// Lets the client take in what the host sent so far: a request sent now is answered after every event
    /// before it, so once its answer is here, so are they.
    void syncClient()
    {
        bool answered = false;
        m_client->call(control::Method::Ping, {}, nullptr, [&answered](Result<QJsonValue>) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    }

protected:
    std::unique_ptr<QLocalServer> m_server;
    std::unique_ptr<ControlServer> m_control;
    std::unique_ptr<SchedulerClient> m_client;

private:
    QTemporaryDir m_socketDir;
    int m_hostNumber = 0;
};

} // namespace punctual::test
