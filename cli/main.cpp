// carteiro-cli: plays, checks and talks to Carteiro scenarios from a terminal.
// The command-line contract is in docs/scenario-format.md ("Command line").

#include "core/capture/pcapwriter.h"
#include "core/scenario/scenarioloader.h"
#include "core/trace/transcript.h"
#include "core/world/world.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

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
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}
