#include "core/capture/pcapwriter.h"

#include "core/message/rfc5322.h"
#include "core/net/network.h"
#include "core/trace/trace.h"

#include <QBuffer>
#include <QDateTime>
#include <QIODevice>
#include <QSaveFile>

#include <algorithm>
#include <cstring>
#include <limits>

namespace carteiro::core {

namespace {

// The classic libpcap file format: https://www.tcpdump.org/manpages/pcap-savefile.5.html
constexpr quint32 kPcapMagic = 0xa1b2c3d4; // microsecond timestamps
constexpr quint16 kPcapMajor = 2;
constexpr quint16 kPcapMinor = 4;
constexpr quint32 kSnapLength = 65535;
constexpr quint32 kLinkTypeEthernet = 1; // https://www.tcpdump.org/linktypes.html

constexpr int kEthernetHeader = 14;
constexpr quint16 kEtherTypeIpv4 = 0x0800;
constexpr int kIpv4Header = 20; // RFC 791, no options
constexpr quint8 kTtl = 64;     // RFC 1700's default
constexpr quint8 kProtocolTcp = 6;
constexpr int kTcpHeader = 20; // RFC 9293 section 3.1, no options
constexpr int kSynOptions = 8; // MSS (4), NOP (1), window scale (3)
constexpr quint16 kWindow = 0xffff;

// TCP flags, RFC 9293 section 3.1.
constexpr quint8 kFin = 0x01;
constexpr quint8 kSyn = 0x02;
constexpr quint8 kRst = 0x04;
constexpr quint8 kPsh = 0x08;
constexpr quint8 kAck = 0x10;

constexpr int kClientPorts = 65536 - PcapWriter::kFirstClientPort;
// When an unanswered SYN is sent again: Linux's initial RTO of one second, doubled each time
// (RFC 6298 section 5), within Network::kConnectTimeout.
constexpr SimTime kSynRetries[] = {0, 1 * kSecond, 3 * kSecond, 7 * kSecond, 15 * kSecond};

// The order of packets sent at the same moment on one connection.
enum Rank { Handshake, Data, PureAck, Closing, PeerFin, LastAck };

// Virtual time 0 as seconds since 1970: the epoch of the messages' Date fields, read back
// from rfc5322::formatDate so the two never disagree.
qint64 epochSeconds()
{
    static const qint64 seconds =
        QDateTime::fromString(rfc5322::formatDate(0), Qt::RFC2822Date).toSecsSinceEpoch();
    return seconds;
}

// A fixed initial sequence number per connection and side (SplitMix64), so runs compare byte
// for byte and no two streams start alike.
quint32 initialSequence(quint64 connection, bool client)
{
    quint64 z = connection * 2 + (client ? 1 : 0) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return quint32(z ^ (z >> 31));
}

quint32 addressFor(int index)
{
    const quint32 n = quint32(index);
    const quint32 low = n % 254 + 1; // never .0 or .255
    const quint32 high = n / 254;
    return (10u << 24) | ((high & 0xffff) << 8) | low;
}

void put16(char *at, quint16 value)
{
    at[0] = char(value >> 8);
    at[1] = char(value);
}

void put32(char *at, quint32 value)
{
    put16(at, quint16(value >> 16));
    put16(at + 2, quint16(value));
}

void putLittle32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out += char(value >> (8 * i));
}

void putLittle16(QByteArray &out, quint16 value)
{
    out += char(value);
    out += char(value >> 8);
}

// The Internet checksum's running sum (RFC 1071) over big-endian 16-bit words.
quint32 sum16(const char *data, int length, quint32 sum = 0)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    for (int i = 0; i + 1 < length; i += 2)
        sum += quint32(bytes[i] << 8 | bytes[i + 1]);
    if (length % 2)
        sum += quint32(bytes[length - 1] << 8);
    return sum;
}

quint16 fold(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum);
}

} // namespace

