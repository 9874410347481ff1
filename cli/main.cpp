// carteiro-cli: plays, checks and talks to Carteiro scenarios from a terminal.
// The command-line contract is in docs/scenario-format.md ("Command line").

#include "core/capture/pcapwriter.h"
#include "core/live/liveserver.h"
#include "core/scenario/scenarioloader.h"
#include "core/trace/transcript.h"
#include "core/world/world.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

using namespace carteiro::core;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalidScenario = 1;
constexpr int kExitUsage = 2;

const char kUsage[] =
    "usage: carteiro-cli run FILE [--jsonl | --state | --markdown | --html] [--pcap OUT.pcap]\n"
    "       carteiro-cli check FILE...\n"
    "       carteiro-cli talk FILE --host HOST --port PORT\n"
    "       carteiro-cli serve FILE [--listen ADDR] [--port [HOST:]SERVICE=N]... [--free-ports]\n"
    "                         [--speed N] [--no-steps] [--max-connections N]\n"
    "                         [--idle-timeout SECONDS] [--jsonl | --quiet]\n"
    "\n"
    "  run    plays the scenario to its end and prints the dialogue\n"
    "         --jsonl  the same events as JSON Lines\n"
    "         --state  the mailboxes and queues at the end, as JSON\n"
    "         --markdown, --html  the dialogue for class notes, each connection's lines\n"
    "                  grouped under a heading\n"
    "         --pcap OUT.pcap  also writes the run as a packet capture for Wireshark\n"
    "  check  validates scenario files; prints FILE:LINE:COL: error: ... for each problem\n"
    "  talk   one session with HOST's server on PORT over standard input and output,\n"
    "         as with telnet (CRLF or bare LF)\n"
    "  serve  the scenario's servers on real ports of 127.0.0.1 (SMTP 2525, submission 2587,\n"
    "         POP3 2110, IMAP 2143, HTTP 8080; further hosts on the ports that follow);\n"
    "         real clients' mail goes through the simulated world; prints what listens\n"
    "         where, then each event as it happens; stops on Ctrl-C or SIGTERM\n"
    "         --listen ADDR       another address (0.0.0.0 for every interface)\n"
    "         --port smtp=N       the base port of a service; --port HOST:smtp=N one host's\n"
    "         --free-ports        every service on a free port the system picks\n"
    "         --speed N           one real second is N virtual seconds (default 60)\n"
    "         --no-steps          only the servers: the scenario's steps do not play\n"
    "         --max-connections N per port (default 100); --idle-timeout S (default 300)\n"
    "         --jsonl             the table and the events as JSON Lines; --quiet: table only\n"
    "\n"
    "exit codes: 0 success, 1 invalid scenario, 2 usage error\n";

int usageError(const QString &message)
{
    if (!message.isEmpty())
        std::fprintf(stderr, "carteiro-cli: %s\n", qPrintable(message));
    std::fputs(kUsage, stderr);
    return kExitUsage;
}

