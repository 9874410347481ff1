// The mail storm: 1,000 users across 50 domains send N messages (100,000 by default) over
// four virtual hours while 5% of the MTAs are down for the first two. Every message goes
// through the real SMTP sessions, DNS MX lookups and queues, and every protocol line is
// recorded in the trace. Prints wall time, events per second, messages per second and the
// process's peak memory. One size per process, so peak memory belongs to that size.
//
//   carteiro-bench [--messages N] [--seed S]

#include "bench/stormscenario.h"
#include "core/world/world.h"

#include <QCoreApplication>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>

using namespace carteiro::core;

namespace {

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
    World world(carteiro::bench::makeStorm(messages, seed));
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
