#pragma once

#include "core/message/mimecodec.h"
#include "core/message/rfc5322.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace carteiro::core {

// One MIME entity (RFC 2045 section 2.4): a whole message or one body part. A multipart's
// parts, and the message inside a message/rfc822 part, are its children.
struct MimePart
{
    QList<HeaderField> headers;        // in order, unfolded, as written (not decoded)
    QString contentType;               // lower case "type/subtype"
    QMap<QString, QString> parameters; // names lower case: charset, boundary, name...
    QString transferEncoding;          // lower case: 7bit, 8bit, binary, base64, quoted-printable
    QByteArray rawBody;                // the body as it was on the wire, still encoded
    QList<MimePart> children;

    // The first field with this name (case-insensitive); empty if none.
    QString header(const QString &name) const;
    // The same with RFC 2047 encoded words decoded, for Subject and display names.
    QString decodedHeader(const QString &name) const;
    bool isMultipart() const { return contentType.startsWith(QLatin1String("multipart/")); }
    // The body with its transfer encoding undone.
    QByteArray decodedBody() const;
    // The decoded body read in its charset (us-ascii when none), line ends as "\n".
    QString text() const;
    // Content-Disposition filename, else Content-Type name; empty if neither.
    QString filename() const;
    // "attachment", "inline" or empty.
    QString disposition() const;
    // This part's content type and its descendants', in depth-first order.
    QStringList structure() const;
};

// Reads a message into a MimePart tree. Never fails: what a mail reader would have to guess
// (a missing boundary, bad base64, an unknown charset...) it guesses, and says so in one
// sentence per guess in *defects.
class MimeParser
{
public:
    static MimePart parse(const QByteArray &raw, QStringList *defects = nullptr);

    // RFC 2046 section 5.1.1: boundaries are at most 70 characters.
    static constexpr int kMaxBoundary = 70;
    // Nesting deeper than this is read as an opaque leaf, so hostile input cannot exhaust
    // the stack.
    static constexpr int kMaxDepth = 32;
};

} // namespace carteiro::core
