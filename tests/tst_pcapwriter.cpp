// The capture export read back byte by byte, as Wireshark would read it: the file header,
// checksums recomputed, sequence numbers continuous in each direction, the payload equal to
// the lines of the trace, refused, cut and timed-out connections, and the same run giving
// the same bytes.

#include "core/capture/pcapwriter.h"
#include "core/scenario/scenarioloader.h"
#include "core/trace/trace.h"
#include "core/world/world.h"

#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace carteiro::core;

namespace {

QString scenarioPath(const char *name)
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
}

std::unique_ptr<World> play(const QString &path)
{
    ScenarioLoadResult loaded = ScenarioLoader::loadFile(path);
    if (!loaded.ok()) {
        for (const ScenarioError &e : loaded.errors)
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    auto world = std::make_unique<World>(std::move(loaded.scenario));
    world->run();
    return world;
}

quint32 little32(const QByteArray &bytes, qsizetype at)
{
    const auto *b = reinterpret_cast<const uchar *>(bytes.constData() + at);
    return quint32(b[0]) | quint32(b[1]) << 8 | quint32(b[2]) << 16 | quint32(b[3]) << 24;
}

quint16 big16(const QByteArray &bytes, qsizetype at)
{
    const auto *b = reinterpret_cast<const uchar *>(bytes.constData() + at);
    return quint16(b[0] << 8 | b[1]);
}

quint32 big32(const QByteArray &bytes, qsizetype at)
{
    return quint32(big16(bytes, at)) << 16 | big16(bytes, at + 2);
}

// RFC 1071: the one's complement sum of a block that includes its own checksum is 0xffff.
quint16 onesSum(const QByteArray &bytes, quint32 sum = 0)
{
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        sum += big16(bytes, i);
    if (bytes.size() % 2)
        sum += quint32(uchar(bytes.back())) << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(sum);
}

constexpr quint8 kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10;

struct Packet
{
    qint64 micros = 0; // since 1970
    QByteArray ipHeader;
    QByteArray tcp; // header and payload
    quint32 source = 0, destination = 0;
    quint16 sourcePort = 0, destinationPort = 0;
    quint32 seq = 0, ack = 0;
    quint8 flags = 0;
    QByteArray payload;
    QString error; // what is wrong with the frame, if anything
};

struct Capture
{
    quint32 magic = 0, linkType = 0, snapLength = 0;
    quint16 major = 0, minor = 0;
    std::vector<Packet> packets;
    QString error;
};

Capture parse(const QByteArray &file)
{
    Capture capture;
    if (file.size() < 24) {
        capture.error = QStringLiteral("no header");
        return capture;
    }
    capture.magic = little32(file, 0);
    capture.major = quint16(little32(file, 4));
    capture.minor = quint16(little32(file, 4) >> 16);
    capture.snapLength = little32(file, 16);
    capture.linkType = little32(file, 20);
    qsizetype at = 24;
    while (at < file.size()) {
        if (at + 16 > file.size()) {
            capture.error = QStringLiteral("truncated record header at %1").arg(at);
            return capture;
        }
        Packet packet;
        packet.micros = qint64(little32(file, at)) * 1000000 + little32(file, at + 4);
        const quint32 length = little32(file, at + 8);
        if (little32(file, at + 12) != length || at + 16 + length > quint64(file.size())) {
            capture.error = QStringLiteral("bad record length at %1").arg(at);
            return capture;
        }
        const QByteArray frame = file.mid(at + 16, length);
        at += 16 + length;
        if (big16(frame, 12) != 0x0800 || (uchar(frame.at(14)) != 0x45))
            packet.error = QStringLiteral("not Ethernet and IPv4");
        packet.ipHeader = frame.mid(14, 20);
        const quint16 total = big16(frame, 16);
        if (total != frame.size() - 14)
            packet.error = QStringLiteral("IP length %1 for %2 bytes").arg(total).arg(frame.size());
        packet.source = big32(frame, 26);
        packet.destination = big32(frame, 30);
        packet.tcp = frame.mid(34);
        packet.sourcePort = big16(packet.tcp, 0);
        packet.destinationPort = big16(packet.tcp, 2);
        packet.seq = big32(packet.tcp, 4);
        packet.ack = big32(packet.tcp, 8);
        packet.flags = quint8(packet.tcp.at(13));
        packet.payload = packet.tcp.mid((uchar(packet.tcp.at(12)) >> 4) * 4);
        capture.packets.push_back(packet);
    }
    return capture;
}

QString address(quint32 a)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(a >> 24)
        .arg((a >> 16) & 0xff)
        .arg((a >> 8) & 0xff)
        .arg(a & 0xff);
}

