#include "core/pop3/pop3reply.h"

namespace carteiro::core {

Pop3Reply Pop3Reply::positive(QByteArray text)
{
    Pop3Reply reply;
    reply.text = std::move(text);
    return reply;
}

Pop3Reply Pop3Reply::negative(QByteArray text)
{
    Pop3Reply reply;
    reply.ok = false;
    reply.text = std::move(text);
    return reply;
}

Pop3Reply Pop3Reply::listing(QByteArray text, QByteArrayList lines)
{
    Pop3Reply reply;
    reply.text = std::move(text);
    reply.multiline = true;
    reply.lines = std::move(lines);
    return reply;
}

QByteArray Pop3Reply::statusLine() const
{
    QByteArray line = ok ? QByteArrayLiteral("+OK") : QByteArrayLiteral("-ERR");
    if (!text.isEmpty())
        line += ' ' + text;
    return line;
}

QByteArray Pop3Reply::toWire() const
{
    QByteArray wire = statusLine() + "\r\n";
    // A negative response is always one line (RFC 1939 section 3).
    if (ok && multiline) {
        for (const QByteArray &line : lines)
            wire += pop3StuffLine(line) + "\r\n";
        wire += ".\r\n";
    }
    return wire;
}

QByteArray pop3StuffLine(const QByteArray &line)
{
    return line.startsWith('.') ? '.' + line : line;
}

QByteArray pop3UnstuffLine(const QByteArray &line)
{
    return line.startsWith('.') ? line.mid(1) : line;
}

QByteArrayList pop3MessageLines(const QByteArray &message)
{
    QByteArrayList lines;
    qsizetype start = 0;
    while (start < message.size()) {
        qsizetype lf = message.indexOf('\n', start);
        const qsizetype end = lf < 0 ? message.size() : lf;
        QByteArray line = message.mid(start, end - start);
        if (lf >= 0 && line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        if (lf < 0)
            break;
        start = lf + 1;
    }
    return lines;
}

QByteArray pop3CanonicalMessage(const QByteArray &message)
{
    QByteArray canonical;
    canonical.reserve(message.size() + 2);
    for (const QByteArray &line : pop3MessageLines(message))
        canonical += line + "\r\n";
    return canonical;
}

void Pop3ReplyReader::feed(const QByteArray &bytes)
{
    m_framer.feed(bytes);
    while (const auto line = m_framer.next())
        take(*line);
}

std::optional<Pop3Reply> Pop3ReplyReader::next()
{
    if (m_ready.isEmpty())
        return std::nullopt;
    return m_ready.takeFirst();
}

void Pop3ReplyReader::take(const Pop3Line &line)
{
    if (m_failed)
        return;
    if (line.tooLong) {
        m_failed = true;
        return;
    }
    if (m_partial) {
        if (line.text == ".") {
            m_ready.append(*m_partial);
            m_partial.reset();
        } else {
            m_partial->lines.append(pop3UnstuffLine(line.text));
        }
        return;
    }

    const bool multiline = m_expected.isEmpty() ? false : m_expected.takeFirst();
    Pop3Reply reply;
    const QByteArray &text = line.text;
    if (text == "+OK" || text.startsWith("+OK ")) {
        reply.text = text.mid(4);
    } else if (text == "-ERR" || text.startsWith("-ERR ")) {
        reply.ok = false;
        reply.text = text.mid(5);
    } else {
        reply.ok = false;
        reply.malformed = true;
        reply.text = text;
    }
    // Only a positive response has data lines (RFC 1939 section 3).
    if (reply.ok && multiline) {
        reply.multiline = true;
        m_partial = reply;
    } else {
        m_ready.append(reply);
    }
}

} // namespace carteiro::core
