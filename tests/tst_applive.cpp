// The live lab in the window: Play > Serve on 127.0.0.1 puts the open scenario's servers on
// real ports; a real client's session shows in the dialogue and on the canvas as it happens,
// and a fault injected from the window acts on real clients.

#include "app/dialogue/dialoguepane.h"
#include "app/mainwindow.h"
#include "app/models/playback.h"
#include "core/mta/mta.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace carteiro;

namespace {

quint16 portOf(const core::LiveServer &live, const QString &host, const QString &service)
{
    for (const core::LiveEndpoint &e : live.endpoints())
        if (e.host == host && e.service == service)
            return e.port;
    return 0;
}

core::LiveOptions freePorts()
{
    core::LiveOptions options;
    for (const char *service : {"smtp", "submission", "pop3", "imap", "http"})
        options.basePorts.insert(QLatin1String(service), 0);
    options.speed = 600;
    return options;
}

} // namespace

class TestAppLive : public QObject
{
    Q_OBJECT

private slots:
    void realClientShowsInTheWindow();
    void faultInjectedActsOnRealClients();
    void openingAnotherScenarioStopsServing();
};

void TestAppLive::realClientShowsInTheWindow()
{
    app::MainWindow window;
    QVERIFY(window.openScenario(QStringLiteral(CARTEIRO_SOURCE_DIR "/tests/data/serve.yaml")));
    window.setLiveOptions(freePorts());
    QVERIFY2(window.startServing(), qPrintable(window.errorText()));
    QVERIFY(window.isServing());
    const quint16 port =
        portOf(*window.liveServer(), QStringLiteral("mail.crepes.fr"), QStringLiteral("smtp"));
    QVERIFY(port != 0);

    QTcpSocket client;
    QByteArray heard;
    connect(&client, &QTcpSocket::readyRead, [&]() { heard += client.readAll(); });
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_VERIFY(heard.startsWith("220 crepes.fr"));
    client.write("EHLO student\r\nMAIL FROM:<alice@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\n"
                 "DATA\r\n");
    QTRY_VERIFY(heard.contains("354 "));
    client.write("Subject: live\r\n\r\nHello from a real socket\r\n.\r\nQUIT\r\n");
    QTRY_VERIFY(heard.contains("221 "));

    // Relayed to Bob's server by the simulated world, on the live clock.
    const core::Mta *bob = window.world()->mta(QStringLiteral("mail.hamburger.edu"));
    QTRY_COMPARE(bob->mailboxes()
                     .account(QStringLiteral("bob@hamburger.edu"))
                     ->folders.value(QStringLiteral("INBOX"))
                     .messages.size(),
                 1);

    // The window followed the run to its end, and the dialogue shows the real client's lines.
    app::PlaybackController *playback = window.playback();
    QTRY_COMPARE(playback->position(), playback->count() - 1);
    bool sawLive = false;
    int liveLine = -1;
    const core::Trace &trace = window.world()->trace();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const core::TraceEvent e = trace.at(i);
        if (e.type == core::TraceEvent::Type::Line && e.client.startsWith("127.0.0.1:") &&
            e.text == QLatin1String("Hello from a real socket")) {
            sawLive = true;
            liveLine = int(i);
        }
    }
    QVERIFY(sawLive);
    playback->setPosition(liveLine);
    QVERIFY(window.dialogue()->visibleLines().contains(QStringLiteral("EHLO student")));

    window.stopServing();
    QVERIFY(!window.isServing());
    QTcpSocket late;
    late.connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_VERIFY(late.state() == QAbstractSocket::UnconnectedState);
}

void TestAppLive::faultInjectedActsOnRealClients()
{
    app::MainWindow window;
    QVERIFY(window.openScenario(QStringLiteral(CARTEIRO_SOURCE_DIR "/tests/data/serve.yaml")));
    window.setLiveOptions(freePorts());
    QVERIFY(window.startServing());
    const quint16 port =
        portOf(*window.liveServer(), QStringLiteral("mail.hamburger.edu"), QStringLiteral("smtp"));

    core::FaultSpec down;
    down.kind = QStringLiteral("down");
    down.host = QStringLiteral("mail.hamburger.edu");
    window.injectFault(down);

    QTcpSocket client;
    QByteArray heard;
    connect(&client, &QTcpSocket::readyRead, [&]() { heard += client.readAll(); });
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_VERIFY(client.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(heard.isEmpty());
    QCOMPARE(window.liveServer()->counters().refused, quint64(1));

    window.bringHostBackUp(QStringLiteral("mail.hamburger.edu"));
    QTcpSocket again;
    QByteArray greeting;
    connect(&again, &QTcpSocket::readyRead, [&]() { greeting += again.readAll(); });
    again.connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_VERIFY(greeting.startsWith("220 hamburger.edu"));
}

void TestAppLive::openingAnotherScenarioStopsServing()
{
    app::MainWindow window;
    QVERIFY(window.openScenario(QStringLiteral(CARTEIRO_SOURCE_DIR "/tests/data/serve.yaml")));
    window.setLiveOptions(freePorts());
    QVERIFY(window.startServing());
    QVERIFY(
        window.openScenario(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/01-alice-to-bob.yaml")));
    QVERIFY(!window.isServing());
    QVERIFY(window.playback()->count() > 0);
}

QTEST_MAIN(TestAppLive)
#include "tst_applive.moc"
