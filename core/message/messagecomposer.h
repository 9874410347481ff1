#pragma once

#include "core/scenario/scenario.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <random>

namespace carteiro::core {

// What a user agent writes when its user presses Send: the RFC 5322 header (From, To, Cc,
// Subject, Date, Message-ID, MIME headers) and the body. A plain text body is one text/plain
// entity; an HTML body makes multipart/alternative (text/plain, text/html); attachments make
// multipart/mixed with the text (or the alternative) first (RFC 2046 section 5.1).
class MessageComposer
{
public:
    // Display name of an address ("Alice"), or empty.
    using NameLookup = std::function<QString(const QString &address)>;

    MessageComposer(NameLookup names, std::mt19937_64 &random);

    QByteArray compose(const SendStep &send, SimTime now, const QString &messageId) const;

    // "<20260302090000.1a2b3c4d@crepes.fr>"
    static QString makeMessageId(SimTime now, std::mt19937_64 &random, const QString &domain);

private:
    // Header lines (CRLF ended) and content of one body part.
    struct MimeEntity
    {
        QByteArray headers;
        QByteArray content;
        QByteArray toBytes() const;
    };

    QString mailbox(const QString &address) const;
    QByteArray textPart(const QString &text, QByteArray *transferEncoding) const;
    MimeEntity textEntity(const QString &text, const char *subtype) const;
    // A multipart entity whose boundary starts as candidate and is made unique in its parts.
    static MimeEntity multipart(const char *subtype, const QString &candidate,
                                const QList<MimeEntity> &parts, const QByteArray &preamble);

    NameLookup m_names;
    std::mt19937_64 &m_random;
};

// Base64 in 76-character lines (RFC 2045 section 6.8), CRLF ended.
QByteArray base64Lines(const QByteArray &bytes);
// Quoted-printable (RFC 2045 section 6.7) for text with a few non-ASCII characters.
QByteArray quotedPrintable(const QByteArray &text);

} // namespace carteiro::core
