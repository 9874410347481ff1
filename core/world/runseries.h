#pragma once

#include "core/trace/trace.h"

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace carteiro::core {

// The figures of a run over virtual time, read once from the trace and then asked for any
// position cheaply: what the statistics charts draw as the playback moves. Only queue, retry,
// delivery, bounce, connect and line events are looked at, so a storm's millions of events
// are read in one pass.
class RunSeries
{
public:
    struct Sample
    {
        SimTime time = 0;
        int value = 0;
    };
    struct Latency
    {
        SimTime accepted = 0; // when the message entered the queue
        SimTime waited = 0;   // until it left it: delivered, relayed or bounced
        QString queueId;
    };
    enum Outcome { Delivered, Relayed, Retried, Bounced, OutcomeCount };

    explicit RunSeries(const Trace &trace);

    // Every MTA with a queue, in the order they first appear.
    const QStringList &mtas() const { return m_mtas; }
    // The MTA's queue length after each change, up to trace event `upTo` (exclusive), at most
    // about `maxPoints` samples: longer runs are cut into time buckets, each keeping its
    // largest value, so peaks survive.
    std::vector<Sample> queueLength(const QString &mta, std::size_t upTo,
                                    int maxPoints = 600) const;
    int outcome(Outcome outcome, std::size_t upTo) const;
    int accepted(std::size_t upTo) const; // messages taken into a queue (each hop counts)
    int refused(std::size_t upTo) const;  // connections refused or timed out
    int faults(std::size_t upTo) const;   // faults switched on or off
    // Messages that left a queue before `upTo`, at most `maxPoints` of them (evenly picked).
    std::vector<Latency> latencies(std::size_t upTo, int maxPoints = 800) const;
    QStringList protocols() const;
    int linesOf(const QString &protocol, std::size_t upTo) const;
    int connectionsOf(const QString &protocol, std::size_t upTo) const;

private:
    struct Indexed
    {
        std::size_t index = 0;
        Sample sample;
    };
    QStringList m_mtas;
    std::map<QString, std::vector<Indexed>> m_queues;
    std::vector<std::size_t> m_outcomes[OutcomeCount];
    std::vector<std::pair<std::size_t, Latency>> m_latencies; // by the index of the leaving
    std::map<QString, std::vector<std::size_t>> m_lines;      // indexes, per protocol
    std::map<QString, std::vector<std::size_t>> m_connections;
    std::vector<std::size_t> m_accepted, m_refused, m_faults;
};

} // namespace carteiro::core
