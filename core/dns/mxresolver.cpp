#include "core/dns/mxresolver.h"

#include <algorithm>

namespace carteiro::core {

QString MxAnswer::describe() const
{
    switch (status) {
    case Status::NxDomain:
        return QStringLiteral("NXDOMAIN (no such domain)");
    case Status::ServFail:
        return QStringLiteral("SERVFAIL (temporary DNS failure)");
    case Status::Ok:
        break;
    }
    if (records.isEmpty())
        return QStringLiteral("no MX records");
    QStringList parts;
    for (const MxRecord &record : records)
        parts << QStringLiteral("%1 %2").arg(QString::number(record.preference)).arg(record.host);
    QString text = parts.join(QStringLiteral(", "));
    if (implicit)
        text += QStringLiteral(" (no MX: the domain's own address)");
    return text;
}

MxResolver::MxResolver(QList<DnsZone> zones, const FaultTable &faults)
    : m_zones(std::move(zones)), m_faults(faults)
{
    // Names compare without case (RFC 4343); the first zone of a name answers for it.
    for (qsizetype i = 0; i < m_zones.size(); ++i) {
        const QString key = m_zones.at(i).domain.toLower();
        if (!m_zoneIndex.contains(key))
            m_zoneIndex.insert(key, int(i));
    }
}

MxAnswer MxResolver::lookup(const QString &domain, std::mt19937_64 *random) const
{
    MxAnswer answer;
    if (const FaultSpec *fault = m_faults.dnsFault(domain)) {
        answer.status = fault->kind == QLatin1String("no-mx") ? MxAnswer::Status::NxDomain
                                                              : MxAnswer::Status::ServFail;
        return answer;
    }
    const int at = m_zoneIndex.value(domain.toLower(), -1);
    if (at < 0) {
        answer.status = MxAnswer::Status::NxDomain;
        return answer;
    }
    const DnsZone *zone = &m_zones.at(at);
    answer.records = zone->mx;
    if (answer.records.isEmpty() && zone->hasAddress) {
        // RFC 5321 section 5.1: no MX but an address record: the domain is its own mail host.
        answer.records.append(MxRecord{zone->domain, 0});
        answer.implicit = true;
    }
    std::stable_sort(
        answer.records.begin(), answer.records.end(),
        [](const MxRecord &a, const MxRecord &b) { return a.preference < b.preference; });
    if (random) {
        for (auto first = answer.records.begin(); first != answer.records.end();) {
            auto last = std::find_if(first, answer.records.end(), [&](const MxRecord &r) {
                return r.preference != first->preference;
            });
            std::shuffle(first, last, *random);
            first = last;
        }
    }
    return answer;
}

} // namespace carteiro::core
