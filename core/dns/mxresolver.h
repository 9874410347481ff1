#pragma once

#include "core/net/faulttable.h"
#include "core/scenario/scenario.h"

#include <QHash>
#include <QList>
#include <QString>

#include <random>

namespace carteiro::core {

struct MxAnswer
{
    enum class Status { Ok, NxDomain, ServFail };
    Status status = Status::Ok;
    QList<MxRecord> records; // in the order to try them
    bool implicit = false;   // no MX, the domain's own address (RFC 5321 section 5.1)

    // "10 mx1.hamburger.edu, 20 mx2.hamburger.edu", "NXDOMAIN", "SERVFAIL", ...
    QString describe() const;
};

// What every resolver in the scenario sees: the zones of the scenario's `dns:` section, with
// the no-mx and dns-fail faults applied.
class MxResolver
{
public:
    MxResolver(QList<DnsZone> zones, const FaultTable &faults);

    // Records sorted by preference; equal preferences are shuffled with the caller's random
    // stream, as RFC 5321 section 5.1 asks, so load spreads but runs stay reproducible.
    MxAnswer lookup(const QString &domain, std::mt19937_64 *random = nullptr) const;

private:
    QList<DnsZone> m_zones;
    QHash<QString, int> m_zoneIndex; // lower-case domain -> its first zone, for each lookup
    const FaultTable &m_faults;
};

} // namespace carteiro::core
