#pragma once

#include "core/sim/simulation.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

namespace carteiro::core {

class Trace;

// A run as a packet capture that Wireshark and tshark open: the classic libpcap format
// (microsecond timestamps, Ethernet frames, IPv4, TCP), rebuilt from the trace alone, so the
// same run always gives the same bytes.
//
// - Hosts: every host that takes part in a connection gets one address, in the alphabetical
//   order of the host names: 10.0.0.1, 10.0.0.2, ... (10.0.1.1 after 10.0.0.254); its MAC
//   address is 02:00 followed by the four bytes of its IPv4 address.
// - Time: virtual time 0 is the scenario's epoch, the date the messages' Date fields count
//   from (Monday 2 March 2026, 09:00:00 UTC). Each packet is stamped when its sender sends it.
// - Connections: each one is a TCP stream from port 49152 + (connection number - 1) modulo
//   16384 on the client to the real port on the server (25, 587, 110, 143). An established
//   connection opens with SYN, SYN-ACK, ACK (MSS 1460, window scale 7); each protocol line is
//   one segment (split at the MSS) holding the line and its CRLF exactly as the trace
//   recorded them, dot-stuffing included; the receiver acknowledges each burst of data that
//   reaches it when it has nothing to send at that moment. A close is FIN from the side that
//   closed, FIN-ACK from the other when it arrives, and the last ACK; a connection cut by a
//   drop fault ends with RST from the server. A refused connection is SYN answered by RST; a
//   timed-out one is a SYN repeated after 1, 3, 7 and 15 seconds and never answered.
// - Not in the capture: DNS lookups (the trace keeps only their outcome), notes, queue events.
class PcapWriter
{
public:
    // Reads the whole trace now; the writer keeps no reference to it.
    explicit PcapWriter(const Trace &trace);
    ~PcapWriter();
    PcapWriter(const PcapWriter &) = delete;
    PcapWriter &operator=(const PcapWriter &) = delete;

    static constexpr int kFirstClientPort = 49152; // IANA's dynamic range (RFC 6335 section 6)
    static constexpr int kMss = 1460;              // Ethernet's 1500-byte MTU less IPv4 and TCP
    static constexpr int kWindowScale = 7;         // RFC 7323 section 2

    // The capture file's bytes.
    QByteArray bytes() const;
    // Writes the capture to an open device; false if the device refused the bytes.
    bool write(QIODevice &device) const;
    // Writes the capture to a file; on failure false and a one-line reason in *error.
    bool writeFile(const QString &path, QString *error = nullptr) const;

    int packetCount() const { return int(m_packets.size()); }
    // The hosts in the capture, in address order, and the address of each ("10.0.0.1").
    QStringList hosts() const { return m_hosts; }
    QString addressOf(const QString &host) const;

private:
    struct Stream;
    struct Packet
    {
        SimTime time = 0;
        quint64 payload = 0; // offset in m_payloads
        quint32 stream = 0;
        quint32 seq = 0;
        quint32 ack = 0;
        quint16 length = 0;
        quint8 flags = 0;
        bool fromClient = false;
    };

    void build(const Trace &trace);
    void buildStream(const Stream &stream, quint32 index);
    QByteArray frame(const Packet &packet, std::vector<quint16> &ipIds) const;

    QStringList m_hosts;
    QHash<QString, int> m_hostIndex; // lower-case name -> index in m_hosts
    struct Endpoints
    {
        quint32 clientAddress = 0, serverAddress = 0;
        quint16 clientPort = 0, serverPort = 0;
        int clientHost = 0, serverHost = 0;
    };
    std::vector<Endpoints> m_streams;
    std::vector<Packet> m_packets;
    QByteArray m_payloads; // every segment's bytes, one after the other
};

} // namespace carteiro::core