// A connection as the capture shows it: its packets in order, keyed by the client's side.
struct Stream
{
    quint32 client = 0, server = 0;
    quint16 clientPort = 0, serverPort = 0;
    std::vector<const Packet *> packets;
    bool fromClient(const Packet &p) const
    {
        return p.source == client && p.sourcePort == clientPort;
    }
    QByteArray payload(bool client) const
    {
        QByteArray bytes;
        for (const Packet *p : packets)
            if (fromClient(*p) == client)
                bytes += p->payload;
        return bytes;
    }
};

std::vector<Stream> streams(const Capture &capture)
{
    std::vector<Stream> found;
    std::map<std::tuple<quint32, quint16, quint32, quint16>, std::size_t> index;
    for (const Packet &p : capture.packets) {
        auto forward = std::make_tuple(p.source, p.sourcePort, p.destination, p.destinationPort);
        auto backward = std::make_tuple(p.destination, p.destinationPort, p.source, p.sourcePort);
        auto it = index.find(forward);
        if (it == index.end())
            it = index.find(backward);
        if (it == index.end()) {
            Stream stream;
            // The first packet of every stream is the client's SYN.
            stream.client = p.source;
            stream.clientPort = p.sourcePort;
            stream.server = p.destination;
            stream.serverPort = p.destinationPort;
            it = index.emplace(forward, found.size()).first;
            found.push_back(stream);
        }
        found[it->second].packets.push_back(&p);
    }
    return found;
}

qint64 epochMicros()
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

} // namespace

class TestPcapWriter : public QObject
{
    Q_OBJECT

private slots:
    void fileHeaderAndClock();
    void checksums_data();
    void checksums();
    void sequenceNumbersContinuous_data();
    void sequenceNumbersContinuous();
    void handshakePortsAndClose();
    void payloadIsTheWire();
    void sameRunSameBytes();
    void refusedAndCut();
    void timedOut();
    void longLineSplitAtMss();
    void clientCloses();
    void unwritablePath();
};

void TestPcapWriter::fileHeaderAndClock()
{
    auto world = play(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(world);
    const QByteArray bytes = PcapWriter(world->trace()).bytes();
    // libpcap's magic, little-endian, version 2.4, Ethernet.
    QCOMPARE(bytes.left(8), QByteArray::fromHex("d4c3b2a102000400"));
    const Capture capture = parse(bytes);
    QVERIFY2(capture.error.isEmpty(), qPrintable(capture.error));
    QCOMPARE(capture.linkType, 1u);
    QCOMPARE(capture.snapLength, 65535u);
    QVERIFY(!capture.packets.empty());
    // Virtual time 0 is Monday 2 March 2026, 09:00 UTC, as in the messages' Date fields: the
    // first SYN leaves at 0s, the 220 greeting at 20 ms.
    QCOMPARE(capture.packets.front().micros, epochMicros());
    QCOMPARE(capture.packets.at(2).payload, QByteArray("220 crepes.fr\r\n"));
    QCOMPARE(capture.packets.at(2).micros, epochMicros() + 20000);
    for (std::size_t i = 1; i < capture.packets.size(); ++i)
        QVERIFY(capture.packets[i].micros >= capture.packets[i - 1].micros);
}

void TestPcapWriter::checksums_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("01") << scenarioPath("01-alice-to-bob.yaml");
    QTest::newRow("11 attachment") << scenarioPath("11-mime-attachment.yaml");
    QTest::newRow("faults") << QStringLiteral(CARTEIRO_TEST_DATA "/capture-faults.yaml");
}

