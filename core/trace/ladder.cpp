#include "core/trace/ladder.h"

#include <algorithm>

namespace carteiro::core {

using Type = TraceEvent::Type;

int LadderDiagram::lane(const QString &host)
{
    const int found = int(m_lanes.indexOf(host));
    if (found >= 0)
        return found;
    m_lanes << host;
    return int(m_lanes.size()) - 1;
}

void LadderDiagram::add(const TraceEvent &event, int index)
{
    if (event.type == Type::Line) {
        // The client's lifeline first, whoever speaks first: it opened the connection.
        const int client = lane(event.client);
        const int server = lane(event.server);
        LadderArrow arrow;
        arrow.fromClient = event.direction != TraceEvent::Direction::ServerToClient;
        arrow.fromLane = arrow.fromClient ? client : server;
        arrow.toLane = arrow.fromClient ? server : client;
        arrow.sendTime = event.time;
        arrow.arrivalTime = std::max(event.time, event.arrival);
        arrow.text = event.text;
        arrow.protocol = event.protocol;
        arrow.traceIndex = index;
        arrow.connection = event.connection;
        m_arrows.push_back(arrow);
        m_current = event.connection;
        return;
    }
    LadderMarker marker;
    switch (event.type) {
    case Type::Connect:
        marker.kind = LadderMarker::Kind::Connect;
        break;
    case Type::Close:
        marker.kind = LadderMarker::Kind::Close;
        break;
    case Type::Dns:
        marker.kind = LadderMarker::Kind::Dns;
        break;
    default:
        return;
    }
    if (event.client.isEmpty())
        return;
    marker.fromLane = lane(event.client);
    marker.toLane = event.server.isEmpty() ? marker.fromLane : lane(event.server);
    marker.time = event.time;
    marker.text = event.text;
    marker.protocol = event.protocol;
    marker.traceIndex = index;
    marker.connection = event.connection;
    m_markers.push_back(marker);
}

LadderDiagram LadderDiagram::fromRange(const Trace &trace, std::size_t first, std::size_t last,
                                       quint64 connection)
{
    LadderDiagram diagram;
    if (trace.isEmpty() || first >= trace.size())
        return diagram;
    last = std::min(last, trace.size() - 1);
    if (last < first)
        return diagram;
    diagram.m_first = int(first);
    diagram.m_last = int(last);
    for (std::size_t i = first; i <= last; ++i) {
        const Type type = trace.typeAt(i);
        if (type != Type::Line && type != Type::Connect && type != Type::Close && type != Type::Dns)
            continue;
        const TraceEvent event = trace.at(i);
        if (connection != 0 && event.connection != connection)
            continue;
        diagram.add(event, int(i));
    }
    return diagram;
}

LadderDiagram LadderDiagram::upTo(const Trace &trace, int position, int window)
{
    position = std::min(position, int(trace.size()) - 1);
    if (position < 0)
        return {};
    // Read back from the position until `window` lines are in and the current connection's
    // connect has been seen, but never more than kMaxLines lines or kMaxScan events.
    quint64 current = 0;
    bool currentKnown = false;
    bool started = false;
    int lines = 0;
    int first = position;
    for (int i = position; i >= 0 && position - i < kMaxScan; --i) {
        first = i;
        const Type type = trace.typeAt(std::size_t(i));
        if (type == Type::Line) {
            if (!currentKnown) {
                current = trace.at(std::size_t(i)).connection;
                currentKnown = true;
            }
            ++lines;
        } else if (type == Type::Connect && currentKnown &&
                   trace.at(std::size_t(i)).connection == current) {
            started = true;
        }
        if (lines >= window && (started || current == 0 || lines >= kMaxLines))
            break;
    }
    return fromRange(trace, std::size_t(first), std::size_t(position));
}

int LadderDiagram::arrowAtOrBefore(int position) const
{
    // Arrows are in trace order: the last one whose index is not after the position.
    auto after =
        std::upper_bound(m_arrows.begin(), m_arrows.end(), position,
                         [](int pos, const LadderArrow &arrow) { return pos < arrow.traceIndex; });
    return int(after - m_arrows.begin()) - 1;
}

namespace {

// One span between two lifelines: `head` at the receiving end, the label centred in the
// stroke with at least two stroke characters on each side.
void drawSpan(QString &row, int from, int to, QChar stroke, bool head, QString label)
{
    const int left = std::min(from, to);
    const int right = std::max(from, to);
    const int inner = right - left - 1;
    if (inner <= 0)
        return;
    for (int x = left + 1; x < right; ++x)
        row[x] = stroke;
    if (head)
        row[to > from ? right - 1 : left + 1] = QLatin1Char(to > from ? '>' : '<');
    const int room = inner - 4;
    if (room <= 0 || label.isEmpty())
        return;
    if (label.size() > room)
        label = room > 3 ? label.left(room - 3) + QStringLiteral("...") : label.left(room);
    const int start = left + 1 + (inner - int(label.size())) / 2;
    for (int k = 0; k < label.size(); ++k)
        row[start + k] = label[k];
}

} // namespace

QString LadderDiagram::toAscii(int width) const
{
    if (m_lanes.isEmpty())
        return {};
    // Rows in trace order: arrows and markers are each already sorted by trace index.
    struct Row
    {
        int traceIndex;
        const LadderArrow *arrow;
        const LadderMarker *marker;
    };
    std::vector<Row> rows;
    rows.reserve(m_arrows.size() + m_markers.size());
    for (const LadderArrow &arrow : m_arrows)
        rows.push_back({arrow.traceIndex, &arrow, nullptr});
    for (const LadderMarker &marker : m_markers)
        rows.push_back({marker.traceIndex, nullptr, &marker});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.traceIndex < b.traceIndex; });

    int timeWidth = 0;
    for (const Row &row : rows)
        timeWidth =
            std::max(timeWidth,
                     int(formatSimTime(row.arrow ? row.arrow->sendTime : row.marker->time).size()));
    timeWidth += 2;

    const int n = int(m_lanes.size());
    const int area = std::max(width - timeWidth, 2 * n);
    std::vector<int> x(std::size_t(n), 0);
    if (n == 1) {
        x[0] = timeWidth + area / 2;
    } else {
        const int pad = std::max(1, std::min(12, area / (2 * n)));
        const int span = area - 2 * pad - 1;
        for (int i = 0; i < n; ++i)
            x[std::size_t(i)] = timeWidth + pad + i * span / (n - 1);
    }
    const int total = x.back() + 1;

    auto blank = [&]() {
        QString row(total, QLatin1Char(' '));
        for (int pos : x)
            row[pos] = QLatin1Char('|');
        return row;
    };
    QStringList out;
    // Names centred over their lifelines, shortened so neighbours never touch.
    {
        QString header(total + 40, QLatin1Char(' '));
        for (int i = 0; i < n; ++i) {
            const int gap = n == 1 ? area
                                   : (i + 1 < n ? x[std::size_t(i + 1)] - x[std::size_t(i)]
                                                : x[std::size_t(i)] - x[std::size_t(i - 1)]);
            QString name = m_lanes[i];
            if (name.size() > gap - 1)
                name = name.left(std::max(1, gap - 1));
            const int start = std::max(0, x[std::size_t(i)] - int(name.size()) / 2);
            for (int k = 0; k < name.size(); ++k)
                header[start + k] = name[k];
        }
        out << header;
        out << blank();
    }
    for (const Row &r : rows) {
        QString row = blank();
        SimTime time = 0;
        if (r.arrow) {
            time = r.arrow->sendTime;
            drawSpan(row, x[std::size_t(r.arrow->fromLane)], x[std::size_t(r.arrow->toLane)],
                     QLatin1Char('-'), true, r.arrow->text);
        } else {
            const LadderMarker &m = *r.marker;
            time = m.time;
            const int from = x[std::size_t(m.fromLane)];
            const int to = x[std::size_t(m.toLane)];
            if (m.kind == LadderMarker::Kind::Connect)
                drawSpan(row, from, to, QLatin1Char('='), true, QStringLiteral("connect"));
            else if (m.kind == LadderMarker::Kind::Close)
                drawSpan(row, from, to, QLatin1Char('='), false, QStringLiteral("close"));
            else
                drawSpan(row, from, to, QLatin1Char('~'), true, m.text);
        }
        const QString when = formatSimTime(time);
        for (int k = 0; k < when.size() && k < timeWidth; ++k)
            row[k] = when[k];
        out << row;
    }
    for (QString &row : out) {
        int end = int(row.size());
        while (end > 0 && row[end - 1] == QLatin1Char(' '))
            --end;
        row.truncate(end);
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace carteiro::core