void printErrors(const QList<ScenarioError> &errors)
{
    for (const ScenarioError &error : errors)
        std::fprintf(stderr, "%s\n", error.toString().toUtf8().constData());
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

int runCommand(const QStringList &args)
{
    QString file;
    bool jsonl = false;
    bool state = false;
    std::optional<TranscriptFormat> transcript;
    QString pcap;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--jsonl"))
            jsonl = true;
        else if (arg == QLatin1String("--state"))
            state = true;
        else if (arg == QLatin1String("--markdown"))
            transcript = TranscriptFormat::Markdown;
        else if (arg == QLatin1String("--html"))
            transcript = TranscriptFormat::Html;
        else if (arg == QLatin1String("--pcap") && i + 1 < args.size() &&
                 !args.at(i + 1).isEmpty() && !args.at(i + 1).startsWith(QLatin1String("--")))
            pcap = args.at(++i);
        else if (arg == QLatin1String("--pcap"))
            return usageError(QStringLiteral("run: --pcap wants a file to write"));
        else if (arg.startsWith(QLatin1String("--")))
            return usageError(QStringLiteral("run: unknown option %1").arg(arg));
        else if (file.isEmpty())
            file = arg;
        else
            return usageError(QStringLiteral("run: one scenario file at a time"));
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("run: which scenario file?"));
    if (int(jsonl) + int(state) + int(transcript.has_value()) > 1)
        return usageError(
            QStringLiteral("run: --jsonl, --state, --markdown and --html are exclusive"));

    ScenarioLoadResult loaded = ScenarioLoader::loadFile(file);
    if (!loaded.ok()) {
        printErrors(loaded.errors);
        return kExitInvalidScenario;
    }
    World world(std::move(loaded.scenario));
    world.run();

    if (!pcap.isEmpty()) {
        QString error;
        if (!PcapWriter(world.trace()).writeFile(pcap, &error)) {
            std::fprintf(stderr, "carteiro-cli: %s\n", qPrintable(error));
            return kExitUsage;
        }
    }
    if (state) {
        writeOut(QJsonDocument(world.state()).toJson(QJsonDocument::Indented));
        return kExitOk;
    }
    if (transcript) {
        TranscriptOptions options;
        options.title = world.scenario().title.en;
        options.summary = world.scenario().summary.en;
        writeOut(writeTranscript(world.trace(), *transcript, options).toUtf8());
        return kExitOk;
    }
    QByteArray out;
    for (const TraceEvent &event : world.trace()) {
        out += (jsonl ? event.toJson() : event.toText()).toUtf8();
        out += '\n';
        if (out.size() > (1 << 20)) {
            writeOut(out);
            out.clear();
        }
    }
    writeOut(out);
    return kExitOk;
}

int checkCommand(const QStringList &files)
{
    if (files.isEmpty())
        return usageError(QStringLiteral("check: which scenario files?"));
    int bad = 0;
    for (const QString &file : files) {
        if (file.startsWith(QLatin1String("--")))
            return usageError(QStringLiteral("check: unknown option %1").arg(file));
        const ScenarioLoadResult loaded = ScenarioLoader::loadFile(file);
        for (const ScenarioError &error : loaded.errors)
            std::printf("%s\n", error.toString().toUtf8().constData());
        if (!loaded.ok())
            ++bad;
    }
    if (bad)
        std::fprintf(stderr, "%d of %lld file(s) invalid\n", bad, qlonglong(files.size()));
    return bad ? kExitInvalidScenario : kExitOk;
}

int talkCommand(const QStringList &args)
{
    QString file;
    QString host;
    int port = 0;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if ((arg == QLatin1String("--host") || arg == QLatin1String("--port")) &&
            i + 1 < args.size()) {
            const QString value = args.at(++i);
            if (arg == QLatin1String("--host")) {
                host = value;
            } else {
                bool ok = false;
                port = value.toInt(&ok);
                if (!ok || port <= 0 || port > 65535)
                    return usageError(
                        QStringLiteral("talk: --port wants a number from 1 to 65535"));
            }
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("talk: unknown or incomplete option %1").arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            return usageError(QStringLiteral("talk: one scenario file at a time"));
        }
    }
    if (file.isEmpty() || host.isEmpty() || port == 0)
        return usageError(QStringLiteral("talk: FILE, --host and --port are all needed"));

    ScenarioLoadResult loaded = ScenarioLoader::loadFile(file);
    if (!loaded.ok()) {
        printErrors(loaded.errors);
        return kExitInvalidScenario;
    }
    World world(std::move(loaded.scenario));
    // Faults that start at 0s are in force when the student connects.
    world.simulation().runUntil(0);
    const std::size_t before = world.trace().size();
    QString error;
    std::unique_ptr<LineSession> session = world.openServerSession(host, port, &error);
    if (!session) {
        std::fprintf(stderr, "carteiro-cli: %s\n", qPrintable(error));
        return kExitUsage;
    }
    writeOut(session->open());
    std::fflush(stdout);
    // A webmail page is answered after the webmail's own IMAP or SMTP dialogue: the world
    // plays on until the answer is written.
    session->setWriter([](const QByteArray &bytes) {
        writeOut(bytes);
        std::fflush(stdout);
    });
    // Line by line, so a person at a terminal (or swaks --pipe) sees each answer at once.
    std::string line;
    while (!session->closing() && std::getline(std::cin, line)) {
        QByteArray bytes = QByteArray::fromStdString(line);
        bytes += '\n';
        writeOut(session->receive(bytes));
        std::fflush(stdout);
        while (session->busy() && world.simulation().step()) {
        }
    }
    // What became of the mail the session handed over: the world plays on from here, and
    // the story goes to standard error so the session's own output stays clean.
    session.reset();
    QSet<QString> accepted;
    for (std::size_t i = before; i < world.trace().size(); ++i)
        if (world.trace().typeAt(i) == TraceEvent::Type::Queue)
            accepted.insert(world.trace().at(i).messageId);
    world.run();
    for (const TraceEvent &event : world.trace()) {
        if (event.type != TraceEvent::Type::Line && accepted.contains(event.messageId))
            std::fprintf(stderr, "%s\n", event.toText().toUtf8().constData());
    }
    return kExitOk;
}

