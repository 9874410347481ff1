#include "core/world/runseries.h"

#include "core/net/network.h"

#include <QHash>

#include <algorithm>

namespace carteiro::core {

namespace {

// How many of the sorted indexes are below `upTo`.
int countBelow(const std::vector<std::size_t> &indexes, std::size_t upTo)
{
    return int(std::lower_bound(indexes.begin(), indexes.end(), upTo) - indexes.begin());
}

} // namespace

RunSeries::RunSeries(const Trace &trace)
{
    QHash<QString, SimTime> acceptedAt; // queue id -> when it was queued
    QString lastProtocol;
    std::vector<std::size_t> *lastLines = nullptr;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const TraceEvent::Type type = trace.typeAt(i);
        switch (type) {
        case TraceEvent::Type::Queue:
        case TraceEvent::Type::Retry:
        case TraceEvent::Type::Deliver:
        case TraceEvent::Type::Bounce:
            break;
        case TraceEvent::Type::Line: {
            // Millions of these in a storm: the protocol is read without building the event.
            const QString &protocol = trace.protocolAt(i);
            if (!lastLines || protocol != lastProtocol) {
                lastProtocol = protocol;
                lastLines = &m_lines[protocol];
            }
            lastLines->push_back(i);
            continue;
        }
        case TraceEvent::Type::Connect: {
            const TraceEvent event = trace.at(i);
            if (Network::connectOutcome(event) == Network::ConnectOutcome::Established)
                m_connections[event.protocol].push_back(i);
            else
                m_refused.push_back(i);
            continue;
        }
        case TraceEvent::Type::Fault:
            m_faults.push_back(i);
            continue;
        default:
            continue;
        }
        const TraceEvent event = trace.at(i);
        // Queue events name the MTA as `client` and carry its queue length in `count`.
        if (event.count >= 0 && !event.client.isEmpty()) {
            auto &samples = m_queues[event.client];
            if (samples.empty())
                m_mtas.append(event.client);
            if (samples.empty() || samples.back().sample.value != event.count)
                samples.push_back({i, {event.time, event.count}});
        }
        switch (type) {
        case TraceEvent::Type::Queue:
            m_accepted.push_back(i);
            if (!event.messageId.isEmpty())
                acceptedAt.insert(event.messageId, event.time);
            break;
        case TraceEvent::Type::Retry:
            m_outcomes[Retried].push_back(i);
            break;
        case TraceEvent::Type::Deliver:
        case TraceEvent::Type::Bounce: {
            const bool delivered = event.text.startsWith(QLatin1String("delivered to"));
            const bool relayed = event.text.startsWith(QLatin1String("relayed"));
            if (type == TraceEvent::Type::Bounce)
                m_outcomes[Bounced].push_back(i);
            else if (delivered)
                m_outcomes[Delivered].push_back(i);
            else if (relayed)
                m_outcomes[Relayed].push_back(i);
            else
                break; // a user agent's download, not a queue's
            const auto found = acceptedAt.constFind(event.messageId);
            if (found != acceptedAt.constEnd())
                m_latencies.push_back(
                    {i, Latency{found.value(), event.time - found.value(), event.messageId}});
            break;
        }
        default:
            break;
        }
    }
}

std::vector<RunSeries::Sample> RunSeries::queueLength(const QString &mta, std::size_t upTo,
                                                      int maxPoints) const
{
    std::vector<Sample> out;
    const auto found = m_queues.find(mta);
    if (found == m_queues.end())
        return out;
    const std::vector<Indexed> &all = found->second;
    const auto end = std::lower_bound(all.begin(), all.end(), upTo,
                                      [](const Indexed &s, std::size_t i) { return s.index < i; });
    const std::size_t count = std::size_t(end - all.begin());
    if (count == 0)
        return out;
    if (int(count) <= maxPoints) {
        for (auto it = all.begin(); it != end; ++it)
            out.push_back(it->sample);
        return out;
    }
    // Buckets of equal virtual time; each keeps its largest value (a storm's peak matters).
    const SimTime first = all.front().sample.time;
    const SimTime span = std::max<SimTime>(1, (end - 1)->sample.time - first);
    const SimTime width = std::max<SimTime>(1, span / maxPoints + 1);
    for (auto it = all.begin(); it != end;) {
        const SimTime bucket = (it->sample.time - first) / width;
        Sample peak = it->sample;
        for (; it != end && (it->sample.time - first) / width == bucket; ++it)
            if (it->sample.value > peak.value)
                peak.value = it->sample.value;
        peak.time = first + bucket * width;
        out.push_back(peak);
    }
    return out;
}

int RunSeries::accepted(std::size_t upTo) const
{
    return countBelow(m_accepted, upTo);
}

int RunSeries::refused(std::size_t upTo) const
{
    return countBelow(m_refused, upTo);
}

int RunSeries::faults(std::size_t upTo) const
{
    return countBelow(m_faults, upTo);
}

int RunSeries::outcome(Outcome outcome, std::size_t upTo) const
{
    return countBelow(m_outcomes[outcome], upTo);
}

std::vector<RunSeries::Latency> RunSeries::latencies(std::size_t upTo, int maxPoints) const
{
    const auto end = std::lower_bound(
        m_latencies.begin(), m_latencies.end(), upTo,
        [](const std::pair<std::size_t, Latency> &l, std::size_t i) { return l.first < i; });
    const std::size_t count = std::size_t(end - m_latencies.begin());
    const std::size_t step = std::max<std::size_t>(1, (count + maxPoints - 1) / maxPoints);
    std::vector<Latency> out;
    for (std::size_t i = 0; i < count; i += step)
        out.push_back(m_latencies[i].second);
    return out;
}

QStringList RunSeries::protocols() const
{
    QStringList names;
    for (const auto &[name, indexes] : m_lines)
        names.append(name);
    return names;
}

int RunSeries::linesOf(const QString &protocol, std::size_t upTo) const
{
    const auto found = m_lines.find(protocol);
    return found == m_lines.end() ? 0 : countBelow(found->second, upTo);
}

int RunSeries::connectionsOf(const QString &protocol, std::size_t upTo) const
{
    const auto found = m_connections.find(protocol);
    return found == m_connections.end() ? 0 : countBelow(found->second, upTo);
}

} // namespace carteiro::core
