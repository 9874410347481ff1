#pragma once

#include "core/sim/simulation.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace carteiro::core {

// One thing that happened in a run. The canvas, the dialogue, the ladder, the CLI and every
// export read these; nothing else describes a run.
struct TraceEvent
{
    enum class Type { Line, Connect, Close, Dns, Queue, Retry, Deliver, Bounce, Fault, Note, Ask };
    enum class Direction { None, ClientToServer, ServerToClient };

    SimTime time = 0;
    Type type = Type::Line;
    QString protocol;   // "SMTP", "POP3", "DNS", ... (empty for notes)
    QString client;     // host that opened the connection (or the acting host)
    QString server;     // host that accepted it (or the host acted upon)
    Direction direction = Direction::None;
    QString text;       // the protocol line without CRLF, or a one-line description
    SimTime arrival = -1; // for lines: when the bytes reach the other side
    quint64 connection = 0; // connection number, 0 when not about a connection
    QString messageId;  // queue id of the message this is about, if any
    int port = 0;
    QStringList extra;  // ask: choices then the answer; note: the Portuguese text

    static QString typeName(Type type);
    QString toJson() const; // one line, fixed key order, so runs compare byte for byte
    QString toText() const; // the CLI's human form
};

class Trace
{
public:
    void append(TraceEvent event) { m_events.push_back(std::move(event)); }
    const std::vector<TraceEvent> &events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }
    const TraceEvent &at(std::size_t index) const { return m_events[index]; }
    void reserve(std::size_t count) { m_events.reserve(count); }
    void clear() { m_events.clear(); }

private:
    std::vector<TraceEvent> m_events;
};

QString formatSimTime(SimTime time); // "0:00:01.240" or "1d 02:00:00.000"

} // namespace carteiro::core
