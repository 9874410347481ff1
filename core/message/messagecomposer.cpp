#include "core/message/messagecomposer.h"

#include "core/message/mimecodec.h"
#include "core/message/rfc5322.h"

#include <algorithm>

namespace carteiro::core {

namespace {

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

// RFC 5322 section 2.1.1: a line MUST be at most 998 characters.
bool hasLongLine(const QByteArray &bytes)
{
    constexpr int kMaxLine = 998;
    int length = 0;
    for (char c : bytes) {
        length = (c == '\n' || c == '\r') ? 0 : length + 1;
        if (length > kMaxLine)
            return true;
    }
    return false;
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
    const QString stamp = QString::number(now).rightJustified(10, u'0'); // now is never negative
    const QString unique = QString::number(random() & 0xffffffffu, 16);
    return QStringLiteral("<%1.%2@%3>").arg(stamp, unique, domain);
}

QString MessageComposer::mailbox(const QString &address) const
{
    const QString name = m_names ? m_names(address) : QString();
    if (name.isEmpty())
        return address;
    QString phrase = mime::encodeWords(name);
    // RFC 5322 section 3.2.3: a name with specials ("Silva, Ana") must be a quoted string.
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    const bool needsQuotes = phrase == name && std::any_of(name.begin(), name.end(), [](QChar c) {
                                 return specials.contains(c);
                             });
    if (needsQuotes) {
        phrase.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        phrase.replace(QLatin1Char('"'), QLatin1String("\\\""));
        phrase = QLatin1Char('"') + phrase + QLatin1Char('"');
    }
    return QStringLiteral("%1 <%2>").arg(phrase, address);
}

QByteArray MessageComposer::textPart(const QString &text, QByteArray *transferEncoding) const
{
    const QByteArray utf8 = text.toUtf8();
    if (isAscii(utf8) && !hasLongLine(utf8)) {
        *transferEncoding = "7bit";
        return rfc5322::toCrlf(utf8);
    }
    // SMTP carries 7-bit text in lines of at most 998 characters (seed 001; RFC 5322 section
    // 2.1.1): accented Portuguese and long HTML lines go quoted-printable.
    *transferEncoding = "quoted-printable";
    return quotedPrintable(utf8);
}

QByteArray MessageComposer::MimeEntity::toBytes() const
{
    return headers + "\r\n" + content;
}

MessageComposer::MimeEntity MessageComposer::textEntity(const QString &text,
                                                        const char *subtype) const
{
    MimeEntity entity;
    QByteArray encoding;
    entity.content = textPart(text, &encoding);
    entity.headers = "Content-Type: text/" + QByteArray(subtype) + "; charset=UTF-8\r\n";
    entity.headers += "Content-Transfer-Encoding: " + encoding + "\r\n";
    return entity;
}

MessageComposer::MimeEntity MessageComposer::multipart(const char *subtype,
                                                       const QString &candidate,
                                                       const QList<MimeEntity> &parts,
                                                       const QByteArray &preamble)
{
    QList<QByteArray> bodies;
    for (const MimeEntity &part : parts)
        bodies << part.toBytes();
    // RFC 2046 section 5.1.1: the boundary must not occur in any encapsulated part. Base64 and
    // quoted-printable never contain "=_", but 7bit text could; a suffix makes it unique
    // without drawing from the random stream again.
    QString boundary = candidate;
    for (int n = 1;; ++n) {
        const QByteArray b = boundary.toLatin1();
        if (std::none_of(bodies.begin(), bodies.end(),
                         [&](const QByteArray &body) { return body.contains(b); }))
            break;
        boundary = QStringLiteral("%1_%2").arg(candidate).arg(n);
    }
    const QByteArray b = boundary.toLatin1();
    MimeEntity entity;
    entity.headers =
        "Content-Type: multipart/" + QByteArray(subtype) + "; boundary=\"" + b + "\"\r\n";
    entity.content = preamble;
    // The line end before each delimiter belongs to the delimiter, so a part's last line end
    // survives the round trip.
    for (const QByteArray &body : bodies)
        entity.content += "--" + b + "\r\n" + body + "\r\n";
    entity.content += "--" + b + "--\r\n";
    return entity;
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
    // Encoded words of at most 60 characters keep "Subject: " plus one word within 78.
    out += rfc5322::formatField(QStringLiteral("Subject"), mime::encodeWords(send.subject));
    out += rfc5322::formatField(QStringLiteral("Date"), rfc5322::formatDate(now));
    out += rfc5322::formatField(QStringLiteral("Message-ID"), messageId);
    out += "MIME-Version: 1.0\r\n";

    if (send.attachments.isEmpty() && send.html.isEmpty()) {
        QByteArray encoding;
        QByteArray text = textPart(send.body, &encoding);
        if (send.eightBit && encoding != "7bit") {
            // RFC 6152: 8-bit text is only safe where the whole path offers 8BITMIME.
            encoding = "8bit";
            text = rfc5322::toCrlf(send.body.toUtf8());
        }
        out += "Content-Type: text/plain; charset=UTF-8\r\n";
        out += "Content-Transfer-Encoding: " + encoding + "\r\n\r\n";
        out += text;
        return out;
    }

    // Boundaries come from the sender's random stream, mixed first, then alternative, then
    // the attachment bytes, so a run replays exactly.
    const QString mixedBoundary =
        send.attachments.isEmpty()
            ? QString()
            : QStringLiteral("=_carteiro_%1").arg(m_random() & 0xffffffu, 6, 16, QLatin1Char('0'));
    MimeEntity body = textEntity(send.body, "plain");
    if (!send.html.isEmpty()) {
        // RFC 2046 section 5.1.4: simplest first, the richest (preferred) version last.
        const QString alternativeBoundary =
            QStringLiteral("=_carteiro_alt_%1")
                .arg(m_random() & 0xffffffu, 6, 16, QLatin1Char('0'));
        body = multipart("alternative", alternativeBoundary, {body, textEntity(send.html, "html")},
                         QByteArray());
    }
    if (send.attachments.isEmpty())
        return out + body.toBytes();

    QList<MimeEntity> parts{body};
    for (const AttachmentSpec &attachment : send.attachments) {
        // Synthetic bytes of the requested size, from the sender's random stream.
        QByteArray bytes(int(attachment.size), Qt::Uninitialized);
        for (char &b : bytes)
            b = char(m_random() & 0xff);
        MimeEntity part;
        part.headers = rfc5322::formatField(
            QStringLiteral("Content-Type"),
            attachment.type + QStringLiteral("; ") +
                mime::formatParameter(QStringLiteral("name"), attachment.name));
        part.headers += "Content-Transfer-Encoding: base64\r\n";
        part.headers += rfc5322::formatField(
            QStringLiteral("Content-Disposition"),
            QStringLiteral("attachment; ") +
                mime::formatParameter(QStringLiteral("filename"), attachment.name));
        part.content = base64Lines(bytes);
        parts << part;
    }
    const MimeEntity mixed = multipart("mixed", mixedBoundary, parts,
                                       "This is a multi-part message in MIME format.\r\n");
    return out + mixed.toBytes();
}

} // namespace carteiro::core