// One connection as the trace tells it, gathered before its packets are built.
struct PcapWriter::Stream
{
    quint64 number = 0;
    QString client;
    QString server;
    int port = 0;
    bool connected = false;
    SimTime connectTime = 0;
    SimTime connectArrival = -1;
    Network::ConnectOutcome outcome = Network::ConnectOutcome::Established;
    struct Segment
    {
        SimTime sent = 0;
        SimTime arrival = 0;
        quint64 payload = 0;
        quint32 length = 0;
        bool fromClient = false;
    };
    std::vector<Segment> segments;
    bool closed = false;
    SimTime closeTime = 0;
    Network::CloseCause cause = Network::CloseCause::ByServer;
};

PcapWriter::PcapWriter(const Trace &trace)
{
    build(trace);
}

PcapWriter::~PcapWriter() = default;

QString PcapWriter::addressOf(const QString &host) const
{
    const int index = m_hostIndex.value(host.toLower(), -1);
    if (index < 0)
        return {};
    const quint32 a = addressFor(index);
    return QStringLiteral("%1.%2.%3.%4")
        .arg(a >> 24)
        .arg((a >> 16) & 0xff)
        .arg((a >> 8) & 0xff)
        .arg(a & 0xff);
}

void PcapWriter::build(const Trace &trace)
{
    std::vector<Stream> streams;
    QHash<quint64, int> byNumber;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const TraceEvent::Type type = trace.typeAt(i);
        if (type != TraceEvent::Type::Line && type != TraceEvent::Type::Connect &&
            type != TraceEvent::Type::Close)
            continue;
        const TraceEvent event = trace.at(i);
        if (event.connection == 0)
            continue;
        int index = byNumber.value(event.connection, -1);
        if (index < 0) {
            index = int(streams.size());
            byNumber.insert(event.connection, index);
            Stream stream;
            stream.number = event.connection;
            stream.client = event.client;
            stream.server = event.server;
            stream.port = event.port;
            streams.push_back(std::move(stream));
        }
        Stream &stream = streams[std::size_t(index)];
        switch (type) {
        case TraceEvent::Type::Connect:
            stream.connected = true;
            stream.connectTime = event.time;
            stream.connectArrival = event.arrival;
            stream.outcome = Network::connectOutcome(event);
            break;
        case TraceEvent::Type::Line: {
            // The trace keeps the line without its CRLF; the wire had both.
            const QByteArray line = event.text.toUtf8() + "\r\n";
            const bool fromClient = event.direction == TraceEvent::Direction::ClientToServer;
            Stream::Segment segment;
            segment.sent = event.time;
            segment.arrival = std::max(event.arrival, event.time);
            segment.payload = quint64(m_payloads.size());
            segment.length = quint32(line.size());
            segment.fromClient = fromClient;
            m_payloads += line;
            stream.segments.push_back(segment);
            break;
        }
        case TraceEvent::Type::Close:
            stream.closed = true;
            stream.closeTime = event.time;
            stream.cause = Network::closeCause(event);
            break;
        default:
            break;
        }
    }

    // Addresses in the alphabetical order of the host names, so they do not depend on who
    // spoke first.
    QHash<QString, QString> names;
    for (const Stream &stream : streams) {
        if (!stream.connected)
            continue;
        names.insert(stream.client.toLower(), stream.client);
        names.insert(stream.server.toLower(), stream.server);
    }
    QStringList keys = names.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys) {
        m_hostIndex.insert(key, int(m_hosts.size()));
        m_hosts << names.value(key);
    }

    for (const Stream &stream : streams) {
        // Lines without their connect event (none in a whole run) have no handshake to show.
        if (stream.connected)
            buildStream(stream, quint32(m_streams.size()));
    }
    // Streams were built one after the other; the capture interleaves them in time. Packets
    // of one moment keep the order their stream gave them.
    std::stable_sort(m_packets.begin(), m_packets.end(),
                     [](const Packet &a, const Packet &b) { return a.time < b.time; });
}

