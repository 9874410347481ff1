// The topology canvas: one item per host, laid out without overlap; envelopes, down hosts and
// badges as they were at a trace position.

#include "app/canvas/topologyscene.h"
#include "app/canvas/topologyview.h"
#include "core/scenario/scenarioloader.h"
#include "core/world/world.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsItem>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include <memory>

using carteiro::app::TopologyScene;
using carteiro::app::TopologyView;
using namespace carteiro::core;

namespace {

std::unique_ptr<World> runScenario(const char *name)
{
    ScenarioLoadResult loaded = ScenarioLoader::loadFile(
        QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name));
    if (!loaded.ok())
        qFatal("%s", qPrintable(loaded.errors.first().toString()));
    auto world = std::make_unique<World>(std::move(loaded.scenario));
    world->run();
    return world;
}

int indexOf(const Trace &trace, TraceEvent::Type type, const QString &textStart, int from = 0)
{
    for (std::size_t i = std::size_t(from); i < trace.size(); ++i)
        if (trace.typeAt(i) == type && trace.at(i).text.startsWith(textStart))
            return int(i);
    return -1;
}

// 10 domains, each with one MTA and four clients.
Scenario fiftyHosts()
{
    Scenario scenario;
    for (int d = 0; d < 10; ++d) {
        const QString domain = QStringLiteral("dept%1.example.edu").arg(d);
        HostSpec mta;
        mta.name = QStringLiteral("mail.") + domain;
        mta.role = HostRole::Mta;
        mta.localDomains = {domain};
        scenario.hosts << mta;
        DnsZone zone;
        zone.domain = domain;
        zone.mx = {MxRecord{mta.name, 10}};
        scenario.dns << zone;
        for (int c = 0; c < 4; ++c) {
            HostSpec pc;
            pc.name = QStringLiteral("pc%1-%2").arg(d).arg(c);
            pc.role = HostRole::Client;
            pc.user = QStringLiteral("student%1@%2").arg(c).arg(domain);
            pc.submitTo = mta.name;
            pc.accessProtocol = QStringLiteral("pop3");
            pc.accessServer = mta.name;
            scenario.hosts << pc;
            scenario.users << UserSpec{pc.user, QStringLiteral("Student %1").arg(c), {}, {}};
        }
    }
    scenario.index();
    return scenario;
}

void checkNoOverlap(const TopologyScene &scene)
{
    const QStringList names = scene.hostNames();
    for (int i = 0; i < names.size(); ++i) {
        const QGraphicsItem *a = scene.hostItem(names[i]);
        QVERIFY2(a, qPrintable(names[i]));
        QVERIFY(scene.sceneRect().contains(a->sceneBoundingRect()));
        for (int j = i + 1; j < names.size(); ++j) {
            const QGraphicsItem *b = scene.hostItem(names[j]);
            QVERIFY2(!a->sceneBoundingRect().intersects(b->sceneBoundingRect()),
                     qPrintable(names[i] + QLatin1String(" overlaps ") + names[j]));
        }
    }
}

struct Snapshot
{
    int envelopes;
    QStringList summary;
    QStringList badges;
    QString callout;
    bool operator==(const Snapshot &o) const
    {
        return envelopes == o.envelopes && summary == o.summary && badges == o.badges &&
               callout == o.callout;
    }
};

Snapshot snapshot(const TopologyScene &scene)
{
    Snapshot s{scene.envelopeCount(), scene.envelopeSummary(), {}, scene.calloutText()};
    for (const QString &name : scene.hostNames())
        s.badges << name + QLatin1Char('=') + scene.badgeText(name);
    return s;
}

} // namespace

class TestAppCanvas : public QObject
{
    Q_OBJECT

private slots:
    void aSecondRunReplacesTheFirst();
    void everyHostHasAnItem_data();
    void everyHostHasAnItem();
    void fiftyHostsDoNotOverlap();
    void clientLabelsNameTheUser();
    void envelopeOnTheHeloLine();
    void dnsQueryShowsAnArrow();
    void hostDownThenBack();
    void queueBadge();
    void mailboxBadge();
    void revisitingAPositionGivesTheSamePicture();
    void staysFastOnALongTrace();
    void viewZoomsAndFits();
    void screenshot();
};

