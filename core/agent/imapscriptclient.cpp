#include "core/agent/imapscriptclient.h"

#include <QRegularExpression>

namespace carteiro::core {

namespace {

QByteArray tagFor(int index)
{
    return QByteArrayLiteral("a") + QByteArray::number(index + 1).rightJustified(3, '0');
}

} // namespace

ImapScriptClient::ImapScriptClient(QStringList commands, Finished finished)
    : m_commands(std::move(commands)), m_finished(std::move(finished))
{
    m_commands << QStringLiteral("LOGOUT");
}

QByteArray ImapScriptClient::sendNext()
{
    if (m_next >= m_commands.size())
        return {};
    const QByteArray line = tagFor(m_next) + ' ' + m_commands.at(m_next).toUtf8() + "\r\n";
    ++m_next;
    return line;
}

QByteArray ImapScriptClient::receive(const QByteArray &bytes)
{
    if (m_done)
        return {};
    m_buffer += bytes;
    static const QRegularExpression literal(QStringLiteral("\\{(\\d+)\\}$"));
    QByteArray out;
    while (true) {
        if (m_literal > 0) {
            const qint64 take = std::min<qint64>(m_literal, m_buffer.size());
            m_buffer.remove(0, take);
            m_literal -= take;
            if (m_literal > 0)
                break;
        }
        const int end = m_buffer.indexOf("\r\n");
        if (end < 0)
            break;
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        const auto match = literal.match(QString::fromUtf8(line));
        if (match.hasMatch()) {
            m_literal = match.captured(1).toLongLong();
            continue;
        }
        if (!m_greeted) {
            // RFC 3501 section 7.1.5: a BYE greeting means the server will not talk.
            m_greeted = true;
            if (!line.startsWith("* OK") && !line.startsWith("* PREAUTH")) {
                m_outcome.ok = false;
                m_outcome.failure = QString::fromUtf8(line);
                m_closing = true;
                finish();
                return {};
            }
            out += sendNext();
            continue;
        }
        const QByteArray tag = tagFor(m_next - 1) + ' ';
        if (!line.startsWith(tag))
            continue; // untagged data or a continuation
        const QByteArray status = line.mid(tag.size());
        m_outcome.statuses.append(status);
        if (!status.startsWith("OK") && m_outcome.ok) {
            m_outcome.ok = false;
            m_outcome.failure = QString::fromUtf8(line);
        }
        if (m_next >= m_commands.size()) {
            m_closing = true;
            finish();
            break;
        }
        out += sendNext();
    }
    return out;
}

void ImapScriptClient::connectFailed(const QString &reason)
{
    m_outcome.ok = false;
    m_outcome.failure = reason;
    finish();
}

void ImapScriptClient::connectionLost()
{
    if (!m_done && m_outcome.ok) {
        m_outcome.ok = false;
        m_outcome.failure = QStringLiteral("connection closed by the server");
    }
    finish();
}

void ImapScriptClient::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (m_finished)
        m_finished(m_outcome);
}

} // namespace carteiro::core
