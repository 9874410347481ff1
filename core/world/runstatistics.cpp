#include "core/world/runstatistics.h"

#include "core/net/network.h"

namespace carteiro::core {

RunStatistics RunStatistics::of(const Trace &trace, std::size_t upTo)
{
    RunStatistics stats;
    const std::size_t end = upTo ? std::min(upTo, trace.size()) : trace.size();
    for (std::size_t i = 0; i < end; ++i) {
        const TraceEvent::Type type = trace.typeAt(i);
        if (type == TraceEvent::Type::Note || type == TraceEvent::Type::Ask ||
            type == TraceEvent::Type::Mailbox)
            continue;
        const TraceEvent event = trace.at(i);
        stats.duration = event.time;
        switch (type) {
        case TraceEvent::Type::Line:
            ++stats.linesByProtocol[event.protocol];
            break;
        case TraceEvent::Type::Connect:
            if (Network::connectOutcome(event) != Network::ConnectOutcome::Established) {
                ++stats.refused;
            } else {
                ++stats.connections;
                ++stats.connectionsByProtocol[event.protocol];
            }
            break;
        case TraceEvent::Type::Queue:
            ++stats.accepted;
            break;
        case TraceEvent::Type::Retry:
            ++stats.retries;
            break;
        case TraceEvent::Type::Deliver:
            if (event.text.startsWith(QLatin1String("delivered to")))
                ++stats.delivered;
            else if (event.text.startsWith(QLatin1String("relayed")))
                ++stats.relayed;
            break;
        case TraceEvent::Type::Bounce:
            ++stats.bounced;
            break;
        case TraceEvent::Type::Fault:
            ++stats.faults;
            break;
        default:
            break;
        }
    }
    return stats;
}

} // namespace carteiro::core
