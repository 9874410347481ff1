#pragma once

#include "core/scenario/scenario.h"

#include <QString>

#include <optional>
#include <vector>

namespace carteiro::core {

// The faults in force at the current virtual time. The world switches them on and off on
// schedule; the network, the resolver and the MTAs ask it before acting.
class FaultTable
{
public:
    using FaultId = int;

    FaultId activate(const FaultSpec &fault);
    void deactivate(FaultId id);
    bool isActive(FaultId id) const;
    // The ids of the faults of this kind on this host in force now.
    std::vector<FaultId> activeOn(const QString &host, const QString &kind) const;

    bool isDown(const QString &host) const;
    bool refuses(const QString &host, int port) const;
    SimTime extraLatency(const QString &a, const QString &b) const;
    // A drop fault that cuts connections to host at this protocol stage.
    bool drops(const QString &host, const QString &stage) const;
    // no-mx / dns-fail for the domain, or nullptr.
    const FaultSpec *dnsFault(const QString &domain) const;
    // reject faults at a host and stage whose recipient/sender filter matches the argument.
    const FaultSpec *reject(const QString &host, const QString &stage,
                            const QString &argument) const;
    const FaultSpec *mailboxFull(const QString &address) const;

    // One line for the trace: "mx1.hamburger.edu is down".
    static QString describe(const FaultSpec &fault);
    static QString describeEnd(const FaultSpec &fault);

private:
    struct Entry
    {
        FaultId id;
        FaultSpec fault;
    };
    std::vector<Entry> m_active;
    int m_slow = 0; // slow faults among them: latency is asked for every segment sent
    FaultId m_nextId = 1;
};

} // namespace carteiro::core
