#include "core/agent/telnetclient.h"

namespace carteiro::core {

namespace {

// POP3 commands whose +OK answer is followed by lines and a lone "." (RFC 1939, RFC 2449).
bool isMultiLinePop3(const QString &line)
{
    const QStringList words = line.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return false;
    const QString verb = words.first().toUpper();
    if (verb == QLatin1String("RETR") || verb == QLatin1String("TOP") ||
        verb == QLatin1String("CAPA"))
        return true;
    return (verb == QLatin1String("LIST") || verb == QLatin1String("UIDL")) && words.size() == 1;
}

} // namespace

TelnetClient::TelnetClient(QStringList lines, bool pop3, Finished finished)
    : m_lines(std::move(lines)), m_pop3(pop3), m_finished(std::move(finished))
{}

bool TelnetClient::answerComplete()
{
    // Consumes whole lines from the buffer until one answer is complete.
    while (true) {
        const int end = m_buffer.indexOf('\n');
        if (end < 0)
            return false;
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_pop3) {
            if (!m_gotStatus) {
                m_gotStatus = true;
                if (!line.startsWith("+OK") || !m_multiLine)
                    return true;
                continue;
            }
            if (line == ".")
                return true;
            continue;
        }
        // SMTP: "250-..." continues, "250 ..." (or a bare code) ends the reply.
        if (line.size() >= 3 && (line.size() == 3 || line.at(3) != '-')) {
            if (line.startsWith("354"))
                m_inData = true;
            if (line.startsWith("221") || line.startsWith("421"))
                m_closing = true;
            return true;
        }
    }
}

QByteArray TelnetClient::typeNext()
{
    QByteArray out;
    while (m_next < m_lines.size()) {
        const QString line = m_lines.at(m_next++);
        out += line.toUtf8() + "\r\n";
        if (m_inData) {
            // The message is typed without waiting; the lone "." ends it and waits.
            if (line == QLatin1String(".")) {
                m_inData = false;
                break;
            }
            continue;
        }
        m_gotStatus = false;
        m_multiLine = m_pop3 && isMultiLinePop3(line);
        break;
    }
    return out;
}

QByteArray TelnetClient::receive(const QByteArray &bytes)
{
    if (m_done)
        return {};
    m_buffer += bytes;
    QByteArray out;
    while (answerComplete()) {
        if (m_closing || m_next >= m_lines.size()) {
            // The student has typed everything (or the server said goodbye): hang up.
            m_closing = true;
            finish(QStringLiteral("session ended"));
            break;
        }
        out += typeNext();
    }
    return out;
}

void TelnetClient::connectFailed(const QString &reason)
{
    finish(reason);
}

void TelnetClient::connectionLost()
{
    finish(QStringLiteral("connection closed by foreign host"));
}

void TelnetClient::finish(const QString &outcome)
{
    if (m_done)
        return;
    m_done = true;
    if (m_finished)
        m_finished(outcome);
}

} // namespace carteiro::core
