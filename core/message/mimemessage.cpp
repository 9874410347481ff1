#include "core/message/mimemessage.h"

#include <QStringDecoder>

namespace carteiro::core {

namespace {

bool hasEightBit(const QByteArray &bytes)
{
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

QString headerText(const QByteArray &line)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(line);
    if (!utf8.hasError())
        return text;
    return mime::toUnicode(line, QStringLiteral("windows-1252"));
}

// A line without its line end, and where the next one starts.
QByteArray lineAt(const QByteArray &raw, int pos, int *next)
{
    int end = int(raw.indexOf('\n', pos));
    if (end < 0)
        end = int(raw.size());
    *next = end + 1;
    QByteArray line = raw.mid(pos, end - pos);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Drops one line end (CRLF or LF) at the end.
QByteArray chopLineEnd(QByteArray bytes)
{
    if (bytes.endsWith("\r\n"))
        bytes.chop(2);
    else if (bytes.endsWith('\n'))
        bytes.chop(1);
    return bytes;
}

QByteArray stripTrailingSpace(QByteArray line)
{
    while (!line.isEmpty() && (line.endsWith(' ') || line.endsWith('\t')))
        line.chop(1);
    return line;
}

class Reader
{
public:
    explicit Reader(QStringList *defects) : m_defects(defects) {}

    MimePart entity(const QByteArray &raw, const QString &where, const QString &defaultType,
                    bool isMessage, int depth);

private:
    void defect(const QString &where, const QString &text)
    {
        if (m_defects)
            m_defects->append(QStringLiteral("%1: %2").arg(where, text));
    }
    QByteArray headers(const QByteArray &raw, const QString &where, QList<HeaderField> *fields);
    void multipart(MimePart &part, const QString &where, int depth);
    QString guessBoundary(const QByteArray &body) const;

    QStringList *m_defects;
};

// Reads the header section into *fields; returns the body.
QByteArray Reader::headers(const QByteArray &raw, const QString &where, QList<HeaderField> *fields)
{
    int pos = 0;
    while (pos < raw.size()) {
        int next = 0;
        const QByteArray line = lineAt(raw, pos, &next);
        if (line.isEmpty())
            return raw.mid(next); // the empty line that ends the header section
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (fields->isEmpty()) {
                defect(where, QStringLiteral("the first header line is indented, as if it "
                                             "continued a field; it is ignored."));
            } else {
                // Unfolding (RFC 5322 section 2.2.3): the line break goes, the whitespace stays.
                if (hasEightBit(line))
                    defect(where, QStringLiteral("the %1 field contains 8-bit bytes; read as "
                                                 "UTF-8 or Windows-1252.")
                                      .arg(fields->last().first));
                fields->last().second += headerText(line);
            }
            pos = next;
            continue;
        }
        const int colon = int(line.indexOf(':'));
        if (colon <= 0 || line.left(colon).trimmed().contains(' ')) {
            if (!fields->isEmpty() || !line.startsWith("From ")) {
                defect(where, QStringLiteral("the line \"%1\" is not a header field and no empty "
                                             "line came before it; the body is taken to start "
                                             "there.")
                                  .arg(headerText(line.left(40))));
                return raw.mid(pos);
            }
            // An mbox "From " separator line before the header: skip it.
            defect(where, QStringLiteral("an mbox \"From \" line precedes the header; skipped."));
            pos = next;
            continue;
        }
        const QString name = QString::fromLatin1(line.left(colon)).trimmed();
        const QByteArray value = line.mid(colon + 1);
        if (hasEightBit(line))
            defect(where, QStringLiteral("the %1 field contains 8-bit bytes; headers are 7-bit "
                                         "ASCII (RFC 5322 section 2.2), read as UTF-8 or "
                                         "Windows-1252.")
                              .arg(name));
        fields->append({name, headerText(value)});
        pos = next;
    }
    return {};
}

QString Reader::guessBoundary(const QByteArray &body) const
{
    int pos = 0;
    while (pos < body.size()) {
        int next = 0;
        QByteArray line = stripTrailingSpace(lineAt(body, pos, &next));
        pos = next;
        if (line.startsWith("--") && line.size() > 2 &&
            line.size() <= 2 + MimeParser::kMaxBoundary + 2 && !line.contains(' ')) {
            line = line.mid(2);
            return QString::fromLatin1(line);
        }
    }
    return {};
}

void Reader::multipart(MimePart &part, const QString &where, int depth)
{
    const QByteArray &body = part.rawBody;
    QString boundary = part.parameters.value(QStringLiteral("boundary"));
    if (boundary.isEmpty()) {
        boundary = guessBoundary(body);
        if (boundary.endsWith(QLatin1String("--")))
            boundary.chop(2);
        if (boundary.isEmpty()) {
            defect(where, QStringLiteral("%1 has no boundary parameter and no line starting "
                                         "with \"--\"; the body is read as one text/plain part.")
                              .arg(part.contentType));
        } else {
            defect(where, QStringLiteral("%1 has no boundary parameter; guessed \"%2\" from the "
                                         "first line starting with \"--\".")
                              .arg(part.contentType, boundary));
        }
    } else if (boundary.size() > MimeParser::kMaxBoundary) {
        defect(where, QStringLiteral("the boundary is longer than 70 characters (RFC 2046 "
                                     "section 5.1.1); used anyway."));
    }

    const QString childDefault = part.contentType == QLatin1String("multipart/digest")
                                     ? QStringLiteral("message/rfc822")
                                     : QStringLiteral("text/plain");
    auto split = [&](const QByteArray &delimiter, QList<QByteArray> *parts, bool *closed) {
        const QByteArray close = delimiter + "--";
        int pos = 0;
        int start = -1;
        *closed = false;
        while (pos < body.size()) {
            int next = 0;
            const QByteArray line = stripTrailingSpace(lineAt(body, pos, &next));
            const bool isClose = line == close;
            if (isClose || line == delimiter) {
                // The line end before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
                if (start >= 0)
                    parts->append(chopLineEnd(body.mid(start, pos - start)));
                start = next;
                if (isClose) {
                    *closed = true;
                    return;
                }
            }
            pos = next;
        }
        if (start >= 0)
            parts->append(body.mid(std::min(start, int(body.size()))));
    };

    QList<QByteArray> pieces;
    bool closed = false;
    if (!boundary.isEmpty())
        split("--" + boundary.toLatin1(), &pieces, &closed);
    if (pieces.isEmpty() && !boundary.isEmpty()) {
        QString guess = guessBoundary(body);
        if (guess.endsWith(QLatin1String("--")))
            guess.chop(2);
        if (!guess.isEmpty() && guess != boundary) {
            defect(where, QStringLiteral("no line \"--%1\" in the body; the boundary \"%2\" was "
                                         "guessed from it instead.")
                              .arg(boundary, guess));
            split("--" + guess.toLatin1(), &pieces, &closed);
        }
        if (pieces.isEmpty()) {
            defect(where, QStringLiteral("no boundary line \"--%1\" in the body; the body is "
                                         "read as one text/plain part.")
                              .arg(boundary));
        }
    }
    if (pieces.isEmpty()) {
        MimePart text;
        text.contentType = QStringLiteral("text/plain");
        text.transferEncoding = QStringLiteral("7bit");
        text.rawBody = body;
        part.children.append(text);
        return;
    }
    if (!closed)
        defect(where, QStringLiteral("the closing boundary \"--%1--\" is missing; the last part "
                                     "runs to the end of the message.")
                          .arg(boundary));
    for (int i = 0; i < pieces.size(); ++i)
        part.children.append(entity(pieces.at(i), QStringLiteral("%1.%2").arg(where).arg(i + 1),
                                    childDefault, false, depth + 1));
}

MimePart Reader::entity(const QByteArray &raw, const QString &where, const QString &defaultType,
                        bool isMessage, int depth)
{
    MimePart part;
    part.rawBody = headers(raw, where, &part.headers);

    QStringList contentTypes, encodings;
    bool mimeVersion = false;
    for (const HeaderField &field : part.headers) {
        if (field.first.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            contentTypes << field.second;
        else if (field.first.compare(QLatin1String("Content-Transfer-Encoding"),
                                     Qt::CaseInsensitive) == 0)
            encodings << field.second;
        else if (field.first.compare(QLatin1String("MIME-Version"), Qt::CaseInsensitive) == 0)
            mimeVersion = true;
    }
    if (contentTypes.size() > 1)
        defect(
            where,
            QStringLiteral("%1 Content-Type fields; the first is used.").arg(contentTypes.size()));
    if (encodings.size() > 1)
        defect(where, QStringLiteral("%1 Content-Transfer-Encoding fields; the first is used.")
                          .arg(encodings.size()));
    if (isMessage && !mimeVersion && (!contentTypes.isEmpty() || !encodings.isEmpty()))
        defect(where, QStringLiteral("no MIME-Version field, yet MIME fields are present; read "
                                     "as MIME 1.0 (RFC 2045 section 4)."));

    if (contentTypes.isEmpty()) {
        part.contentType = defaultType;
    } else {
        QStringList typeDefects;
        part.contentType =
            mime::parseContentType(contentTypes.first(), &part.parameters, &typeDefects);
        for (const QString &text : typeDefects)
            defect(where, text);
    }
    if (part.contentType.startsWith(QLatin1String("text/")) &&
        !part.parameters.contains(QStringLiteral("charset")) && !contentTypes.isEmpty() &&
        hasEightBit(part.rawBody))
        defect(where, QStringLiteral("8-bit text without a charset; read as UTF-8 or "
                                     "Windows-1252."));

    part.transferEncoding =
        encodings.isEmpty() ? QStringLiteral("7bit") : encodings.first().trimmed().toLower();
    static const QStringList known = {QStringLiteral("7bit"), QStringLiteral("8bit"),
                                      QStringLiteral("binary"), QStringLiteral("base64"),
                                      QStringLiteral("quoted-printable")};
    if (!known.contains(part.transferEncoding)) {
        defect(where, QStringLiteral("unknown Content-Transfer-Encoding \"%1\"; the body is "
                                     "kept as it is (RFC 2045 section 6.4).")
                          .arg(part.transferEncoding));
    }

    const bool composite = part.isMultipart() ||
                           part.contentType == QLatin1String("message/rfc822") ||
                           part.contentType == QLatin1String("message/global");
    const bool opaqueEncoding = part.transferEncoding == QLatin1String("base64") ||
                                part.transferEncoding == QLatin1String("quoted-printable");
    if (composite && opaqueEncoding) {
        defect(where, QStringLiteral("%1 may only be 7bit, 8bit or binary (RFC 2045 section "
                                     "6.4); decoded %2 before reading its parts.")
                          .arg(part.contentType, part.transferEncoding));
    }
    if (composite && depth >= MimeParser::kMaxDepth) {
        defect(where, QStringLiteral("nested more than %1 levels deep; not read further.")
                          .arg(MimeParser::kMaxDepth));
        return part;
    }

    if (part.isMultipart()) {
        if (opaqueEncoding) {
            MimePart decoded = part;
            decoded.rawBody = part.decodedBody();
            multipart(decoded, where, depth);
            part.children = decoded.children;
        } else {
            multipart(part, where, depth);
        }
        return part;
    }
    if (composite) {
        const QByteArray inner = opaqueEncoding ? part.decodedBody() : part.rawBody;
        part.children.append(entity(inner, where + QStringLiteral(".1"),
                                    QStringLiteral("text/plain"), true, depth + 1));
        return part;
    }

    // A leaf: try the decoding now, so that problems are reported while parsing.
    bool clean = true;
    if (part.transferEncoding == QLatin1String("base64")) {
        mime::decodeBase64(part.rawBody, &clean);
        if (!clean)
            defect(where, QStringLiteral("the base64 body has characters outside the alphabet "
                                         "or bad padding; they were skipped."));
    } else if (part.transferEncoding == QLatin1String("quoted-printable")) {
        mime::decodeQuotedPrintable(part.rawBody, &clean);
        if (!clean)
            defect(where, QStringLiteral("the quoted-printable body has a malformed \"=\" or "
                                         "unencoded 8-bit bytes; kept as they are."));
    } else if (part.transferEncoding == QLatin1String("7bit") && hasEightBit(part.rawBody)) {
        defect(where, QStringLiteral("declared 7bit but contains 8-bit bytes."));
    }
    if (part.contentType.startsWith(QLatin1String("text/"))) {
        const QString charset = part.parameters.value(QStringLiteral("charset"));
        bool knownCharset = true;
        mime::toUnicode(QByteArray(), charset, &knownCharset);
        if (!knownCharset)
            defect(where, QStringLiteral("unknown charset \"%1\"; read as UTF-8 or "
                                         "Windows-1252.")
                              .arg(charset));
    }
    return part;
}

QString firstHeader(const QList<HeaderField> &headers, const QString &name)
{
    for (const HeaderField &field : headers)
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    return {};
}

} // namespace

QString MimePart::header(const QString &name) const
{
    return firstHeader(headers, name).trimmed();
}

QString MimePart::decodedHeader(const QString &name) const
{
    return mime::decodeWords(header(name));
}

QByteArray MimePart::decodedBody() const
{
    if (transferEncoding == QLatin1String("base64"))
        return mime::decodeBase64(rawBody);
    if (transferEncoding == QLatin1String("quoted-printable"))
        return mime::decodeQuotedPrintable(rawBody);
    return rawBody;
}

QString MimePart::text() const
{
    QString text = mime::toUnicode(decodedBody(), parameters.value(QStringLiteral("charset")));
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

QString MimePart::filename() const
{
    const QMap<QString, QString> disposition =
        mime::parseParameters(header(QStringLiteral("Content-Disposition")));
    QString name = disposition.value(QStringLiteral("filename"));
    if (name.isEmpty())
        name = parameters.value(QStringLiteral("name"));
    // Many mailers put RFC 2047 words in a filename, though RFC 2047 section 5 forbids it.
    return mime::decodeWords(name);
}

QString MimePart::disposition() const
{
    QString first;
    mime::parseParameters(header(QStringLiteral("Content-Disposition")), &first);
    return first.toLower();
}

QStringList MimePart::structure() const
{
    QStringList out{contentType};
    for (const MimePart &child : children)
        out += child.structure();
    return out;
}

MimePart MimeParser::parse(const QByteArray &raw, QStringList *defects)
{
    Reader reader(defects);
    return reader.entity(raw, QStringLiteral("message"), QStringLiteral("text/plain"), true, 0);
}

} // namespace carteiro::core