void PcapWriter::buildStream(const Stream &stream, quint32 index)
{
    Endpoints endpoints;
    endpoints.clientHost = m_hostIndex.value(stream.client.toLower());
    endpoints.serverHost = m_hostIndex.value(stream.server.toLower());
    endpoints.clientAddress = addressFor(endpoints.clientHost);
    endpoints.serverAddress = addressFor(endpoints.serverHost);
    endpoints.clientPort = quint16(kFirstClientPort + (stream.number - 1) % kClientPorts);
    endpoints.serverPort = quint16(stream.port);
    m_streams.push_back(endpoints);

    // Index 0 is the server's side, 1 the client's.
    const quint32 isn[2] = {initialSequence(stream.number, false),
                            initialSequence(stream.number, true)};
    auto push = [&](SimTime time, bool fromClient, quint8 flags, quint32 seq, quint32 ack,
                    quint64 payload = 0, quint16 length = 0) {
        Packet packet;
        packet.time = time;
        packet.stream = index;
        packet.fromClient = fromClient;
        packet.flags = flags;
        packet.seq = seq;
        packet.ack = ack;
        packet.payload = payload;
        packet.length = length;
        m_packets.push_back(packet);
    };

    const SimTime start = stream.connectTime;
    if (stream.outcome == Network::ConnectOutcome::TimedOut) {
        const SimTime firstSyn = start - Network::kConnectTimeout;
        for (SimTime retry : kSynRetries)
            push(firstSyn + retry, true, kSyn, isn[1], 0);
        return;
    }
    // The connect event is stamped when the server's host answered the SYN, its arrival when
    // the answer reached the client: the SYN left one way earlier.
    SimTime oneWay = stream.connectArrival >= start ? stream.connectArrival - start : 0;
    if (stream.connectArrival < 0 && !stream.segments.empty())
        oneWay = stream.segments.front().arrival - stream.segments.front().sent;
    if (stream.outcome == Network::ConnectOutcome::Refused) {
        // RFC 9293 section 3.10.7.1: the RST takes its ACK from the SYN and has sequence 0.
        push(start - oneWay, true, kSyn, isn[1], 0);
        push(start, false, kRst | kAck, 0, isn[1] + 1);
        return;
    }

    struct Local
    {
        SimTime time;
        int rank;
        quint32 order;
        bool fromClient;
        quint8 flags;
        quint64 payload = 0;
        quint16 length = 0;
    };
    std::vector<Local> local;
    local.reserve(stream.segments.size() + 8);
    auto add = [&](SimTime time, int rank, bool fromClient, quint8 flags, quint64 payload = 0,
                   quint16 length = 0) {
        local.push_back(
            Local{time, rank, quint32(local.size()), fromClient, flags, payload, length});
    };

    add(start - oneWay, Handshake, true, kSyn);
    add(start, Handshake, false, kSyn | kAck);
    add(start + oneWay, Handshake, true, kAck);
    for (const Stream::Segment &segment : stream.segments) {
        for (quint32 offset = 0; offset < segment.length; offset += kMss) {
            const quint32 length = std::min<quint32>(kMss, segment.length - offset);
            add(segment.sent, Data, segment.fromClient, kPsh | kAck, segment.payload + offset,
                quint16(length));
        }
    }

    // When each side's FIN reaches the other (index as isn), and when a cut ends everything.
    constexpr SimTime kNever = std::numeric_limits<SimTime>::max();
    SimTime finArrival[2] = {kNever, kNever};
    SimTime resetAt = kNever;
    if (stream.closed && stream.cause == Network::CloseCause::Cut) {
        resetAt = stream.closeTime;
        add(resetAt, Closing, false, kRst | kAck);
    } else if (stream.closed) {
        const bool byClient = stream.cause == Network::CloseCause::ByClient;
        // The one-way delay when the connection closed, as its last line saw it.
        const SimTime delay = stream.segments.empty()
                                  ? oneWay
                                  : stream.segments.back().arrival - stream.segments.back().sent;
        // The FIN reaches the peer after the closer's last bytes: TCP delivers in order.
        SimTime peerFin = stream.closeTime + delay;
        for (const Stream::Segment &segment : stream.segments)
            if (segment.fromClient == byClient)
                peerFin = std::max(peerFin, segment.arrival);
        finArrival[byClient ? 1 : 0] = peerFin;
        finArrival[byClient ? 0 : 1] = peerFin + delay;
        add(stream.closeTime, Closing, byClient, kFin | kAck);
        add(peerFin, PeerFin, !byClient, kFin | kAck);
        add(peerFin + delay, LastAck, byClient, kAck);
    }

    // The receiver of each burst of data acknowledges it on arrival, once, unless it sends
    // something then anyway (the ACK rides on it).
    std::vector<SimTime> sending[2];
    for (const Local &packet : local)
        sending[packet.fromClient ? 1 : 0].push_back(packet.time);
    std::vector<SimTime> reached[2]; // arrival times of data at each side
    for (const Stream::Segment &segment : stream.segments)
        if (segment.arrival < resetAt)
            reached[segment.fromClient ? 0 : 1].push_back(segment.arrival);
    for (int side = 0; side < 2; ++side) {
        std::sort(sending[side].begin(), sending[side].end());
        std::sort(reached[side].begin(), reached[side].end());
        reached[side].erase(std::unique(reached[side].begin(), reached[side].end()),
                            reached[side].end());
        for (SimTime time : reached[side])
            if (!std::binary_search(sending[side].begin(), sending[side].end(), time))
                add(time, PureAck, side == 1, kAck);
    }

    std::sort(local.begin(), local.end(), [](const Local &a, const Local &b) {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return a.order < b.order;
    });

    // Sequence and acknowledgement numbers, in the order the packets leave. A side
    // acknowledges what has reached it, and never more than has been captured before.
    std::vector<SimTime> arrivals[2];
    std::vector<quint64> upTo[2]; // bytes sent by that side up to and including each segment
    for (const Stream::Segment &segment : stream.segments) {
        const int side = segment.fromClient ? 1 : 0;
        arrivals[side].push_back(segment.arrival);
        upTo[side].push_back((upTo[side].empty() ? 0 : upTo[side].back()) + segment.length);
    }
    quint64 sent[2] = {0, 0};
    bool finSent[2] = {false, false};
    auto ackFrom = [&](int side, SimTime time) {
        const int other = 1 - side;
        const auto &times = arrivals[other];
        const std::size_t n =
            std::size_t(std::upper_bound(times.begin(), times.end(), time) - times.begin());
        const quint64 arrived = n ? upTo[other][n - 1] : 0;
        const bool fin = finSent[other] && finArrival[other] <= time;
        return quint32(isn[other] + 1 + std::min(arrived, sent[other]) + (fin ? 1 : 0));
    };
    for (const Local &packet : local) {
        const int side = packet.fromClient ? 1 : 0;
        quint32 seq = isn[side];
        if (!(packet.flags & kSyn))
            seq += quint32(1 + sent[side] + (finSent[side] ? 1 : 0));
        const quint32 ack = (packet.flags & kAck) ? ackFrom(side, packet.time) : 0;
        push(packet.time, packet.fromClient, packet.flags, seq, ack, packet.payload, packet.length);
        sent[side] += packet.length;
        if (packet.flags & kFin)
            finSent[side] = true;
    }
}