void TestAppCanvas::everyHostHasAnItem_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("01") << QStringLiteral("01-alice-to-bob.yaml");
    QTest::newRow("03") << QStringLiteral("03-host-down-then-back.yaml");
    QTest::newRow("05") << QStringLiteral("05-mx-fallback.yaml");
    QTest::newRow("02") << QStringLiteral("02-recipient-rejected.yaml");
    QTest::newRow("04") << QStringLiteral("04-host-down-gives-up.yaml");
    QTest::newRow("06") << QStringLiteral("06-telnet-session.yaml");
    QTest::newRow("07") << QStringLiteral("07-pop3-delete-or-keep.yaml");
    QTest::newRow("08") << QStringLiteral("08-several-recipients.yaml");
}

void TestAppCanvas::everyHostHasAnItem()
{
    QFETCH(QString, file);
    auto world = runScenario(file.toUtf8().constData());
    TopologyScene scene;
    scene.setRun(&world->scenario(), &world->trace());
    for (const HostSpec &host : world->scenario().hosts)
        QVERIFY2(scene.hostItem(host.name), qPrintable(host.name));
    QCOMPARE(scene.hostNames().size(), world->scenario().hosts.size());
    checkNoOverlap(scene);
    // Every position can be shown; at the end every badge is drawn.
    for (int p = -1; p < int(world->trace().size()); ++p) {
        scene.setPosition(p);
        QVERIFY(scene.envelopeCount() <= TopologyScene::kMaxEnvelopes);
        if (p >= 0 && world->trace().typeAt(std::size_t(p)) == TraceEvent::Type::Line &&
            scene.hostItem(world->trace().at(std::size_t(p)).client))
            QVERIFY2(scene.envelopeCount() > 0, qPrintable(QString::number(p)));
    }
    checkNoOverlap(scene);
}

void TestAppCanvas::fiftyHostsDoNotOverlap()
{
    const Scenario scenario = fiftyHosts();
    QCOMPARE(scenario.hosts.size(), 50);
    TopologyScene scene;
    scene.setRun(&scenario, nullptr);
    checkNoOverlap(scene);
    // Readable on a 16:9 screen: not one long row or column.
    const QRectF rect = scene.sceneRect();
    QVERIFY2(rect.width() / rect.height() > 0.8 && rect.width() / rect.height() < 3.5,
             qPrintable(QStringLiteral("%1x%2").arg(rect.width()).arg(rect.height())));
    scene.setPosition(5); // no trace: nothing to show, nothing to crash
    QCOMPARE(scene.envelopeCount(), 0);
}

void TestAppCanvas::clientLabelsNameTheUser()
{
    auto world = runScenario("01-alice-to-bob.yaml");
    TopologyScene scene;
    scene.setRun(&world->scenario(), &world->trace());
    QCOMPARE(scene.hostItem(QStringLiteral("alice-pc"))->toolTip(), QStringLiteral("alice-pc"));
    // Senders on the left, recipients on the right.
    QVERIFY(scene.hostItem(QStringLiteral("alice-pc"))->x() <
            scene.hostItem(QStringLiteral("mail.crepes.fr"))->x());
    QVERIFY(scene.hostItem(QStringLiteral("mail.crepes.fr"))->x() <
            scene.hostItem(QStringLiteral("mail.hamburger.edu"))->x());
    QVERIFY(scene.hostItem(QStringLiteral("mail.hamburger.edu"))->x() <
            scene.hostItem(QStringLiteral("bob-pc"))->x());
    // DNS on top.
    QVERIFY(scene.hostItem(QStringLiteral("dns.root"))->y() <
            scene.hostItem(QStringLiteral("mail.crepes.fr"))->y());
}