void TestPcapWriter::checksums()
{
    QFETCH(QString, scenario);
    auto world = play(scenario);
    QVERIFY(world);
    const Capture capture = parse(PcapWriter(world->trace()).bytes());
    QVERIFY2(capture.error.isEmpty(), qPrintable(capture.error));
    for (const Packet &p : capture.packets) {
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(onesSum(p.ipHeader), quint16(0xffff));
        // The TCP checksum covers a pseudo-header: addresses, protocol 6 and the TCP length.
        QByteArray pseudo = p.ipHeader.mid(12, 8);
        const quint32 extra = 6 + quint32(p.tcp.size());
        QCOMPARE(onesSum(pseudo + p.tcp, extra), quint16(0xffff));
    }
}

void TestPcapWriter::sequenceNumbersContinuous_data()
{
    checksums_data();
    QTest::newRow("09 imap") << scenarioPath("09-imap-two-devices.yaml");
}

void TestPcapWriter::sequenceNumbersContinuous()
{
    QFETCH(QString, scenario);
    auto world = play(scenario);
    QVERIFY(world);
    const Capture capture = parse(PcapWriter(world->trace()).bytes());
    for (const Stream &stream : streams(capture)) {
        // Each direction: the next segment starts where the last ended (SYN and FIN count one),
        // and an ACK never covers bytes that are not yet in the capture.
        std::map<bool, quint32> next;
        std::map<bool, bool> synced;
        for (const Packet *p : stream.packets) {
            const bool client = stream.fromClient(*p);
            if (p->flags & kRst) {
                if (synced[client])
                    QCOMPARE(p->seq, next[client]);
                continue;
            }
            if (p->flags & kSyn) {
                if (synced[client]) { // a retransmitted SYN
                    QCOMPARE(p->seq + 1, next[client]);
                    continue;
                }
                synced[client] = true;
                next[client] = p->seq + 1;
            } else {
                QVERIFY(synced[client]);
                QCOMPARE(p->seq, next[client]);
                next[client] += quint32(p->payload.size()) + ((p->flags & kFin) ? 1 : 0);
            }
            if (p->flags & kAck) {
                QVERIFY(synced[!client]);
                const qint32 ahead = qint32(p->ack - next[!client]);
                QVERIFY2(ahead <= 0, qPrintable(QStringLiteral("ACK %1 bytes ahead").arg(ahead)));
            }
            if (!p->payload.isEmpty())
                QCOMPARE(p->flags, quint8(kPsh | kAck));
        }
    }
}

