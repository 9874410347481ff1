#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace carteiro::core {

// One entry of an address list: "Silva, Ana" <ana@x.pt> gives {"Silva, Ana", "ana@x.pt"}.
struct Mailbox
{
    QString name; // decoded display name, empty if none
    QString address;

    bool operator==(const Mailbox &other) const
    {
        return name == other.name && address == other.address;
    }
};

// The MIME codecs a user agent needs to read what it receives (RFC 2045, 2047, 2231). Every
// decoder is tolerant, as a mail reader must be: it decodes what it can and, when asked, says
// what it had to guess.
namespace mime {

// Base64 (RFC 2045 section 6.8). Characters outside the alphabet are ignored, as the section
// requires; missing padding is supplied. *clean is false when either happened.
QByteArray decodeBase64(const QByteArray &encoded, bool *clean = nullptr);

// Quoted-printable (RFC 2045 section 6.7): =XX octets, "=" at a line end is a soft break,
// trailing whitespace is transport padding. A malformed "=" is kept literally (rule 1's
// advice) and *clean becomes false. Line ends come out as CRLF, the canonical form.
QByteArray decodeQuotedPrintable(const QByteArray &encoded, bool *clean = nullptr);

// Bytes in a named charset as text. Unknown charsets fall back to UTF-8 when the bytes are
// valid UTF-8, else to Latin-1, and *known becomes false.
QString toUnicode(const QByteArray &bytes, const QString &charset, bool *known = nullptr);

// RFC 2047 encoded words in a header value (=?UTF-8?B?...?=, =?ISO-8859-1?Q?...?=) decoded;
// whitespace between two adjacent encoded words is dropped (section 6.2).
QString decodeWords(const QString &value);

// Encoded words no longer than maxWord characters each (RFC 2047 section 2 allows 75; shorter
// words let "Subject: " plus a word fit in 78), separated by spaces; plain ASCII unchanged.
QString encodeWords(const QString &text, int maxWord = 60);

// "type/subtype; name=value; name="quoted value"" split into the lower-case type and its
// parameters (names lower case). RFC 2231 continuations (name*0=, name*1=) and charsets
// (name*=UTF-8''%C3%A9) are joined and decoded. Problems are appended to *defects.
QString parseContentType(const QString &value, QMap<QString, QString> *parameters,
                         QStringList *defects = nullptr);
// The same parameter syntax after a first token, as in Content-Disposition.
QMap<QString, QString> parseParameters(const QString &value, QString *first = nullptr,
                                       QStringList *defects = nullptr);
// A parameter as written in a header: token, quoted string, or RFC 2231 for non-ASCII text.
QString formatParameter(const QString &name, const QString &value);

// An address list (RFC 5322 section 3.4): display names quoted or not, encoded words,
// comments, groups ("Team: a@x, b@y;") flattened into their members.
QList<Mailbox> parseAddressList(const QString &value);

} // namespace mime
} // namespace carteiro::core
