#include "core/smtp/smtpreply.h"

#include "core/message/utf8.h"

#include <algorithm>
#include <charconv>

namespace carteiro::core {

namespace {

// RFC 3463 section 2: class "." subject "." detail, where class is 2, 4 or 5, subject up to
// three digits and detail up to three digits. Returns the length of the code at the start of
// `text` (followed by a space or the end), or 0 when there is none.
qsizetype enhancedCodeLength(QByteArrayView text, int replyCode)
{
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() < 5 || text.at(0) != char('0' + replyCode / 100) || text.at(1) != '.')
        return 0;
    qsizetype i = 2;
    for (int part = 0; part < 2; ++part) {
        const qsizetype start = i;
        while (i < text.size() && isDigit(text.at(i)) && i - start < 3)
            ++i;
        if (i == start)
            return 0;
        if (part == 0) {
            if (i >= text.size() || text.at(i) != '.')
                return 0;
            ++i;
        }
    }
    if (i < text.size() && text.at(i) != ' ')
        return 0;
    return i;
}

// The enhanced code as a string. The codes of an ordinary transaction (RFC 3463 section 3)
// are shared rather than built again for every reply.
QString enhancedCode(QByteArrayView code)
{
    static const QString common[] = {
        QStringLiteral("2.0.0"), QStringLiteral("2.1.0"), QStringLiteral("2.1.5"),
        QStringLiteral("2.7.0"), QStringLiteral("2.6.0"),
    };
    for (const QString &known : common) {
        if (QLatin1StringView(code) == known)
            return known;
    }
    return QString::fromLatin1(code);
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
    const char number[3] = {char('0' + code / 100 % 10), char('0' + code / 10 % 10),
                            char('0' + code % 10)};
    const qsizetype count = std::max<qsizetype>(lines.size(), 1);
    // Sized for ASCII text, so that the reply is one allocation.
    qsizetype size = 0;
    bool ascii = true;
    const auto isAscii = [](QStringView text) {
        for (const QChar c : text)
            if (c.unicode() >= 0x80)
                return false;
        return true;
    };
    ascii = isAscii(enhanced);
    for (qsizetype i = 0; i < count; ++i) {
        const QStringView text = i < lines.size() ? QStringView(lines.at(i)) : QStringView();
        ascii = ascii && isAscii(text);
        size += 7 + enhanced.size() + text.size();
    }
    QByteArray wire;
    if (ascii) {
        // The common case, written straight into the buffer: replies are on every exchange.
        wire.resize(size);
        char *out = wire.data();
        const auto put = [&out](QStringView text) {
            for (const QChar c : text)
                *out++ = char(c.unicode());
        };
        for (qsizetype i = 0; i < count; ++i) {
            const QStringView text = i < lines.size() ? QStringView(lines.at(i)) : QStringView();
            *out++ = number[0];
            *out++ = number[1];
            *out++ = number[2];
            *out++ = i + 1 < count ? '-' : ' ';
            if (!enhanced.isEmpty()) {
                put(enhanced);
                if (!text.isEmpty())
                    *out++ = ' ';
            }
            put(text);
            *out++ = '\r';
            *out++ = '\n';
        }
        wire.truncate(out - wire.constData());
        return wire;
    }
    wire.reserve(size);
    for (qsizetype i = 0; i < count; ++i) {
        const QStringView text = i < lines.size() ? QStringView(lines.at(i)) : QStringView();
        // RFC 5321 section 4.2.1: every line but the last has a hyphen after the code.
        wire.append(number, 3);
        wire += i + 1 < count ? '-' : ' ';
        // RFC 2034 section 4: the enhanced code starts the text of every line.
        if (!enhanced.isEmpty()) {
            appendUtf8(wire, enhanced);
            if (!text.isEmpty())
                wire += ' ';
        }
        appendUtf8(wire, text);
        wire += "\r\n";
    }
    return wire;
}

QString SmtpReply::toString() const
{
    char number[16];
    const char *end = std::to_chars(number, number + sizeof number, code).ptr;
    qsizetype joined = lines.isEmpty() ? 0 : lines.size() - 1;
    for (const QString &line : lines)
        joined += line.size();
    QString text;
    text.reserve(qsizetype(end - number) + 1 + enhanced.size() + 1 + joined);
    text += QLatin1StringView(number, end);
    if (!enhanced.isEmpty()) {
        text += u' ';
        text += enhanced;
    }
    // The lines joined by spaces, as QStringList::join would give them.
    if (joined > 0) {
        text += u' ';
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                text += u' ';
            text += lines.at(i);
        }
    }
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
    // Read on the bytes: only the text after the code becomes a QString.
    const QByteArrayView text(line.text);
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    // RFC 5321 section 4.2: Reply-code [ ("-" / SP) textstring ] CRLF.
    const bool digits =
        text.size() >= 3 && isDigit(text.at(0)) && isDigit(text.at(1)) && isDigit(text.at(2));
    const bool separatorOk =
        text.size() == 3 || (text.size() > 3 && (text.at(3) == ' ' || text.at(3) == '-'));
    if (!digits || !separatorOk) {
        fail(QString::fromUtf8(line.text));
        return;
    }
    const int code = (text.at(0) - '0') * 100 + (text.at(1) - '0') * 10 + (text.at(2) - '0');
    const bool last = text.size() == 3 || text.at(3) == ' ';
    if (m_partial.code != 0 && m_partial.code != code) {
        fail(QString::fromUtf8(line.text));
        return;
    }
    QByteArrayView body = text.size() > 4 ? text.sliced(4) : QByteArrayView();
    if (m_partial.code == 0) {
        m_partial.code = code;
        const qsizetype length = enhancedCodeLength(body, code);
        if (length > 0)
            m_partial.enhanced = enhancedCode(body.first(length));
    }
    const qsizetype enhanced = m_partial.enhanced.size();
    if (enhanced && body.size() >= enhanced &&
        QLatin1StringView(body.first(enhanced)) == m_partial.enhanced &&
        (body.size() == enhanced || body.at(enhanced) == ' '))
        body = body.size() > enhanced ? body.sliced(enhanced + 1) : QByteArrayView();
    m_partial.lines.append(QString::fromUtf8(body));
    if (last) {
        m_ready.push_back(std::move(m_partial));
        m_partial = SmtpReply();
    }
}

} // namespace carteiro::core
