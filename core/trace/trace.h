#pragma once

#include "core/sim/simulation.h"

#include <QString>
#include <QStringList>

#include <QHash>

#include <memory>
#include <unordered_map>
#include <vector>

namespace carteiro::core {

// One thing that happened in a run. The canvas, the dialogue, the ladder, the CLI and every
// export read these; nothing else describes a run.
struct TraceEvent
{
    enum class Type {
        Line,
        Connect,
        Close,
        Dns,
        Queue,
        Retry,
        Deliver,
        Bounce,
        Fault,
        Note,
        Ask,
        Mailbox
    };
    enum class Direction { None, ClientToServer, ServerToClient };

    SimTime time = 0;
    Type type = Type::Line;
    QString protocol; // "SMTP", "POP3", "DNS", ... (empty for notes)
    QString client;   // host that opened the connection (or the acting host)
    QString server;   // host that accepted it (or the host acted upon)
    Direction direction = Direction::None;
    QString text;           // the protocol line without CRLF, or a one-line description
    SimTime arrival = -1;   // for lines: when the bytes reach the other side; for connects:
                            // when the SYN's answer (SYN-ACK or RST) reaches the client
    quint64 connection = 0; // connection number, 0 when not about a connection
    QString messageId;      // queue id of the message this is about, if any
    int port = 0;
    // queue, retry, deliver, bounce: the MTA's queue length after the event;
    // mailbox: the number of messages in that user's INBOX. -1 when it says nothing.
    int count = -1;
    QStringList extra; // ask: choices then the answer; note: the Portuguese text

    static QString typeName(Type type);
    QString toJson() const; // one line, fixed key order, so runs compare byte for byte
    QString toText() const; // the CLI's human form
};

// Every event of a run, in the order they happened. Stored compactly (names interned, line
// texts packed in one UTF-8 arena) because a storm records millions of lines; read back as
// TraceEvent values.
class Trace
{
public:
    Trace();
    ~Trace();
    Trace(const Trace &) = delete;
    Trace &operator=(const Trace &) = delete;

    // The interned names of one connection, looked up once and reused for each of its lines.
    struct Names
    {
        quint32 protocol = 0, client = 0, server = 0, messageId = 0;
    };
    Names names(const QString &protocol, const QString &client, const QString &server,
                const QString &messageId);

    void append(const TraceEvent &event);
    // The hot path for a protocol line: the text is given as the bytes on the wire.
    void appendLine(SimTime time, SimTime arrival, const Names &names, bool fromClient,
                    const char *text, int length, quint64 connection, int port);

    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    TraceEvent at(std::size_t index) const;
    // Cheap looks without building the whole event.
    SimTime timeAt(std::size_t index) const { return record(index).time; }
    TraceEvent::Type typeAt(std::size_t index) const
    {
        return TraceEvent::Type(record(index).type);
    }
    const QString &protocolAt(std::size_t index) const { return m_names[record(index).protocol]; }
    void clear();

    // For range-for: `for (const TraceEvent &e : trace)` builds each event as it goes.
    class const_iterator
    {
    public:
        const_iterator(const Trace *trace, std::size_t index) : m_trace(trace), m_index(index) {}
        TraceEvent operator*() const { return m_trace->at(m_index); }
        const_iterator &operator++()
        {
            ++m_index;
            return *this;
        }
        bool operator!=(const const_iterator &other) const { return m_index != other.m_index; }

    private:
        const Trace *m_trace;
        std::size_t m_index;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

private:
    struct Record
    {
        SimTime time;
        SimTime arrival;
        quint64 textOffset;
        quint32 textLength;
        quint32 connection;
        quint32 client;
        quint32 server;
        quint32 messageId;
        quint16 protocol;
        quint16 port;
        qint32 count;
        quint8 type;
        quint8 direction;
    };
    // Records live in fixed-size chunks: appending never moves the ones already stored.
    static constexpr std::size_t kChunk = 1 << 16;
    const Record &record(std::size_t index) const
    {
        return m_chunks[index / kChunk][index % kChunk];
    }
    Record &push();
    quint32 intern(const QString &name);
    char *allocate(quint64 size, quint64 *offset); // room in the text arena
    quint64 store(const char *text, int length);
    quint64 store(QStringView text, quint32 *length); // as UTF-8
    QString textOf(const Record &record) const;

    std::vector<std::unique_ptr<Record[]>> m_chunks;
    std::size_t m_size = 0;
    std::vector<QString> m_names; // interned protocol, host and queue-id strings; 0 is ""
    QHash<QString, quint32> m_nameIds;
    std::vector<std::unique_ptr<char[]>> m_blocks;         // the text arena, in fixed-size blocks
    quint64 m_used = 0;                                    // bytes used in the last block
    std::unordered_map<std::size_t, QStringList> m_extras; // rare: note and ask details
};

QString formatSimTime(SimTime time); // "0:00:01.240" or "1d 02:00:00.000"

} // namespace carteiro::core
