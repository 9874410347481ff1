#include "core/world/runstatistics.h"

#include "core/world/runseries.h"

namespace carteiro::core {

RunStatistics RunStatistics::of(const Trace &trace, std::size_t upTo)
{
    // The figures the charts draw, read the same way (core/world/runseries.h), counted up to
    // the position.
    const RunSeries series(trace);
    const std::size_t end = upTo ? std::min(upTo, trace.size()) : trace.size();
    RunStatistics stats;
    stats.accepted = series.accepted(end);
    stats.delivered = series.outcome(RunSeries::Delivered, end);
    stats.relayed = series.outcome(RunSeries::Relayed, end);
    stats.retries = series.outcome(RunSeries::Retried, end);
    stats.bounced = series.outcome(RunSeries::Bounced, end);
    stats.faults = series.faults(end);
    stats.refused = series.refused(end);
    for (const QString &protocol : series.protocols()) {
        if (const int lines = series.linesOf(protocol, end))
            stats.linesByProtocol[protocol] = lines;
        const int connections = series.connectionsOf(protocol, end);
        if (connections > 0)
            stats.connectionsByProtocol[protocol] = connections;
        stats.connections += connections;
    }
    // The last event that is something happening, not a note, a question or a count.
    for (std::size_t i = end; i-- > 0;) {
        const TraceEvent::Type type = trace.typeAt(i);
        if (type != TraceEvent::Type::Note && type != TraceEvent::Type::Ask &&
            type != TraceEvent::Type::Mailbox) {
            stats.duration = trace.timeAt(i);
            break;
        }
    }
    return stats;
}

} // namespace carteiro::core
