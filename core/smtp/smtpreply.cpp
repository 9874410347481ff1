#include "core/smtp/smtpreply.h"

namespace carteiro::core {

namespace {

// RFC 3463 section 2: class "." subject "." detail, where class is 2, 4 or 5, subject up to
// three digits and detail up to three digits. Returns the length of the code at the start of
// `text` (followed by a space or the end), or 0 when there is none.
qsizetype enhancedCodeLength(const QString &text, int replyCode)
{
    if (text.size() < 5 || text.at(0).unicode() != u'0' + replyCode / 100 || text.at(1) != u'.')
        return 0;
    qsizetype i = 2;
    for (int part = 0; part < 2; ++part) {
        const qsizetype start = i;
        while (i < text.size() && text.at(i).isDigit() && i - start < 3)
            ++i;
        if (i == start)
            return 0;
        if (part == 0) {
            if (i >= text.size() || text.at(i) != u'.')
                return 0;
            ++i;
        }
    }
    if (i < text.size() && text.at(i) != u' ')
        return 0;
    return i;
}

SmtpReply malformed(const QString &text)
{
    SmtpReply reply;
    reply.lines = QStringList{text};
    return reply;
}

} // namespace

QByteArray SmtpReply::toWire() const
{
    const QByteArray number = QByteArray::number(code);
    const QStringList texts = lines.isEmpty() ? QStringList{QString()} : lines;
    QByteArray wire;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        // RFC 5321 section 4.2.1: every line but the last has a hyphen after the code.
        wire += number;
        wire += i + 1 < texts.size() ? '-' : ' ';
        // RFC 2034 section 4: the enhanced code starts the text of every line.
        if (!enhanced.isEmpty()) {
            wire += enhanced.toUtf8();
            if (!texts.at(i).isEmpty())
                wire += ' ';
        }
        wire += texts.at(i).toUtf8();
        wire += "\r\n";
    }
    return wire;
}

QString SmtpReply::toString() const
{
    QString text = QString::number(code);
    if (!enhanced.isEmpty())
        text += u' ' + enhanced;
    const QString joined = lines.join(u' ');
    if (!joined.isEmpty())
        text += u' ' + joined;
    return text;
}

void SmtpReplyParser::feed(const QByteArray &bytes)
{
    m_framer.feed(bytes);
    // Replies are read with the text-line limit rather than the 512 octets of RFC 5321
    // section 4.5.3.1.5: a client is liberal in what it accepts (RFC 1122 section 1.2.2).
    while (const auto line = m_framer.next(kSmtpMaxTextLine))
        takeLine(*line);
}

std::optional<SmtpReply> SmtpReplyParser::next()
{
    if (m_ready.empty())
        return std::nullopt;
    SmtpReply reply = std::move(m_ready.front());
    m_ready.erase(m_ready.begin());
    return reply;
}

void SmtpReplyParser::takeLine(const SmtpLineFramer::Line &line)
{
    const auto fail = [this](const QString &text) {
        m_partial = SmtpReply();
        m_ready.push_back(malformed(text));
    };
    if (line.tooLong) {
        fail(QStringLiteral("reply line too long"));
        return;
    }
    const QString text = QString::fromUtf8(line.text);
    // RFC 5321 section 4.2: Reply-code [ ("-" / SP) textstring ] CRLF.
    bool digits = text.size() >= 3;
    for (int i = 0; digits && i < 3; ++i)
        digits = text.at(i) >= u'0' && text.at(i) <= u'9';
    const bool separatorOk = text.size() == 3 || text.at(3) == u' ' || text.at(3) == u'-';
    if (!digits || !separatorOk) {
        fail(text);
        return;
    }
    const int code = text.left(3).toInt();
    const bool last = text.size() == 3 || text.at(3) == u' ';
    if (m_partial.code != 0 && m_partial.code != code) {
        fail(text);
        return;
    }
    QString body = text.mid(4);
    if (m_partial.code == 0) {
        m_partial.code = code;
        const qsizetype length = enhancedCodeLength(body, code);
        if (length > 0)
            m_partial.enhanced = body.left(length);
    }
    if (!m_partial.enhanced.isEmpty() && body.startsWith(m_partial.enhanced) &&
        (body.size() == m_partial.enhanced.size() || body.at(m_partial.enhanced.size()) == u' '))
        body = body.mid(m_partial.enhanced.size() + 1);
    m_partial.lines.append(body);
    if (last) {
        m_ready.push_back(std::move(m_partial));
        m_partial = SmtpReply();
    }
}

} // namespace carteiro::core
