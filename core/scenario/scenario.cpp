#include "core/scenario/scenario.h"

namespace carteiro::core {

void Scenario::index()
{
    m_hostIndex.clear();
    m_userIndex.clear();
    for (int i = 0; i < hosts.size(); ++i)
        m_hostIndex.insert(hosts.at(i).name.toLower(), i);
    for (int i = 0; i < users.size(); ++i)
        m_userIndex.insert(users.at(i).address.toLower(), i);
}

const HostSpec *Scenario::host(const QString &name) const
{
    if (m_hostIndex.size() == hosts.size()) {
        const int at = m_hostIndex.value(name.toLower(), -1);
        return at < 0 ? nullptr : &hosts.at(at);
    }
    for (const HostSpec &spec : hosts)
        if (spec.name.compare(name, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

const UserSpec *Scenario::user(const QString &address) const
{
    if (m_userIndex.size() == users.size()) {
        const int at = m_userIndex.value(address.toLower(), -1);
        return at < 0 ? nullptr : &users.at(at);
    }
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
