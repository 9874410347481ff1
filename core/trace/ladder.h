#pragma once

#include "core/trace/trace.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace carteiro::core {

// One protocol line drawn as an arrow between two lifelines: it leaves `fromLane` at
// `sendTime` and reaches `toLane` at `arrivalTime` (later when the link has latency, so the
// arrow slants down, as in a textbook ladder).
struct LadderArrow
{
    int fromLane = 0;
    int toLane = 0;
    SimTime sendTime = 0;
    SimTime arrivalTime = 0;
    QString text;
    QString protocol;
    int traceIndex = -1;
    quint64 connection = 0;
    bool fromClient = true;
};

// What is not a protocol line but belongs on the ladder: a TCP connection opened or closed,
// a DNS question and its answer.
struct LadderMarker
{
    enum class Kind { Connect, Close, Dns };
    Kind kind = Kind::Connect;
    int fromLane = 0;
    int toLane = 0;
    SimTime time = 0;
    QString text;
    QString protocol;
    int traceIndex = -1;
    quint64 connection = 0;
};

// The data behind the ladder (sequence) diagram, toolkit-free as in Wireshark's
// tap-sequence-analysis: lifelines, arrows and markers in time order. The GUI only draws it;
// tests and the CLI can dump it as ASCII.
class LadderDiagram
{
public:
    // Lines kept before the current connection by upTo(), and the most events it ever reads
    // back, so a 100,000-event trace costs the same as a short one.
    static constexpr int kDefaultWindow = 300;
    static constexpr int kMaxScan = 20000;
    // A connection longer than this (a big RETR) is shown from its last kMaxLines lines.
    static constexpr int kMaxLines = 2000;

    LadderDiagram() = default;

    // Events first..last (inclusive, clamped to the trace); with `connection` non-zero only
    // that connection's lines, connect and close.
    static LadderDiagram fromRange(const Trace &trace, std::size_t first, std::size_t last,
                                   quint64 connection = 0);
    // What has happened up to `position`: the current connection (the one of the line at or
    // before the position) from its start, and at least `window` lines before the position.
    static LadderDiagram upTo(const Trace &trace, int position, int window = kDefaultWindow);

    const QStringList &lanes() const { return m_lanes; }
    int laneOf(const QString &host) const { return int(m_lanes.indexOf(host)); }
    const std::vector<LadderArrow> &arrows() const { return m_arrows; }
    const std::vector<LadderMarker> &markers() const { return m_markers; }
    bool isEmpty() const { return m_arrows.empty() && m_markers.empty(); }
    // The trace range read (-1 when empty).
    int firstIndex() const { return m_first; }
    int lastIndex() const { return m_last; }
    // The connection of the last line in the range (0 when none).
    quint64 currentConnection() const { return m_current; }
    // Index into arrows() of the last arrow at or before trace index `position`, -1 if none.
    int arrowAtOrBefore(int position) const;

    // A textbook ladder in plain ASCII, one row per arrow or marker in trace order: lifelines
    // as `|`, arrows as `|---text-->|` and `|<--text---|`, connect `===>`, close `===`,
    // DNS `~~~>`; the send time on the left. Rows have no trailing spaces.
    QString toAscii(int width = 100) const;

private:
    int lane(const QString &host);
    void add(const TraceEvent &event, int index);

    QStringList m_lanes;
    std::vector<LadderArrow> m_arrows;
    std::vector<LadderMarker> m_markers;
    int m_first = -1;
    int m_last = -1;
    quint64 m_current = 0;
};

} // namespace carteiro::core
