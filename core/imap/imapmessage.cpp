#include "core/imap/imapmessage.h"

#include "core/message/rfc5322.h"

#include <QDateTime>
#include <QTimeZone>

#include <cstdio>

namespace carteiro::core::imapmessage {

namespace {

const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Virtual time 0 as a date: the epoch rfc5322::formatDate uses, read back from it so the two
// never disagree.
QDateTime epoch()
{
    static const QDateTime start =
        QDateTime::fromString(rfc5322::formatDate(0), Qt::RFC2822Date).toUTC();
    return start;
}

// A message or body part: its header section (with the empty line that ends it) and body.
struct Entity
{
    QByteArray header;
    QByteArray body;
};

Entity split(const QByteArray &raw)
{
    if (raw.startsWith("\r\n"))
        return {"\r\n", raw.mid(2)};
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return {raw, {}};
    return {raw.left(end + 4), raw.mid(end + 4)};
}

bool hasField(const QByteArray &header, const char *name)
{
    for (const HeaderField &field : rfc5322::parseHeaders(header)) {
        if (field.first.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray field(const QByteArray &header, const char *name)
{
    return rfc5322::headerValue(header, QLatin1String(name)).toUtf8();
}

QByteArray nstringField(const QByteArray &header, const char *name)
{
    return imapNString(field(header, name), !hasField(header, name));
}

// Splits at a separator outside quotes and angle brackets (RFC 5322 address lists and
// MIME parameters).
QByteArrayList splitOutside(const QByteArray &text, char separator)
{
    QByteArrayList pieces;
    QByteArray current;
    bool quoted = false;
    int angle = 0;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '<')
            ++angle;
        else if (!quoted && c == '>' && angle > 0)
            --angle;
        if (c == separator && !quoted && angle == 0) {
            pieces.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        pieces.append(current.trimmed());
    return pieces;
}

QByteArray unquote(QByteArray text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.mid(1, text.size() - 2);
    return text;
}

// RFC 3501 section 7.4.2: an address is (name adl mailbox host); a list is NIL when empty.
QByteArray addressList(const QByteArray &header, const char *name)
{
    if (!hasField(header, name))
        return QByteArrayLiteral("NIL");
    QByteArray out;
    for (const QByteArray &piece : splitOutside(field(header, name), ',')) {
        QByteArray display;
        QByteArray address = piece;
        const qsizetype open = piece.lastIndexOf('<');
        if (open >= 0) {
            display = unquote(piece.left(open));
            address = piece.mid(open + 1);
            address.chop(address.endsWith('>') ? 1 : 0);
        }
        address = address.trimmed();
        const qsizetype at = address.lastIndexOf('@');
        const QByteArray local = at < 0 ? address : address.left(at);
        const QByteArray host = at < 0 ? QByteArray() : address.mid(at + 1);
        out += '(' + imapNString(display, display.isEmpty()) + " NIL " + imapNString(local) + ' ' +
               imapNString(host, at < 0) + ')';
    }
    return out.isEmpty() ? QByteArrayLiteral("NIL") : '(' + out + ')';
}

QByteArray envelopeOf(const QByteArray &header)
{
    const QByteArray from = addressList(header, "From");
    // Section 7.4.2: sender and reply-to default to from.
    const QByteArray sender = hasField(header, "Sender") ? addressList(header, "Sender") : from;
    const QByteArray replyTo =
        hasField(header, "Reply-To") ? addressList(header, "Reply-To") : from;
    return '(' + nstringField(header, "Date") + ' ' + nstringField(header, "Subject") + ' ' + from +
           ' ' + sender + ' ' + replyTo + ' ' + addressList(header, "To") + ' ' +
           addressList(header, "Cc") + ' ' + addressList(header, "Bcc") + ' ' +
           nstringField(header, "In-Reply-To") + ' ' + nstringField(header, "Message-ID") + ')';
}

struct ContentType
{
    QByteArray type = "text";
    QByteArray subtype = "plain";
    QList<QPair<QByteArray, QByteArray>> parameters;

    QByteArray parameter(const QByteArray &name) const
    {
        for (const auto &entry : parameters) {
            if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
                return entry.second;
        }
        return {};
    }
};

// RFC 2045 section 5.1: type "/" subtype *(";" parameter); text/plain when absent.
ContentType contentType(const QByteArray &header)
{
    ContentType result;
    const QByteArray value = field(header, "Content-Type");
    const QByteArrayList pieces = splitOutside(value, ';');
    if (pieces.isEmpty() || !pieces.first().contains('/')) {
        result.parameters.append(qMakePair(QByteArray("charset"), QByteArray("us-ascii")));
        return result;
    }
    const qsizetype slash = pieces.first().indexOf('/');
    result.type = pieces.first().left(slash).trimmed().toLower();
    result.subtype = pieces.first().mid(slash + 1).trimmed().toLower();
    for (qsizetype index = 1; index < pieces.size(); ++index) {
        const qsizetype equals = pieces.at(index).indexOf('=');
        if (equals > 0) {
            result.parameters.append(qMakePair(pieces.at(index).left(equals).trimmed().toLower(),
                                               unquote(pieces.at(index).mid(equals + 1))));
        }
    }
    return result;
}

// RFC 2046 section 5.1.1: parts sit between "--boundary" lines, up to "--boundary--"; the
// CRLF before each delimiter belongs to the delimiter.
QByteArrayList multipartParts(const QByteArray &body, const QByteArray &boundary)
{
    QByteArrayList parts;
    if (boundary.isEmpty())
        return parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype partStart = -1;
    qsizetype search = 0;
    bool first = true;
    for (;;) {
        qsizetype lineStart;
        qsizetype contentEnd;
        if (first && body.startsWith(delimiter)) {
            lineStart = 0;
            contentEnd = 0;
        } else {
            const qsizetype found = body.indexOf("\r\n" + delimiter, search);
            if (found < 0)
                break;
            lineStart = found + 2;
            contentEnd = found;
        }
        first = false;
        if (partStart >= 0)
            parts.append(body.mid(partStart, contentEnd - partStart));
        const qsizetype after = lineStart + delimiter.size();
        if (body.mid(after, 2) == "--")
            break;
        const qsizetype eol = body.indexOf("\r\n", after);
        if (eol < 0)
            break;
        partStart = eol + 2;
        search = eol;
    }
    return parts;
}

QByteArray quotedUpper(const QByteArray &text)
{
    return imapNString(text.toUpper());
}

QByteArray structureOf(const Entity &entity, int depth)
{
    const ContentType type = contentType(entity.header);
    if (type.type == "multipart" && depth < ImapLimits::kMaxNesting) {
        const QByteArrayList parts = multipartParts(entity.body, type.parameter("boundary"));
        if (!parts.isEmpty()) {
            QByteArray out = "(";
            for (const QByteArray &part : parts)
                out += structureOf(split(part), depth + 1);
            return out + ' ' + quotedUpper(type.subtype) + ')';
        }
    }
    QByteArray parameters;
    for (const auto &entry : type.parameters)
        parameters += (parameters.isEmpty() ? "" : " ") + quotedUpper(entry.first) + ' ' +
                      imapNString(entry.second);
    parameters = parameters.isEmpty() ? QByteArrayLiteral("NIL") : '(' + parameters + ')';
    QByteArray encoding = field(entity.header, "Content-Transfer-Encoding").trimmed().toUpper();
    if (encoding.isEmpty())
        encoding = "7BIT";
    const QByteArray lines =
        QByteArray::number(entity.body.count('\n') + (entity.body.endsWith('\n') ? 0 : 1) -
                           (entity.body.isEmpty() ? 1 : 0));
    // Section 7.4.2, body-type-basic / body-type-text / body-type-msg.
    QByteArray out = '(' + quotedUpper(type.type) + ' ' + quotedUpper(type.subtype) + ' ' +
                     parameters + ' ' + nstringField(entity.header, "Content-ID") + ' ' +
                     nstringField(entity.header, "Content-Description") + ' ' +
                     imapNString(encoding) + ' ' + QByteArray::number(entity.body.size());
    if (type.type == "message" && type.subtype == "rfc822" && depth < ImapLimits::kMaxNesting) {
        const Entity inner = split(entity.body);
        out += ' ' + envelopeOf(inner.header) + ' ' + structureOf(inner, depth + 1) + ' ' + lines;
    } else if (type.type == "text") {
        out += ' ' + lines;
    }
    return out + ')';
}

// The header fields named (or, with `exclude`, all others), each with its folded lines,
// then the empty line (section 6.4.5, HEADER.FIELDS).
QByteArray headerFields(const QByteArray &header, const QByteArrayList &names, bool exclude)
{
    QByteArray out;
    bool keep = false;
    for (const QByteArray &line : header.split('\n')) {
        const QByteArray text = line.endsWith('\r') ? line.chopped(1) : line;
        if (text.isEmpty())
            break;
        if (!text.startsWith(' ') && !text.startsWith('\t')) {
            const QByteArray name = text.left(text.indexOf(':')).trimmed().toUpper();
            keep = names.contains(name) != exclude;
        }
        if (keep)
            out += text + "\r\n";
    }
    return out + "\r\n";
}

} // namespace

QByteArray canonical(const QByteArray &raw)
{
    return rfc5322::toCrlf(raw);
}

QByteArray envelope(const QByteArray &message)
{
    return envelopeOf(split(message).header);
}

QByteArray bodyStructure(const QByteArray &message)
{
    return structureOf(split(message), 0);
}

std::optional<QByteArray> section(const QByteArray &message, const ImapFetchItem &item)
{
    Entity entity = split(message);
    // Section 6.4.5: part numbers walk down multiparts; a single part is its own part 1.
    for (int number : item.part) {
        const ContentType type = contentType(entity.header);
        if (type.type == "multipart") {
            const QByteArrayList parts = multipartParts(entity.body, type.parameter("boundary"));
            if (number > parts.size())
                return std::nullopt;
            entity = split(parts.at(number - 1));
        } else if (number != 1) {
            return std::nullopt;
        }
    }
    const QByteArray &specifier = item.specifier;
    if (item.part.isEmpty()) {
        if (specifier.isEmpty())
            return message;
        if (specifier == "TEXT")
            return entity.body;
        if (specifier == "HEADER")
            return entity.header;
        return headerFields(entity.header, item.fields, specifier == "HEADER.FIELDS.NOT");
    }
    if (specifier.isEmpty())
        return entity.body;
    if (specifier == "MIME")
        return entity.header;
    // HEADER and TEXT of a part are those of the message/rfc822 it holds.
    const Entity inner = split(entity.body);
    if (specifier == "TEXT")
        return inner.body;
    if (specifier == "HEADER")
        return inner.header;
    return headerFields(inner.header, item.fields, specifier == "HEADER.FIELDS.NOT");
}

QByteArray internalDate(SimTime time)
{
    const QDateTime when = epoch().addMSecs(time);
    const QDate day = when.date();
    const QTime clock = when.time();
    char text[40];
    std::snprintf(text, sizeof text, "%02d-%s-%04d %02d:%02d:%02d +0000", day.day(),
                  kMonths[day.month() - 1], day.year(), clock.hour(), clock.minute(),
                  clock.second());
    return QByteArray(text);
}

qint64 dayOf(SimTime time)
{
    return epoch().addMSecs(time).date().toJulianDay() - QDate(1970, 1, 1).toJulianDay();
}

std::optional<SimTime> parseDateTime(const QByteArray &text)
{
    // RFC 3501 section 9, "date-time": "dd-Mon-yyyy hh:mm:ss +zzzz", day maybe space-padded.
    const QByteArrayList parts = text.simplified().split(' ');
    if (parts.size() != 3)
        return std::nullopt;
    const auto days = parseImapDate(parts.at(0));
    const QTime clock =
        QTime::fromString(QString::fromLatin1(parts.at(1)), QStringLiteral("hh:mm:ss"));
    const QByteArray zone = parts.at(2);
    if (!days || !clock.isValid() || zone.size() != 5 || (zone.at(0) != '+' && zone.at(0) != '-'))
        return std::nullopt;
    bool ok = false;
    const int hhmm = zone.mid(1).toInt(&ok);
    if (!ok)
        return std::nullopt;
    const int offset = (zone.at(0) == '-' ? -1 : 1) * (hhmm / 100 * 3600 + hhmm % 100 * 60);
    const QDateTime when(QDate(1970, 1, 1).addDays(*days), clock, QTimeZone::utc());
    return epoch().msecsTo(when.addSecs(-offset));
}

} // namespace carteiro::core::imapmessage
