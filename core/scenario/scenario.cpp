#include "core/scenario/scenario.h"

namespace carteiro::core {

const HostSpec *Scenario::host(const QString &name) const
{
    for (const HostSpec &spec : hosts)
        if (spec.name.compare(name, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

const UserSpec *Scenario::user(const QString &address) const
{
    for (const UserSpec &spec : users)
        if (spec.address.compare(address, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

const DnsZone *Scenario::zone(const QString &domain) const
{
    for (const DnsZone &spec : dns)
        if (spec.domain.compare(domain, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

} // namespace carteiro::core