void TestAppCanvas::envelopeOnTheHeloLine()
{
    auto world = runScenario("01-alice-to-bob.yaml");
    TopologyScene scene;
    scene.setRun(&world->scenario(), &world->trace());
    QCOMPARE(scene.envelopeCount(), 0);
    QVERIFY(scene.calloutText().isEmpty());

    const int helo =
        indexOf(world->trace(), TraceEvent::Type::Line, QStringLiteral("HELO crepes.fr"));
    QVERIFY(helo > 0);
    scene.setPosition(helo);
    QCOMPARE(scene.position(), helo);
    const QStringList summary = scene.envelopeSummary();
    const int at = summary.indexOf(QStringLiteral("mail.crepes.fr>mail.hamburger.edu SMTP"));
    QVERIFY2(at >= 0, qPrintable(summary.join(QLatin1Char(','))));
    QCOMPARE(scene.envelopeColor(at), TopologyScene::protocolColor(QStringLiteral("SMTP")));
    QCOMPARE(scene.calloutText(), QStringLiteral("HELO crepes.fr"));

    scene.setPosition(-1);
    QCOMPARE(scene.envelopeCount(), 0);

    // Bob's POP3 lines are green.
    const int user = indexOf(world->trace(), TraceEvent::Type::Line, QStringLiteral("USER bob"));
    QVERIFY(user > 0);
    scene.setPosition(user);
    QVERIFY(scene.envelopeSummary().contains(QStringLiteral("bob-pc>mail.hamburger.edu POP3")));
    QCOMPARE(scene.envelopeColor(0), TopologyScene::protocolColor(QStringLiteral("POP3")));
}

void TestAppCanvas::dnsQueryShowsAnArrow()
{
    auto world = runScenario("01-alice-to-bob.yaml");
    TopologyScene scene;
    scene.setRun(&world->scenario(), &world->trace());
    const int dns = indexOf(world->trace(), TraceEvent::Type::Dns, QStringLiteral("MX "));
    QVERIFY(dns > 0);
    scene.setPosition(dns);
    QVERIFY(scene.calloutText().startsWith(QStringLiteral("MX hamburger.edu?")));
    bool arrow = false;
    for (QGraphicsItem *item : scene.items())
        arrow |= item->type() == QGraphicsItem::UserType + 5 && item->isVisible();
    QVERIFY(arrow);
}

void TestAppCanvas::hostDownThenBack()
{
    auto world = runScenario("03-host-down-then-back.yaml");
    const Trace &trace = world->trace();
    TopologyScene scene;
    scene.setRun(&world->scenario(), &trace);
    const QString bobs = QStringLiteral("mail.hamburger.edu");
    QVERIFY(!scene.isHostDown(bobs));
    const int down = indexOf(trace, TraceEvent::Type::Fault, bobs + QLatin1String(" is down"));
    const int up = indexOf(trace, TraceEvent::Type::Fault, QStringLiteral("ended: "));
    QVERIFY(down >= 0 && up > down);
    scene.setPosition(down);
    QVERIFY(scene.isHostDown(bobs));
    QVERIFY(scene.badgeText(bobs).contains(QStringLiteral("DOWN")));
    QVERIFY(!scene.isHostDown(QStringLiteral("mail.crepes.fr")));
    scene.setPosition((down + up) / 2);
    QVERIFY(scene.isHostDown(bobs));
    scene.setPosition(up - 1);
    QVERIFY(scene.isHostDown(bobs));
    scene.setPosition(up);
    QVERIFY(!scene.isHostDown(bobs));
    scene.setPosition(int(trace.size()) - 1);
    QVERIFY(!scene.isHostDown(bobs));
    scene.setPosition(down);
    QVERIFY(scene.isHostDown(bobs));
}

void TestAppCanvas::queueBadge()
{
    auto world = runScenario("03-host-down-then-back.yaml");
    const Trace &trace = world->trace();
    TopologyScene scene;
    scene.setRun(&world->scenario(), &trace);
    const QString crepes = QStringLiteral("mail.crepes.fr");
    QCOMPARE(scene.queueLength(crepes), -1);
    QVERIFY(scene.badgeText(crepes).contains(QStringLiteral("queue: 0")));
    const int queued = indexOf(trace, TraceEvent::Type::Queue, QStringLiteral("accepted"));
    const int retry = indexOf(trace, TraceEvent::Type::Retry, QString());
    QVERIFY(queued >= 0 && retry > queued);
    scene.setPosition(queued);
    QCOMPARE(scene.queueLength(crepes), 1);
    scene.setPosition(retry);
    QCOMPARE(scene.queueLength(crepes), 1);
    QVERIFY2(scene.badgeText(crepes).contains(QStringLiteral("queue: 1")),
             qPrintable(scene.badgeText(crepes)));
    int delivered = -1;
    for (int i = retry; i < int(trace.size()); ++i)
        if (trace.typeAt(std::size_t(i)) == TraceEvent::Type::Deliver &&
            trace.at(std::size_t(i)).client == crepes)
            delivered = i;
    QVERIFY(delivered > retry);
    scene.setPosition(delivered - 1);
    QCOMPARE(scene.queueLength(crepes), 1);
    scene.setPosition(delivered);
    QCOMPARE(scene.queueLength(crepes), 0);
    QVERIFY(scene.badgeText(crepes).contains(QStringLiteral("queue: 0")));
}

