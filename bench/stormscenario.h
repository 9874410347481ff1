#pragma once

// The mail storm shared by the benchmarks: users across domains, one MTA each, messages at
// random moments over four virtual hours, 5% of the MTAs down for the first two.

#include "core/scenario/scenario.h"

#include <random>
#include <vector>

namespace carteiro::bench {

using namespace carteiro::core;

constexpr int kDomains = 50;
constexpr int kUsersPerDomain = 20; // 1,000 users
constexpr int kDownPercent = 5;
constexpr SimTime kSendWindow = 4 * kHour;
constexpr SimTime kOutage = 2 * kHour;

inline QString domainName(int d)
{
    return QStringLiteral("d%1.example").arg(d, 2, 10, QLatin1Char('0'));
}

inline QString userAddress(int d, int u)
{
    return QStringLiteral("u%1@%2").arg(u, 2, 10, QLatin1Char('0')).arg(domainName(d));
}

inline Scenario makeStorm(int messages, quint64 seed, int domains = kDomains,
                          int usersPerDomain = kUsersPerDomain, SimTime sendWindow = kSendWindow)
{
    Scenario s;
    s.fileName = QStringLiteral("storm");
    s.title.en = QStringLiteral("Mail storm");
    s.seed = seed;
    s.latency = 20;
    s.style = SmtpStyle::Modern;
    for (int d = 0; d < domains; ++d) {
        const QString domain = domainName(d);
        const QString mx = QStringLiteral("mx.") + domain;
        s.dns.append(DnsZone{domain, {MxRecord{mx, 10}}, false, {}});
        HostSpec host;
        host.name = mx;
        host.role = HostRole::Mta;
        host.localDomains = {domain};
        host.greeting = domain;
        host.services = {QStringLiteral("smtp"), QStringLiteral("submission"),
                         QStringLiteral("pop3")};
        s.hosts.append(host);
        for (int u = 0; u < usersPerDomain; ++u) {
            const QString address = userAddress(d, u);
            s.users.append(
                UserSpec{address, QStringLiteral("User %1").arg(u), QStringLiteral("pw"), {}});
            HostSpec pc;
            pc.name = QStringLiteral("pc-u%1-%2").arg(u).arg(d);
            pc.role = HostRole::Client;
            pc.user = address;
            pc.submitTo = mx;
            s.hosts.append(pc);
        }
    }
    // 5% of the MTAs are down for the first two hours.
    const int down = (domains * kDownPercent + 99) / 100;
    for (int d = 0; d < down; ++d) {
        Step step;
        step.kind = Step::Kind::Fault;
        step.fault.kind = QStringLiteral("down");
        step.fault.host = QStringLiteral("mx.") + domainName(d * (domains / down));
        step.fault.duration = kOutage;
        s.steps.append(step);
    }
    // Each address is built once and shared by every message that names it.
    std::vector<QString> addresses;
    addresses.reserve(std::size_t(domains) * std::size_t(usersPerDomain));
    for (int d = 0; d < domains; ++d)
        for (int u = 0; u < usersPerDomain; ++u)
            addresses.push_back(userAddress(d, u));
    const auto address = [&](int d, int u) {
        return addresses[std::size_t(d * usersPerDomain + u)];
    };
    s.steps.reserve(s.steps.size() + messages);
    std::mt19937_64 random(seed);
    for (int m = 0; m < messages; ++m) {
        Step step;
        step.kind = Step::Kind::Send;
        step.at = SimTime(random() % quint64(sendWindow));
        // The user is drawn before the domain, as the storm has always drawn them.
        const int fromUser = int(random() % usersPerDomain);
        const int fromDomain = int(random() % domains);
        step.send.from = address(fromDomain, fromUser);
        const int toUser = int(random() % usersPerDomain);
        const int toDomain = int(random() % domains);
        step.send.to = {address(toDomain, toUser)};
        const QString number = QString::number(m);
        step.send.subject = QStringLiteral("Storm message ") + number;
        step.send.body = QStringLiteral("Hello from the storm.\nThis is message ") + number +
                         QStringLiteral(".\n");
        s.steps.append(std::move(step));
    }
    return s;
}

} // namespace carteiro::bench
