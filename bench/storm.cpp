// The mail storm: 1,000 users across 50 domains send N messages (100,000 by default) over
// four virtual hours while 5% of the MTAs are down for the first two. Every message goes
// through the real SMTP sessions, DNS MX lookups and queues, and every protocol line is
// recorded in the trace. Prints wall time, events per second, messages per second and the
// process's peak memory. One size per process, so peak memory belongs to that size.
//
//   carteiro-bench [--messages N] [--seed S]

#include "core/scenario/scenario.h"
#include "core/world/world.h"

#include <QCoreApplication>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>

using namespace carteiro::core;

namespace {

constexpr int kDomains = 50;
constexpr int kUsersPerDomain = 20; // 1,000 users
constexpr int kDownPercent = 5;
constexpr SimTime kSendWindow = 4 * kHour;
constexpr SimTime kOutage = 2 * kHour;

QString domainName(int d)
{
    return QStringLiteral("d%1.example").arg(d, 2, 10, QLatin1Char('0'));
}

QString userAddress(int d, int u)
{
    return QStringLiteral("u%1@%2").arg(u, 2, 10, QLatin1Char('0')).arg(domainName(d));
}

Scenario makeStorm(int messages, quint64 seed)
{
    Scenario s;
    s.fileName = QStringLiteral("storm");
    s.title.en = QStringLiteral("Mail storm");
    s.seed = seed;
    s.latency = 20;
    s.style = SmtpStyle::Modern;
    for (int d = 0; d < kDomains; ++d) {
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
        for (int u = 0; u < kUsersPerDomain; ++u) {
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
    const int down = (kDomains * kDownPercent + 99) / 100;
    for (int d = 0; d < down; ++d) {
        Step step;
        step.kind = Step::Kind::Fault;
        step.fault.kind = QStringLiteral("down");
        step.fault.host = QStringLiteral("mx.") + domainName(d * (kDomains / down));
        step.fault.duration = kOutage;
        s.steps.append(step);
    }
    std::mt19937_64 random(seed);
    for (int m = 0; m < messages; ++m) {
        Step step;
        step.kind = Step::Kind::Send;
        step.at = SimTime(random() % quint64(kSendWindow));
        step.send.from = userAddress(int(random() % kDomains), int(random() % kUsersPerDomain));
        step.send.to = {userAddress(int(random() % kDomains), int(random() % kUsersPerDomain))};
        step.send.subject = QStringLiteral("Storm message %1").arg(m);
        step.send.body = QStringLiteral("Hello from the storm.\nThis is message %1.\n").arg(m);
        s.steps.append(step);
    }
    return s;
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int messages = 100000;
    quint64 seed = 42;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--messages"))
            messages = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--seed"))
            seed = args[i + 1].toULongLong();
    }
    if (messages <= 0) {
        std::fprintf(stderr, "usage: carteiro-bench [--messages N] [--seed S]\n");
        return 2;
    }

    const auto start = std::chrono::steady_clock::now();
    World world(makeStorm(messages, seed));
    const quint64 events = world.run();
    const auto end = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(end - start).count();

    quint64 lines = 0, delivered = 0, bounced = 0;
    for (const TraceEvent &e : world.trace()) {
        if (e.type == TraceEvent::Type::Line)
            ++lines;
        else if (e.type == TraceEvent::Type::Deliver &&
                 e.text.startsWith(QLatin1String("delivered")))
            ++delivered;
        else if (e.type == TraceEvent::Type::Bounce)
            ++bounced;
    }
    std::printf("messages=%d events=%llu trace=%zu lines=%llu delivered=%llu bounced=%llu "
                "virtual_end=%s\n",
                messages, (unsigned long long)events, world.trace().size(),
                (unsigned long long)lines, (unsigned long long)delivered,
                (unsigned long long)bounced, qPrintable(formatSimTime(world.simulation().now())));
    std::printf("wall_s=%.3f events_per_s=%.0f messages_per_s=%.0f peak_rss_mib=%.1f\n", seconds,
                events / seconds, messages / seconds, peakRssKiB() / 1024.0);
    return 0;
}