QByteArray PcapWriter::frame(const Packet &packet, std::vector<quint16> &ipIds) const
{
    const Endpoints &ends = m_streams[packet.stream];
    const quint32 source = packet.fromClient ? ends.clientAddress : ends.serverAddress;
    const quint32 destination = packet.fromClient ? ends.serverAddress : ends.clientAddress;
    const int sourceHost = packet.fromClient ? ends.clientHost : ends.serverHost;
    const int options = (packet.flags & kSyn) ? kSynOptions : 0;
    const int tcpLength = kTcpHeader + options + packet.length;
    const int ipLength = kIpv4Header + tcpLength;

    QByteArray bytes(kEthernetHeader + ipLength, '\0');
    char *eth = bytes.data();
    // Locally administered MAC addresses (IEEE 802 bit 1 of the first byte): 02:00 + the IP.
    auto putMac = [](char *at, quint32 address) {
        at[0] = 0x02;
        at[1] = 0x00;
        put32(at + 2, address);
    };
    putMac(eth, destination);
    putMac(eth + 6, source);
    put16(eth + 12, kEtherTypeIpv4);

    char *ip = eth + kEthernetHeader;
    ip[0] = 0x45; // version 4, five 32-bit words
    put16(ip + 2, quint16(ipLength));
    put16(ip + 4, ipIds[std::size_t(sourceHost)]++);
    put16(ip + 6, 0x4000); // don't fragment
    ip[8] = char(kTtl);
    ip[9] = char(kProtocolTcp);
    put32(ip + 12, source);
    put32(ip + 16, destination);
    put16(ip + 10, fold(sum16(ip, kIpv4Header)));

    char *tcp = ip + kIpv4Header;
    put16(tcp, packet.fromClient ? ends.clientPort : ends.serverPort);
    put16(tcp + 2, packet.fromClient ? ends.serverPort : ends.clientPort);
    put32(tcp + 4, packet.seq);
    put32(tcp + 8, packet.ack);
    tcp[12] = char(((kTcpHeader + options) / 4) << 4);
    tcp[13] = char(packet.flags);
    put16(tcp + 14, (packet.flags & kRst) ? 0 : kWindow);
    if (options) {
        tcp[20] = 2; // MSS, RFC 9293 section 3.2
        tcp[21] = 4;
        put16(tcp + 22, quint16(kMss));
        tcp[24] = 1; // NOP, so the window scale option ends on a word boundary
        tcp[25] = 3; // window scale, RFC 7323 section 2.2
        tcp[26] = 3;
        tcp[27] = char(kWindowScale);
    }
    if (packet.length)
        memcpy(tcp + kTcpHeader + options, m_payloads.constData() + packet.payload, packet.length);
    // The checksum covers a pseudo-header of addresses, protocol and length (section 3.1).
    quint32 sum = sum16(ip + 12, 8);
    sum += kProtocolTcp + quint32(tcpLength);
    put16(tcp + 16, fold(sum16(tcp, tcpLength, sum)));
    return bytes;
}

