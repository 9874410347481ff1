#include "core/trace/transcript.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace carteiro::core {

namespace {

QString connectionHeading(const TraceEvent &line)
{
    return QStringLiteral("Connection %1: %2 \u2192 %3 (%4, port %5)")
        .arg(line.connection)
        .arg(line.client, line.server, line.protocol)
        .arg(line.port);
}

QString lineText(const TraceEvent &line)
{
    const bool fromClient = line.direction == TraceEvent::Direction::ClientToServer;
    return (fromClient ? QStringLiteral("C: ") : QStringLiteral("S: ")) + line.text;
}

QString eventText(const TraceEvent &event)
{
    QString subject = event.client;
    if (!event.server.isEmpty())
        subject += (subject.isEmpty() ? QString() : QStringLiteral(" \u2192 ")) + event.server;
    return QStringLiteral("%1 [%2] %3%4")
        .arg(formatSimTime(event.time), TraceEvent::typeName(event.type),
             subject.isEmpty() ? QString() : subject + QStringLiteral(": "), event.text);
}

// Walks the events in order. A connection's lines are given as one block, where its first
// line is: connections overlap in time (a relay starts before the submission's QUIT), and a
// reader follows one dialogue at a time. The other events come in time order between blocks.
class Walker
{
public:
    virtual ~Walker() = default;
    void walk(const Trace &trace, std::size_t upTo)
    {
        std::unordered_map<quint64, std::vector<std::size_t>> linesOf;
        for (std::size_t i = 0; i < upTo; ++i)
            if (trace.typeAt(i) == TraceEvent::Type::Line)
                linesOf[trace.at(i).connection].push_back(i);
        std::unordered_set<quint64> written;
        for (std::size_t i = 0; i < upTo; ++i) {
            const TraceEvent event = trace.at(i);
            if (event.type != TraceEvent::Type::Line) {
                other(event);
                continue;
            }
            if (!written.insert(event.connection).second)
                continue;
            beginBlock(event);
            for (const std::size_t index : linesOf[event.connection])
                line(trace.at(index));
            endBlock();
        }
    }

protected:
    virtual void beginBlock(const TraceEvent &first) = 0;
    virtual void line(const TraceEvent &line) = 0;
    virtual void endBlock() = 0;
    virtual void other(const TraceEvent &event) = 0;
};

class MarkdownWriter : public Walker
{
public:
    QString out;

protected:
    void beginBlock(const TraceEvent &first) override
    {
        out += QStringLiteral("\n**%1** at %2\n\n```\n")
                   .arg(connectionHeading(first), formatSimTime(first.time));
    }
    void line(const TraceEvent &line) override { out += lineText(line) + QLatin1Char('\n'); }
    void endBlock() override { out += QStringLiteral("```\n\n"); }
    void other(const TraceEvent &event) override
    {
        // A note is the instructor's own words: shown as a quote, not as a log line.
        if (event.type == TraceEvent::Type::Note)
            out += QStringLiteral("> %1\n\n").arg(event.text);
        else
            out += QStringLiteral("- `%1`\n").arg(eventText(event));
    }
};

class HtmlWriter : public Walker
{
public:
    QString out;

protected:
    void beginBlock(const TraceEvent &first) override
    {
        out += QStringLiteral("<h3>%1 <small>at %2</small></h3>\n<pre>")
                   .arg(connectionHeading(first).toHtmlEscaped(), formatSimTime(first.time));
    }
    void line(const TraceEvent &line) override
    {
        const bool fromClient = line.direction == TraceEvent::Direction::ClientToServer;
        out += QStringLiteral("<span class=\"%1\">%2</span>\n")
                   .arg(fromClient ? QStringLiteral("c") : QStringLiteral("s"),
                        lineText(line).toHtmlEscaped());
    }
    void endBlock() override { out += QStringLiteral("</pre>\n"); }
    void other(const TraceEvent &event) override
    {
        if (event.type == TraceEvent::Type::Note)
            out += QStringLiteral("<blockquote>%1</blockquote>\n").arg(event.text.toHtmlEscaped());
        else
            out += QStringLiteral("<p class=\"%1\">%2</p>\n")
                       .arg(TraceEvent::typeName(event.type), eventText(event).toHtmlEscaped());
    }
};

} // namespace

QString writeTranscript(const Trace &trace, TranscriptFormat format,
                        const TranscriptOptions &options)
{
    const std::size_t upTo = options.upTo ? std::min(options.upTo, trace.size()) : trace.size();
    switch (format) {
    case TranscriptFormat::Text: {
        QString out;
        if (!options.title.isEmpty())
            out += options.title + QStringLiteral("\n\n");
        for (std::size_t i = 0; i < upTo; ++i)
            out += trace.at(i).toText() + QLatin1Char('\n');
        return out;
    }
    case TranscriptFormat::Markdown: {
        MarkdownWriter writer;
        if (!options.title.isEmpty())
            writer.out += QStringLiteral("# %1\n\n").arg(options.title);
        if (!options.summary.isEmpty())
            writer.out += options.summary + QStringLiteral("\n\n");
        writer.walk(trace, upTo);
        return writer.out;
    }
    case TranscriptFormat::Html: {
        HtmlWriter writer;
        const QString title = options.title.toHtmlEscaped();
        // One self-contained page: client lines blue, server lines green, as in the window.
        writer.out =
            QStringLiteral(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n"
                "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
                "pre{background:#f6f8fa;padding:.6em;overflow-x:auto}"
                ".c{color:#155fc8}.s{color:#1b7a2e}"
                "p{font-family:monospace;margin:.2em 0;color:#444}"
                ".bounce,.fault{color:#c62828}.deliver{color:#1b7a2e}"
                "blockquote{background:#fff8d6;padding:.5em;margin:.6em 0}</style>\n"
                "</head><body>\n<h1>%1</h1>\n")
                .arg(title);
        if (!options.summary.isEmpty())
            writer.out += QStringLiteral("<p>%1</p>\n").arg(options.summary.toHtmlEscaped());
        writer.walk(trace, upTo);
        writer.out += QStringLiteral("</body></html>\n");
        return writer.out;
    }
    }
    return {};
}

} // namespace carteiro::core
