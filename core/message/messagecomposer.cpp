#include "core/message/messagecomposer.h"

#include "core/message/rfc5322.h"

namespace carteiro::core {

namespace {

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

} // namespace

QByteArray base64Lines(const QByteArray &bytes)
{
    constexpr int kLine = 76; // RFC 2045 section 6.8
    const QByteArray encoded = bytes.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / kLine * 2 + 2);
    for (int i = 0; i < encoded.size(); i += kLine)
        out += encoded.mid(i, kLine) + "\r\n";
    return out;
}

QByteArray quotedPrintable(const QByteArray &text)
{
    constexpr int kLine = 76; // RFC 2045 section 6.7 rule 5, soft breaks included
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    const QList<QByteArray> lines = rfc5322::toCrlf(text).split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        QByteArray line = lines[n];
        if (line.endsWith('\r'))
            line.chop(1);
        if (n == lines.size() - 1 && line.isEmpty())
            break;
        int length = 0;
        for (int i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line.at(i));
            const bool trailingSpace = (c == ' ' || c == '\t') && i == line.size() - 1;
            QByteArray piece;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !trailingSpace))
                piece = QByteArray(1, char(c));
            else
                piece = QByteArray("=") + hex[c >> 4] + hex[c & 15];
            if (length + piece.size() > kLine - 1) {
                out += "=\r\n";
                length = 0;
            }
            out += piece;
            length += int(piece.size());
        }
        out += "\r\n";
    }
    return out;
}

MessageComposer::MessageComposer(NameLookup names, std::mt19937_64 &random)
    : m_names(std::move(names)), m_random(random)
{}

QString MessageComposer::makeMessageId(SimTime now, std::mt19937_64 &random, const QString &domain)
{
    const QString stamp = QStringLiteral("%1").arg(now, 10, 10, QLatin1Char('0'));
    const QString unique = QString::number(random() & 0xffffffffu, 16);
    return QStringLiteral("<%1.%2@%3>").arg(stamp, unique, domain);
}

QString MessageComposer::mailbox(const QString &address) const
{
    const QString name = m_names ? m_names(address) : QString();
    return name.isEmpty() ? address
                          : QStringLiteral("%1 <%2>").arg(rfc5322::encodeWord(name), address);
}

QByteArray MessageComposer::textPart(const QString &text, QByteArray *transferEncoding) const
{
    const QByteArray utf8 = text.toUtf8();
    if (isAscii(utf8)) {
        *transferEncoding = "7bit";
        return rfc5322::toCrlf(utf8);
    }
    // SMTP carries 7-bit text (seed 001): accented Portuguese goes quoted-printable.
    *transferEncoding = "quoted-printable";
    return quotedPrintable(utf8);
}

QByteArray MessageComposer::compose(const SendStep &send, SimTime now,
                                    const QString &messageId) const
{
    QStringList to, cc;
    for (const QString &address : send.to)
        to << mailbox(address);
    for (const QString &address : send.cc)
        cc << mailbox(address);

    QByteArray out;
    out += rfc5322::formatField(QStringLiteral("From"), mailbox(send.from));
    if (!to.isEmpty())
        out += rfc5322::formatField(QStringLiteral("To"), to.join(QStringLiteral(", ")));
    if (!cc.isEmpty())
        out += rfc5322::formatField(QStringLiteral("Cc"), cc.join(QStringLiteral(", ")));
    // Bcc recipients are in the envelope only (RFC 5322 section 3.6.3).
    out += rfc5322::formatField(QStringLiteral("Subject"), rfc5322::encodeWord(send.subject));
    out += rfc5322::formatField(QStringLiteral("Date"), rfc5322::formatDate(now));
    out += rfc5322::formatField(QStringLiteral("Message-ID"), messageId);
    out += "MIME-Version: 1.0\r\n";

    QByteArray encoding;
    QByteArray text = textPart(send.body, &encoding);
    if (send.attachments.isEmpty()) {
        out += "Content-Type: text/plain; charset=UTF-8\r\n";
        out += "Content-Transfer-Encoding: " + encoding + "\r\n\r\n";
        out += text;
        return out;
    }

    const QString boundary =
        QStringLiteral("=_carteiro_%1").arg(m_random() & 0xffffffu, 6, 16, QLatin1Char('0'));
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary.toLatin1() + "\"\r\n\r\n";
    out += "This is a multi-part message in MIME format.\r\n";
    out += "--" + boundary.toLatin1() + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: " + encoding + "\r\n\r\n";
    out += text;
    for (const AttachmentSpec &attachment : send.attachments) {
        // Synthetic bytes of the requested size, from the sender's random stream.
        QByteArray bytes(int(attachment.size), Qt::Uninitialized);
        for (char &b : bytes)
            b = char(m_random() & 0xff);
        out += "--" + boundary.toLatin1() + "\r\n";
        out += "Content-Type: " + attachment.type.toUtf8() + "; name=\"" +
               attachment.name.toUtf8() + "\"\r\n";
        out += "Content-Transfer-Encoding: base64\r\n";
        out += "Content-Disposition: attachment; filename=\"" + attachment.name.toUtf8() +
               "\"\r\n\r\n";
        out += base64Lines(bytes);
    }
    out += "--" + boundary.toLatin1() + "--\r\n";
    return out;
}

} // namespace carteiro::core