volatile std::sig_atomic_t g_stopRequested = 0;

void requestStop(int)
{
    g_stopRequested = 1;
}

QString jsonText(const QString &text)
{
    // A TraceEvent's JSON escaping, through an event that holds only this text.
    TraceEvent wrapper;
    wrapper.text = text;
    const QString json = wrapper.toJson();
    const qsizetype start = json.indexOf(QLatin1String("\"text\":")) + 7;
    return json.mid(start, json.size() - start - 1);
}

int serveCommand(const QStringList &args)
{
    QString file;
    LiveOptions options;
    bool jsonl = false;
    bool quiet = false;
    bool noSteps = false;
    const QStringList services{QStringLiteral("smtp"), QStringLiteral("submission"),
                               QStringLiteral("pop3"), QStringLiteral("imap"),
                               QStringLiteral("http")};
    auto value = [&](int &i) -> QString { return i + 1 < args.size() ? args.at(++i) : QString(); };
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--jsonl")) {
            jsonl = true;
        } else if (arg == QLatin1String("--quiet")) {
            quiet = true;
        } else if (arg == QLatin1String("--no-steps")) {
            noSteps = true;
        } else if (arg == QLatin1String("--free-ports")) {
            for (const QString &service : services)
                options.basePorts.insert(service, 0);
        } else if (arg == QLatin1String("--listen")) {
            const QString address = value(i);
            if (!options.address.setAddress(address))
                return usageError(QStringLiteral("serve: --listen wants an IP address, such as "
                                                 "127.0.0.1 or 0.0.0.0"));
        } else if (arg == QLatin1String("--speed")) {
            bool ok = false;
            options.speed = value(i).toDouble(&ok);
            if (!ok || options.speed <= 0 || options.speed > 1e6)
                return usageError(QStringLiteral("serve: --speed wants a number above 0"));
        } else if (arg == QLatin1String("--max-connections")) {
            bool ok = false;
            options.maxConnections = value(i).toInt(&ok);
            if (!ok || options.maxConnections < 1)
                return usageError(QStringLiteral("serve: --max-connections wants a number >= 1"));
        } else if (arg == QLatin1String("--idle-timeout")) {
            bool ok = false;
            const double seconds = value(i).toDouble(&ok);
            if (!ok || seconds <= 0 || seconds > 86400)
                return usageError(QStringLiteral("serve: --idle-timeout wants seconds (> 0)"));
            options.idleTimeoutMs = std::max(1, int(seconds * 1000));
        } else if (arg == QLatin1String("--port")) {
            // [HOST:]SERVICE=N
            const QString spec = value(i);
            const qsizetype equals = spec.lastIndexOf(QLatin1Char('='));
            bool ok = false;
            const int port = equals < 0 ? -1 : spec.mid(equals + 1).toInt(&ok);
            const QString name = spec.left(equals);
            const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
            const QString service = name.mid(colon + 1).toLower();
            if (!ok || port < 0 || port > 65535 || !services.contains(service) || colon == 0)
                return usageError(QStringLiteral("serve: --port wants [HOST:]SERVICE=PORT, "
                                                 "SERVICE one of %1, PORT 0 to 65535")
                                      .arg(services.join(QStringLiteral(", "))));
            if (colon < 0)
                options.basePorts.insert(service, port);
            else
                options.hostPorts.insert(name.toLower(), port);
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("serve: unknown or incomplete option %1").arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            return usageError(QStringLiteral("serve: one scenario file at a time"));
        }
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("serve: which scenario file?"));
    if (jsonl && quiet)
        return usageError(QStringLiteral("serve: --jsonl and --quiet are exclusive"));

    ScenarioLoadResult loaded = ScenarioLoader::loadFile(file);
    if (!loaded.ok()) {
        printErrors(loaded.errors);
        return kExitInvalidScenario;
    }
    if (noSteps)
        loaded.scenario.steps.clear();
    for (auto it = options.hostPorts.cbegin(); it != options.hostPorts.cend(); ++it) {
        const QString host = it.key().section(QLatin1Char(':'), 0, -2);
        if (!loaded.scenario.host(host))
            return usageError(QStringLiteral("serve: --port names %1, which is not a host of "
                                             "this scenario")
                                  .arg(host));
    }
    World world(std::move(loaded.scenario));
    LiveServer server(world, options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "carteiro-cli: %s\n", qPrintable(error));
        return kExitUsage;
    }
    if (server.endpoints().isEmpty()) {
        std::fprintf(stderr, "carteiro-cli: serve: this scenario has no servers\n");
        return kExitUsage;
    }

    // What listens where.
    QByteArray table;
    for (const LiveEndpoint &e : server.endpoints()) {
        const QString address = e.address.protocol() == QAbstractSocket::IPv6Protocol
                                    ? QStringLiteral("[%1]").arg(e.address.toString())
                                    : e.address.toString();
        if (jsonl)
            table +=
                QStringLiteral("{\"type\":\"listen\",\"host\":%1,\"service\":\"%2\","
                               "\"proto\":\"%3\",\"address\":%4,\"port\":%5,"
                               "\"scenario_port\":%6}\n")
                    .arg(jsonText(e.host), e.service, e.protocol, jsonText(e.address.toString()))
                    .arg(e.port)
                    .arg(e.scenarioPort)
                    .toUtf8();
        else
            table += QStringLiteral("listening %1 %2 on %3:%4 (%5, port %6 in the scenario)\n")
                         .arg(e.host.leftJustified(24), e.service.leftJustified(10), address)
                         .arg(e.port)
                         .arg(e.protocol)
                         .arg(e.scenarioPort)
                         .toUtf8();
    }
    if (jsonl)
        table += QStringLiteral("{\"type\":\"ready\",\"speed\":%1}\n").arg(options.speed).toUtf8();
    else
        table += QStringLiteral("ready: one real second is %1 virtual second(s); Ctrl-C stops\n")
                     .arg(options.speed)
                     .toUtf8();
    writeOut(table);
    std::fflush(stdout);

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    std::size_t printed = 0;
    auto printNew = [&]() {
        const Trace &trace = world.trace();
        if (quiet) {
            printed = trace.size();
            return;
        }
        QByteArray out;
        for (; printed < trace.size(); ++printed) {
            const TraceEvent event = trace.at(printed);
            out += (jsonl ? event.toJson() : event.toText()).toUtf8();
            out += '\n';
        }
        if (!out.isEmpty()) {
            writeOut(out);
            std::fflush(stdout);
        }
    };
    // Events are printed in batches a few times a second: a busy server writes a line per
    // protocol line, and one write per batch keeps that cheap.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&]() {
        printNew();
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    poll.start(50);
    QCoreApplication::exec();
    server.stop();
    printNew();
    const LiveServer::Counters &counters = server.counters();
    std::fprintf(stderr,
                 "carteiro-cli: served %llu connection(s) (%llu turned away busy, %llu refused "
                 "by faults, %llu idle timeouts); virtual time %s\n",
                 (unsigned long long)counters.accepted, (unsigned long long)counters.busy,
                 (unsigned long long)counters.refused, (unsigned long long)counters.idleTimeouts,
                 qPrintable(formatSimTime(world.simulation().now())));
    return kExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("carteiro-cli"));
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usageError({});
    const QString command = args.takeFirst();
    if (command == QLatin1String("run"))
        return runCommand(args);
    if (command == QLatin1String("check"))
        return checkCommand(args);
    if (command == QLatin1String("talk"))
        return talkCommand(args);
    if (command == QLatin1String("serve"))
        return serveCommand(args);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}
