#include "core/net/faulttable.h"

#include <algorithm>

namespace carteiro::core {

namespace {

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

FaultTable::FaultId FaultTable::activate(const FaultSpec &fault)
{
    const FaultId id = m_nextId++;
    m_active.push_back(Entry{id, fault});
    if (fault.kind == QLatin1String("slow"))
        ++m_slow;
    return id;
}

void FaultTable::deactivate(FaultId id)
{
    for (const Entry &e : m_active)
        if (e.id == id && e.fault.kind == QLatin1String("slow"))
            --m_slow;
    m_active.erase(std::remove_if(m_active.begin(), m_active.end(),
                                  [id](const Entry &e) { return e.id == id; }),
                   m_active.end());
}

bool FaultTable::isActive(FaultId id) const
{
    return std::any_of(m_active.begin(), m_active.end(),
                       [id](const Entry &e) { return e.id == id; });
}

std::vector<FaultTable::FaultId> FaultTable::activeOn(const QString &host,
                                                      const QString &kind) const
{
    std::vector<FaultId> ids;
    for (const Entry &e : m_active)
        if (e.fault.kind == kind && e.fault.host.compare(host, Qt::CaseInsensitive) == 0)
            ids.push_back(e.id);
    return ids;
}

bool FaultTable::isDown(const QString &host) const
{
    return std::any_of(m_active.begin(), m_active.end(), [&](const Entry &e) {
        return e.fault.kind == QLatin1String("down") && sameName(e.fault.host, host);
    });
}

bool FaultTable::refuses(const QString &host, int port) const
{
    return std::any_of(m_active.begin(), m_active.end(), [&](const Entry &e) {
        return e.fault.kind == QLatin1String("refuse") && sameName(e.fault.host, host) &&
               (e.fault.port == 0 || e.fault.port == port);
    });
}

SimTime FaultTable::extraLatency(const QString &a, const QString &b) const
{
    SimTime extra = 0;
    if (m_slow == 0)
        return extra;
    for (const Entry &e : m_active) {
        if (e.fault.kind != QLatin1String("slow"))
            continue;
        if (!e.fault.host.isEmpty() && (sameName(e.fault.host, a) || sameName(e.fault.host, b)))
            extra += e.fault.latency;
        else if (e.fault.between.size() == 2 &&
                 ((sameName(e.fault.between[0], a) && sameName(e.fault.between[1], b)) ||
                  (sameName(e.fault.between[0], b) && sameName(e.fault.between[1], a))))
            extra += e.fault.latency;
    }
    return extra;
}

bool FaultTable::drops(const QString &host, const QString &stage) const
{
    return std::any_of(m_active.begin(), m_active.end(), [&](const Entry &e) {
        if (e.fault.kind != QLatin1String("drop") || !sameName(e.fault.host, host))
            return false;
        const QString wanted = e.fault.stage.isEmpty() ? QStringLiteral("data") : e.fault.stage;
        return wanted == stage;
    });
}

const FaultSpec *FaultTable::dnsFault(const QString &domain) const
{
    for (const Entry &e : m_active)
        if ((e.fault.kind == QLatin1String("no-mx") || e.fault.kind == QLatin1String("dns-fail")) &&
            sameName(e.fault.domain, domain))
            return &e.fault;
    return nullptr;
}

const FaultSpec *FaultTable::reject(const QString &host, const QString &stage,
                                    const QString &argument) const
{
    for (const Entry &e : m_active) {
        const FaultSpec &f = e.fault;
        if (f.kind != QLatin1String("reject") || !sameName(f.host, host))
            continue;
        if (!f.recipient.isEmpty()) {
            if (stage == QLatin1String("rcpt") && sameName(f.recipient, argument))
                return &f;
        } else if (!f.sender.isEmpty()) {
            if (stage == QLatin1String("mail") && sameName(f.sender, argument))
                return &f;
        } else if ((f.stage.isEmpty() ? QStringLiteral("rcpt") : f.stage) == stage) {
            return &f;
        }
    }
    return nullptr;
}

const FaultSpec *FaultTable::mailboxFull(const QString &address) const
{
    for (const Entry &e : m_active)
        if (e.fault.kind == QLatin1String("mailbox-full") && sameName(e.fault.user, address))
            return &e.fault;
    return nullptr;
}

QString FaultTable::describe(const FaultSpec &f)
{
    if (f.kind == QLatin1String("down"))
        return QStringLiteral("%1 is down: connections to it time out").arg(f.host);
    if (f.kind == QLatin1String("refuse"))
        return f.port ? QStringLiteral("%1 refuses connections on port %2").arg(f.host).arg(f.port)
                      : QStringLiteral("%1 refuses connections").arg(f.host);
    if (f.kind == QLatin1String("reject")) {
        QString what = !f.recipient.isEmpty() ? QStringLiteral("RCPT %1").arg(f.recipient)
                       : !f.sender.isEmpty()
                           ? QStringLiteral("MAIL FROM %1").arg(f.sender)
                           : (f.stage.isEmpty() ? QStringLiteral("rcpt") : f.stage);
        return QStringLiteral("%1 answers %2 with %3").arg(f.host, what).arg(f.code);
    }
    if (f.kind == QLatin1String("no-mx"))
        return QStringLiteral("DNS: %1 does not exist (NXDOMAIN)").arg(f.domain);
    if (f.kind == QLatin1String("dns-fail"))
        return QStringLiteral("DNS: lookups of %1 fail (SERVFAIL)").arg(f.domain);
    if (f.kind == QLatin1String("mailbox-full"))
        return QStringLiteral("mailbox of %1 is full").arg(f.user);
    if (f.kind == QLatin1String("slow")) {
        const QString where =
            f.host.isEmpty() ? f.between.join(QStringLiteral(" \u2194 ")) : f.host;
        return QStringLiteral("%1 is slow: +%2 ms").arg(where).arg(f.latency);
    }
    if (f.kind == QLatin1String("drop"))
        return QStringLiteral("%1 cuts connections at %2")
            .arg(f.host, f.stage.isEmpty() ? QStringLiteral("data") : f.stage);
    return f.kind;
}

QString FaultTable::describeEnd(const FaultSpec &f)
{
    return QStringLiteral("ended: %1").arg(describe(f));
}

} // namespace carteiro::core