void TestPcapWriter::handshakePortsAndClose()
{
    auto world = play(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(world);
    const PcapWriter writer(world->trace());
    // Addresses follow the alphabetical order of the host names.
    QCOMPARE(writer.hosts(),
             QStringList({QStringLiteral("alice-pc"), QStringLiteral("bob-pc"),
                          QStringLiteral("mail.crepes.fr"), QStringLiteral("mail.hamburger.edu")}));
    QCOMPARE(writer.addressOf(QStringLiteral("alice-pc")), QStringLiteral("10.0.0.1"));
    QCOMPARE(writer.addressOf(QStringLiteral("MAIL.HAMBURGER.EDU")), QStringLiteral("10.0.0.4"));
    QCOMPARE(writer.addressOf(QStringLiteral("nowhere")), QString());

    const Capture capture = parse(writer.bytes());
    const std::vector<Stream> found = streams(capture);
    QCOMPARE(found.size(), std::size_t(3));
    // Alice submits on 587, her server relays on 25, Bob reads on 110.
    QCOMPARE(address(found[0].client), QStringLiteral("10.0.0.1"));
    QCOMPARE(address(found[0].server), QStringLiteral("10.0.0.3"));
    QCOMPARE(found[0].clientPort, quint16(49152));
    QCOMPARE(found[0].serverPort, quint16(587));
    QCOMPARE(found[1].clientPort, quint16(49153));
    QCOMPARE(found[1].serverPort, quint16(25));
    QCOMPARE(address(found[2].client), QStringLiteral("10.0.0.2"));
    QCOMPARE(found[2].serverPort, quint16(110));

    for (const Stream &stream : found) {
        const auto &p = stream.packets;
        QVERIFY(p.size() > 6);
        QCOMPARE(p[0]->flags, kSyn);
        QVERIFY(stream.fromClient(*p[0]));
        QCOMPARE(p[1]->flags, quint8(kSyn | kAck));
        QCOMPARE(p[1]->ack, p[0]->seq + 1);
        // The server closes after 221 / +OK: FIN from it, FIN from the client, the last ACK.
        const Packet &fin = *p[p.size() - 3];
        const Packet &peerFin = *p[p.size() - 2];
        const Packet &last = *p[p.size() - 1];
        QCOMPARE(fin.flags, quint8(kFin | kAck));
        QVERIFY(!stream.fromClient(fin));
        QCOMPARE(peerFin.flags, quint8(kFin | kAck));
        QVERIFY(stream.fromClient(peerFin));
        QCOMPARE(peerFin.ack, fin.seq + 1);
        QCOMPARE(last.flags, kAck);
        QCOMPARE(last.ack, peerFin.seq + 1);
        // One way is 20 ms on these links, 120 ms between the two servers.
        const qint64 oneWay = p[1]->micros - p[0]->micros;
        QVERIFY(oneWay == 20000 || oneWay == 120000);
        QCOMPARE(peerFin.micros - fin.micros, oneWay);
    }
}

void TestPcapWriter::payloadIsTheWire()
{
    // Follow TCP Stream shows exactly the lines of the trace, each with its CRLF, the
    // dot-stuffed body line included.
    auto world = play(QStringLiteral(CARTEIRO_TEST_DATA "/capture-faults.yaml"));
    QVERIFY(world);
    const Capture capture = parse(PcapWriter(world->trace()).bytes());
    const std::vector<Stream> found = streams(capture);
    QByteArray client, server;
    for (const TraceEvent &e : world->trace()) {
        if (e.type == TraceEvent::Type::Line && e.connection == 1)
            (e.direction == TraceEvent::Direction::ClientToServer ? client : server) +=
                e.text.toUtf8() + "\r\n";
    }
    QCOMPARE(found[0].payload(true), client);
    QCOMPARE(found[0].payload(false), server);
    QVERIFY(client.contains("\r\n..a line that starts with a dot\r\n.\r\n"));
}

void TestPcapWriter::sameRunSameBytes()
{
    auto first = play(scenarioPath("05-mx-fallback.yaml"));
    auto second = play(scenarioPath("05-mx-fallback.yaml"));
    QVERIFY(first && second);
    const QByteArray a = PcapWriter(first->trace()).bytes();
    QVERIFY(a.size() > 1000);
    QCOMPARE(PcapWriter(second->trace()).bytes(), a);
}

void TestPcapWriter::refusedAndCut()
{
    auto world = play(QStringLiteral(CARTEIRO_TEST_DATA "/capture-faults.yaml"));
    QVERIFY(world);
    const Capture capture = parse(PcapWriter(world->trace()).bytes());
    const std::vector<Stream> found = streams(capture);
    QCOMPARE(found.size(), std::size_t(5));

    // Refused: the SYN, answered one way later by RST+ACK with sequence 0.
    const Stream &refused = found[1];
    QCOMPARE(refused.serverPort, quint16(25));
    QCOMPARE(refused.packets.size(), std::size_t(2));
    const Packet &syn = *refused.packets[0];
    const Packet &rst = *refused.packets[1];
    QCOMPARE(syn.flags, kSyn);
    QCOMPARE(rst.flags, quint8(kRst | kAck));
    QCOMPARE(rst.seq, 0u);
    QCOMPARE(rst.ack, syn.seq + 1);
    QCOMPARE(rst.micros - syn.micros, qint64(20000));
    // The trace stamps the refusal when the RST leaves and the client learns of it later.
    for (const TraceEvent &e : world->trace()) {
        if (e.type == TraceEvent::Type::Connect && e.connection == 2) {
            QVERIFY(e.text.endsWith(QLatin1String("connection refused")));
            QCOMPARE(epochMicros() + e.time * 1000, rst.micros);
            QCOMPARE(e.arrival, e.time + 20);
        }
    }

    // Cut at DATA by a drop fault: the server resets after the client's data; nothing follows.
    const Stream &cut = found[2];
    const Packet &reset = *cut.packets.back();
    QCOMPARE(reset.flags, quint8(kRst | kAck));
    QVERIFY(!cut.fromClient(reset));
    QVERIFY(cut.payload(true).endsWith("\r\n.\r\n"));
    for (const Packet *p : cut.packets)
        QVERIFY(!(p->flags & kFin));

    // Delivered, then read by IMAP: both end with FIN.
    QCOMPARE(found[3].serverPort, quint16(25));
    QCOMPARE(found[4].serverPort, quint16(143));
    QVERIFY(found[4].payload(true).startsWith("a001 LOGIN bob ketchup\r\n"));
}

void TestPcapWriter::timedOut()
{
    // A host that is down never answers: the SYN is sent again after 1, 3, 7 and 15 s and the
    // client gives up at 30 s, when the trace records the timeout.
    auto world = play(scenarioPath("03-host-down-then-back.yaml"));
    QVERIFY(world);
    const Capture capture = parse(PcapWriter(world->trace()).bytes());
    const std::vector<Stream> found = streams(capture);
    const Stream &attempt = found[1];
    QCOMPARE(attempt.serverPort, quint16(25));
    QCOMPARE(attempt.packets.size(), std::size_t(5));
    const qint64 start = attempt.packets[0]->micros;
    const qint64 offsets[] = {0, 1, 3, 7, 15};
    for (std::size_t i = 0; i < 5; ++i) {
        QCOMPARE(attempt.packets[i]->flags, kSyn);
        QCOMPARE(attempt.packets[i]->seq, attempt.packets[0]->seq);
        QCOMPARE(attempt.packets[i]->micros - start, offsets[i] * 1000000);
    }
    for (const TraceEvent &e : world->trace()) {
        if (e.type == TraceEvent::Type::Connect && e.connection == 2) {
            QVERIFY(e.text.endsWith(QLatin1String("timed out")));
            QCOMPARE(epochMicros() + e.time * 1000 - start, qint64(30000000));
        }
    }
}

void TestPcapWriter::longLineSplitAtMss()
{
    // A trace built by hand: a 3,000-byte line leaves as segments of at most 1,460 bytes.
    Trace trace;
    TraceEvent connect;
    connect.type = TraceEvent::Type::Connect;
    connect.time = 50;
    connect.arrival = 100;
    connect.protocol = QStringLiteral("SMTP");
    connect.client = QStringLiteral("a");
    connect.server = QStringLiteral("b");
    connect.connection = 1;
    connect.port = 25;
    connect.text = QStringLiteral("TCP connection to b port 25 established");
    trace.append(connect);
    TraceEvent line = connect;
    line.type = TraceEvent::Type::Line;
    line.time = 200;
    line.arrival = 250;
    line.direction = TraceEvent::Direction::ClientToServer;
    line.text = QString(2998, QLatin1Char('x'));
    trace.append(line);

    const PcapWriter writer(trace);
    const Capture capture = parse(writer.bytes());
    const std::vector<Stream> found = streams(capture);
    QCOMPARE(found.size(), std::size_t(1));
    QByteArray sent;
    int segments = 0;
    for (const Packet *p : found[0].packets) {
        QVERIFY(p->payload.size() <= PcapWriter::kMss);
        if (!p->payload.isEmpty()) {
            ++segments;
            QCOMPARE(p->micros - epochMicros(), qint64(200000));
        }
        sent += p->payload;
    }
    QCOMPARE(segments, 3);
    QCOMPARE(sent, QByteArray(2998, 'x') + "\r\n");
    // SYN at 0 ms (one way of 50 ms before the SYN-ACK), and the server acknowledges the
    // three segments once, when they arrive.
    QCOMPARE(capture.packets.front().micros - epochMicros(), qint64(0));
    const Packet &ack = capture.packets.back();
    QCOMPARE(ack.flags, kAck);
    QCOMPARE(ack.micros - epochMicros(), qint64(250000));
    QCOMPARE(ack.ack, capture.packets.front().seq + 1 + 3000);
}

void TestPcapWriter::clientCloses()
{
    // The client sends its last line and closes at once: its FIN follows the line, the
    // server answers with FIN-ACK when both arrive, and the client sends the last ACK.
    Trace trace;
    TraceEvent connect;
    connect.type = TraceEvent::Type::Connect;
    connect.time = 10;
    connect.arrival = 20;
    connect.protocol = QStringLiteral("POP3");
    connect.client = QStringLiteral("b-pc");
    connect.server = QStringLiteral("a.example");
    connect.connection = 7;
    connect.port = 110;
    connect.text = QStringLiteral("TCP connection to a.example port 110 established");
    trace.append(connect);
    TraceEvent line = connect;
    line.type = TraceEvent::Type::Line;
    line.time = 30;
    line.arrival = 40;
    line.direction = TraceEvent::Direction::ClientToServer;
    line.text = QStringLiteral("QUIT");
    trace.append(line);
    TraceEvent close = connect;
    close.type = TraceEvent::Type::Close;
    close.time = 30;
    close.text = QStringLiteral("closed by b-pc");
    trace.append(close);

    const PcapWriter writer(trace);
    QCOMPARE(writer.addressOf(QStringLiteral("a.example")), QStringLiteral("10.0.0.1"));
    QCOMPARE(writer.addressOf(QStringLiteral("b-pc")), QStringLiteral("10.0.0.2"));
    const Capture capture = parse(writer.bytes());
    const std::vector<Stream> found = streams(capture);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0].clientPort, quint16(PcapWriter::kFirstClientPort + 6));
    const auto &p = found[0].packets;
    QCOMPARE(p.size(), std::size_t(7)); // SYN, SYN-ACK, ACK, QUIT, FIN, FIN-ACK, ACK
    QCOMPARE(p[3]->payload, QByteArray("QUIT\r\n"));
    QCOMPARE(p[4]->flags, quint8(kFin | kAck));
    QVERIFY(found[0].fromClient(*p[4]));
    QCOMPARE(p[4]->micros, p[3]->micros);
    QCOMPARE(p[5]->flags, quint8(kFin | kAck));
    QVERIFY(!found[0].fromClient(*p[5]));
    QCOMPARE(p[5]->ack, p[4]->seq + 1);
    QCOMPARE(p[5]->micros - epochMicros(), qint64(40000));
    QCOMPARE(p[6]->flags, kAck);
    QCOMPARE(p[6]->ack, p[5]->seq + 1);
    QCOMPARE(p[6]->micros - epochMicros(), qint64(50000));
}

void TestPcapWriter::unwritablePath()
{
    auto world = play(scenarioPath("01-alice-to-bob.yaml"));
    QVERIFY(world);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!PcapWriter(world->trace())
                 .writeFile(dir.filePath(QStringLiteral("no/such/dir.pcap")), &error));
    QVERIFY(error.contains(QLatin1String("no/such/dir.pcap")));
    const QString path = dir.filePath(QStringLiteral("run.pcap"));
    QVERIFY(PcapWriter(world->trace()).writeFile(path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), PcapWriter(world->trace()).bytes());
}

QTEST_GUILESS_MAIN(TestPcapWriter)
#include "tst_pcapwriter.moc"