void TestAppCanvas::mailboxBadge()
{
    auto world = runScenario("01-alice-to-bob.yaml");
    const Trace &trace = world->trace();
    TopologyScene scene;
    scene.setRun(&world->scenario(), &trace);
    const QString bob = QStringLiteral("bob@hamburger.edu");
    const QString server = QStringLiteral("mail.hamburger.edu");
    QCOMPARE(scene.mailboxCount(bob), 0);
    QVERIFY(scene.badgeText(server).contains(QStringLiteral("\u2709 bob: 0")));
    const int stored = indexOf(trace, TraceEvent::Type::Mailbox, bob);
    QVERIFY(stored > 0);
    scene.setPosition(stored - 1);
    QCOMPARE(scene.mailboxCount(bob), 0);
    scene.setPosition(stored);
    QCOMPARE(scene.mailboxCount(bob), 1);
    QVERIFY(scene.badgeText(server).contains(QStringLiteral("\u2709 bob: 1")));
    const int fetched = indexOf(trace, TraceEvent::Type::Mailbox, bob, stored + 1);
    QVERIFY(fetched > stored);
    scene.setPosition(fetched);
    QCOMPARE(scene.mailboxCount(bob), 0);
    QVERIFY(scene.badgeText(server).contains(QStringLiteral("\u2709 bob: 0")));
    // Alice's mailbox is on her own server.
    QVERIFY(scene.badgeText(QStringLiteral("mail.crepes.fr")).contains(QStringLiteral("alice")));
    QVERIFY(scene.badgeText(QStringLiteral("bob-pc")).isEmpty());
}

void TestAppCanvas::revisitingAPositionGivesTheSamePicture()
{
    auto world = runScenario("05-mx-fallback.yaml");
    const int size = int(world->trace().size());
    TopologyScene scene;
    scene.setRun(&world->scenario(), &world->trace());
    for (int n : {0, 5, size / 3, size / 2, size - 1}) {
        scene.setPosition(n);
        const Snapshot first = snapshot(scene);
        scene.setPosition(size - 1 - n);
        scene.setPosition(-1);
        scene.setPosition(n / 2);
        scene.setPosition(n);
        QVERIFY2(snapshot(scene) == first, qPrintable(QString::number(n)));
    }
}