bool PcapWriter::write(QIODevice &device) const
{
    QByteArray out;
    putLittle32(out, kPcapMagic);
    putLittle16(out, kPcapMajor);
    putLittle16(out, kPcapMinor);
    putLittle32(out, 0); // GMT to local correction: timestamps are UTC
    putLittle32(out, 0); // accuracy of timestamps
    putLittle32(out, kSnapLength);
    putLittle32(out, kLinkTypeEthernet);

    std::vector<quint16> ipIds(std::size_t(m_hosts.size()), 0);
    const qint64 epochMicros = epochSeconds() * 1000000;
    for (const Packet &packet : m_packets) {
        const QByteArray bytes = frame(packet, ipIds);
        const qint64 micros = epochMicros + packet.time * 1000;
        putLittle32(out, quint32(micros / 1000000));
        putLittle32(out, quint32(micros % 1000000));
        putLittle32(out, quint32(bytes.size()));
        putLittle32(out, quint32(bytes.size()));
        out += bytes;
        if (out.size() > (1 << 20)) {
            if (device.write(out) != out.size())
                return false;
            out.clear();
        }
    }
    return device.write(out) == out.size();
}

QByteArray PcapWriter::bytes() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    write(buffer);
    return bytes;
}

bool PcapWriter::writeFile(const QString &path, QString *error) const
{
    // A half-written capture never replaces a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!write(file) || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace carteiro::core
