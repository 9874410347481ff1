#include "core/smtp/smtplineframer.h"

namespace carteiro::core {

void SmtpLineFramer::feed(const QByteArray &bytes)
{
    // Once every line is read the buffer starts afresh, sharing the caller's bytes.
    if (m_position == m_buffer.size()) {
        m_buffer.clear();
        m_position = 0;
    }
    m_buffer.append(bytes);
}

std::optional<SmtpLineFramer::Line> SmtpLineFramer::next(int limit)
{
    const qsizetype end = m_buffer.indexOf('\n', m_position);
    if (end < 0) {
        // No line end yet. Once the unfinished line has reached the limit it can only be too
        // long (its CRLF still has to come), so its bytes are dropped rather than kept.
        if (m_discarding || m_buffer.size() - m_position >= limit) {
            m_discarding = true;
            m_buffer.clear();
        } else if (m_position == m_buffer.size()) {
            m_buffer.clear();
        } else {
            m_buffer.remove(0, m_position);
        }
        m_position = 0;
        return std::nullopt;
    }

    Line line;
    qsizetype length = end - m_position;
    line.bareLf = length == 0 || m_buffer.at(end - 1) != '\r';
    if (!line.bareLf)
        --length;
    // The limit counts the line with its CRLF, however the line really ended.
    line.tooLong = m_discarding || length + 2 > limit;
    if (!line.tooLong)
        line.text = QByteArrayView(m_buffer).sliced(m_position, length);
    m_discarding = false;
    m_position = end + 1;
    return line;
}

bool SmtpLineFramer::hasPartialLine() const
{
    return m_discarding || m_position < m_buffer.size();
}

void SmtpLineFramer::clear()
{
    m_buffer.clear();
    m_position = 0;
    m_discarding = false;
}

} // namespace carteiro::core