void TestAppCanvas::staysFastOnALongTrace()
{
    Scenario scenario;
    for (const char *name : {"a.example", "b.example", "c.example"}) {
        HostSpec host;
        host.name = QLatin1String(name);
        host.role = HostRole::Mta;
        scenario.hosts << host;
    }
    scenario.index();
    Trace trace;
    constexpr int kEvents = 100'000;
    for (int i = 0; i < kEvents; ++i) {
        TraceEvent e;
        e.time = i * 5;
        e.arrival = e.time + 40; // eight lines in flight at any time
        e.protocol = QStringLiteral("SMTP");
        e.client = i % 2 ? QStringLiteral("a.example") : QStringLiteral("b.example");
        e.server = QStringLiteral("c.example");
        e.direction = TraceEvent::Direction::ClientToServer;
        e.text = QStringLiteral("line %1").arg(i);
        e.connection = 1 + i % 2;
        if (i % 1000 == 999) {
            e.type = TraceEvent::Type::Queue;
            e.count = i / 1000;
            e.client = QStringLiteral("a.example");
        }
        trace.append(e);
    }
    TopologyScene scene;
    QElapsedTimer timer;
    timer.start();
    scene.setRun(&scenario, &trace);
    const qint64 setup = timer.elapsed();
    timer.restart();
    for (int p = 0; p < kEvents; p += 97)
        scene.setPosition(p);
    const qint64 steps = timer.elapsed();
    qInfo("setRun %lld ms, %d steps %lld ms", setup, kEvents / 97 + 1, steps);
    QVERIFY(steps < 3000);
    scene.setPosition(50'500); // 50,499 is a line, 49,999 a queue event
    QCOMPARE(scene.envelopeCount(), 8);
    QCOMPARE(scene.queueLength(QStringLiteral("a.example")), 49);
}

void TestAppCanvas::viewZoomsAndFits()
{
    auto world = runScenario("05-mx-fallback.yaml");
    TopologyScene scene;
    scene.setRun(&world->scenario(), &world->trace());
    TopologyView view;
    view.setScene(&scene);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.userZoomed());
    const qreal fitted = view.zoom();
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(scene.sceneRect()));
    view.zoomIn();
    QVERIFY(view.zoom() > fitted);
    QVERIFY(view.userZoomed());
    view.resize(900, 600); // a zoomed view stays zoomed
    QVERIFY(view.userZoomed());
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(view.zoom() < fitted * 1.25 * 1.01);
    view.fitToWindow();
    QVERIFY(!view.userZoomed());
}

void TestAppCanvas::screenshot()
{
    const QString dir = qEnvironmentVariable("CARTEIRO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set CARTEIRO_SCREENSHOTS to a directory to write the canvas as PNG");
    QDir().mkpath(dir);
    auto render = [&](const char *file, int position, const QString &out) {
        TopologyScene scene;
        static const Scenario fifty = fiftyHosts();
        std::unique_ptr<World> world;
        if (QByteArray(file) == "fifty") {
            scene.setRun(&fifty, nullptr);
        } else {
            world = runScenario(file);
            scene.setRun(&world->scenario(), &world->trace());
        }
        if (position == -2)
            position =
                indexOf(world->trace(), TraceEvent::Type::Line, QStringLiteral("MAIL FROM"), 40);
        if (position == -3)
            position = indexOf(world->trace(), TraceEvent::Type::Dns, QString());
        scene.setPosition(position);
        const QSizeF size = scene.sceneRect().size();
        const qreal scale = 1600.0 / size.width();
        QImage image((size * scale).toSize(), QImage::Format_ARGB32);
        image.setDotsPerMeterX(3780);
        image.setDotsPerMeterY(3780);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter);
        painter.end();
        QVERIFY(image.save(dir + QLatin1Char('/') + out));
    };
    render("05-mx-fallback.yaml", -2, QStringLiteral("canvas-05.png"));
    render("05-mx-fallback.yaml", -3, QStringLiteral("canvas-05-dns.png"));
    render("01-alice-to-bob.yaml", 60, QStringLiteral("canvas-01.png"));
    render("01-alice-to-bob.yaml", -3, QStringLiteral("canvas-01-dns.png"));
    render("fifty", -1, QStringLiteral("canvas-50.png"));
}

void TestAppCanvas::aSecondRunReplacesTheFirst()
{
    // Opening another scenario in the same window lays out only that scenario: nothing of the
    // first run's hosts or links is left behind.
    auto first = runScenario("05-mx-fallback.yaml");
    auto second = runScenario("07-pop3-delete-or-keep.yaml");
    QVERIFY(first && second);
    TopologyScene reused;
    reused.setRun(&first->scenario(), &first->trace());
    reused.setRun(&second->scenario(), &second->trace());
    TopologyScene fresh;
    fresh.setRun(&second->scenario(), &second->trace());
    QCOMPARE(reused.items().size(), fresh.items().size());
    QCOMPARE(reused.hostNames(), fresh.hostNames());
    for (int p = -1; p < int(second->trace().size()); p += 7) {
        reused.setPosition(p);
        fresh.setPosition(p);
        QCOMPARE(reused.envelopeCount(), fresh.envelopeCount());
    }
}

QTEST_MAIN(TestAppCanvas)
#include "tst_appcanvas.moc"
