#include "core/message/mimecodec.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace carteiro::core::mime {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/';
}

bool isAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString ignored = decoder.decode(bytes);
    return !decoder.hasError();
}

// RFC 2047 section 4.2: "_" is a space, =XX an octet.
QByteArray decodeQ(const QByteArray &text)
{
    QByteArray out;
    for (int i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() && hexValue(text.at(i + 1)) >= 0 &&
                   hexValue(text.at(i + 2)) >= 0) {
            out += char(hexValue(text.at(i + 1)) * 16 + hexValue(text.at(i + 2)));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// RFC 2231 section 7: attribute-char is any token char except "*", "'" and "%".
bool isAttributeChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$&+-.^_`|~").contains(c);
}

QByteArray percentDecode(const QString &text)
{
    const QByteArray bytes = text.toLatin1();
    QByteArray out;
    for (int i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '%' && i + 2 < bytes.size() && hexValue(bytes.at(i + 1)) >= 0 &&
            hexValue(bytes.at(i + 2)) >= 0) {
            out += char(hexValue(bytes.at(i + 1)) * 16 + hexValue(bytes.at(i + 2)));
            i += 2;
        } else {
            out += bytes.at(i);
        }
    }
    return out;
}

struct RawParameter
{
    QString name;
    QString value;
    bool quoted = false;
};

// Splits "first; a=b; c="d;e"" into the first token and the raw name/value pairs.
QList<RawParameter> splitParameters(const QString &value, QString *first, QStringList *defects)
{
    QList<RawParameter> out;
    int pos = 0;
    const int n = int(value.size());
    auto skipSpace = [&]() {
        while (pos < n && value.at(pos).isSpace())
            ++pos;
    };
    // The first token ends at the first ";" (a type/subtype or a disposition has no quotes).
    int semicolon = int(value.indexOf(QLatin1Char(';')));
    if (semicolon < 0)
        semicolon = n;
    if (first)
        *first = value.left(semicolon).trimmed();
    pos = semicolon;
    while (pos < n) {
        while (pos < n && (value.at(pos).isSpace() || value.at(pos) == QLatin1Char(';')))
            ++pos;
        if (pos >= n)
            break;
        const int nameStart = pos;
        while (pos < n && value.at(pos) != QLatin1Char('=') && value.at(pos) != QLatin1Char(';'))
            ++pos;
        RawParameter parameter;
        parameter.name = value.mid(nameStart, pos - nameStart).trimmed().toLower();
        if (pos >= n || value.at(pos) != QLatin1Char('=')) {
            if (defects)
                defects->append(
                    QStringLiteral("Parameter \"%1\" has no value; ignored.").arg(parameter.name));
            continue;
        }
        ++pos; // "="
        skipSpace();
        if (pos < n && value.at(pos) == QLatin1Char('"')) {
            parameter.quoted = true;
            ++pos;
            bool closed = false;
            while (pos < n) {
                const QChar c = value.at(pos++);
                if (c == QLatin1Char('\\') && pos < n) {
                    parameter.value += value.at(pos++);
                } else if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    parameter.value += c;
                }
            }
            if (!closed && defects)
                defects->append(
                    QStringLiteral("Parameter \"%1\" has an unterminated quoted string; "
                                   "read to the end of the field.")
                        .arg(parameter.name));
            // Anything up to the next ";" after the closing quote is a comment or junk.
            while (pos < n && value.at(pos) != QLatin1Char(';'))
                ++pos;
        } else {
            const int valueStart = pos;
            while (pos < n && value.at(pos) != QLatin1Char(';'))
                ++pos;
            parameter.value = value.mid(valueStart, pos - valueStart).trimmed();
        }
        if (parameter.name.isEmpty()) {
            if (defects)
                defects->append(QStringLiteral("A parameter without a name; ignored."));
            continue;
        }
        out.append(parameter);
    }
    return out;
}

// The guess for 8-bit bytes that are not UTF-8: Windows-1252, a superset of Latin-1's printable
// characters (WHATWG Encoding treats "iso-8859-1" as this), when the build has the codec.
QString fromLatin1OrWindows(const QByteArray &bytes)
{
    QStringDecoder windows("windows-1252");
    return windows.isValid() ? windows.decode(bytes) : QString::fromLatin1(bytes);
}

} // namespace

QByteArray decodeBase64(const QByteArray &encoded, bool *clean)
{
    QByteArray data;
    data.reserve(encoded.size());
    int padding = 0;
    bool ok = true;
    for (char c : encoded) {
        if (isBase64Char(c)) {
            if (padding > 0)
                ok = false; // data after the padding
            data += c;
        } else if (c == '=') {
            ++padding;
        } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
            ok = false; // RFC 2045 section 6.8: ignore characters outside the alphabet
        }
    }
    if (data.size() % 4 == 1) {
        data.chop(1); // six bits cannot make an octet
        ok = false;
    }
    const int expected = (4 - int(data.size() % 4)) % 4;
    if (padding != expected)
        ok = false;
    data += QByteArray(expected, '=');
    if (clean)
        *clean = ok;
    return QByteArray::fromBase64(data);
}

QByteArray decodeQuotedPrintable(const QByteArray &encoded, bool *clean)
{
    bool ok = true;
    QByteArray out;
    out.reserve(encoded.size());
    const QList<QByteArray> lines = encoded.split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        QByteArray line = lines.at(n);
        const bool last = n == lines.size() - 1;
        if (line.endsWith('\r'))
            line.chop(1);
        // Rule 3: trailing whitespace was added in transport and is deleted.
        while (!line.isEmpty() && (line.endsWith(' ') || line.endsWith('\t')))
            line.chop(1);
        bool soft = false;
        if (line.endsWith('=')) {
            soft = true; // rule 5: soft line break
            line.chop(1);
        }
        for (int i = 0; i < line.size(); ++i) {
            const char c = line.at(i);
            const auto u = static_cast<unsigned char>(c);
            if (c == '=') {
                const int hi = i + 1 < line.size() ? hexValue(line.at(i + 1)) : -1;
                const int lo = i + 2 < line.size() ? hexValue(line.at(i + 2)) : -1;
                if (hi >= 0 && lo >= 0) {
                    out += char(hi * 16 + lo);
                    i += 2;
                    continue;
                }
                ok = false; // rule 1: keep a malformed "=" as it is
                out += c;
            } else {
                if (u >= 0x7f || (u < 0x20 && c != '\t'))
                    ok = false; // rule 2 leaves these out of encoded text
                out += c;
            }
        }
        if (!soft && !last)
            out += "\r\n";
    }
    if (clean)
        *clean = ok;
    return out;
}

QString toUnicode(const QByteArray &bytes, const QString &charset, bool *known)
{
    QString name = charset.trimmed().toLower();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2);
    if (known)
        *known = true;
    if (name.isEmpty() || name == QLatin1String("us-ascii") || name == QLatin1String("ascii")) {
        // Plain ASCII; 8-bit bytes here are mislabelled, most often UTF-8.
        return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : fromLatin1OrWindows(bytes);
    }
    if (name == QLatin1String("utf-8") || name == QLatin1String("utf8"))
        return QString::fromUtf8(bytes);
    if (name == QLatin1String("iso-8859-1") || name == QLatin1String("latin1"))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(name.toLatin1().constData());
    if (decoder.isValid())
        return decoder.decode(bytes);
    if (known)
        *known = false;
    return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : fromLatin1OrWindows(bytes);
}

QString decodeWords(const QString &value)
{
    // RFC 2047 section 2; the charset may carry an RFC 2231 language ("UTF-8*pt").
    static const QRegularExpression word(
        QStringLiteral("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?="));
    QString out;
    QByteArray pending;
    QString pendingCharset;
    auto flush = [&]() {
        if (!pending.isEmpty())
            out += toUnicode(pending, pendingCharset);
        pending.clear();
    };
    qsizetype last = 0;
    bool previousWasEncoded = false;
    auto it = word.globalMatch(value);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString gap = value.mid(last, match.capturedStart() - last);
        const bool adjacent = previousWasEncoded && gap.trimmed().isEmpty();
        QString charset = match.captured(1).toLower();
        const int star = int(charset.indexOf(QLatin1Char('*')));
        if (star >= 0)
            charset.truncate(star);
        if (!adjacent || charset != pendingCharset) {
            flush();
            if (!adjacent)
                out += gap;
        }
        pendingCharset = charset;
        const QByteArray text = match.captured(3).toLatin1();
        if (match.captured(2).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0) {
            // Base64 words are decoded one by one: each is padded to whole octets (section 5).
            pending += decodeBase64(text);
        } else {
            pending += decodeQ(text);
        }
        last = match.capturedEnd();
        previousWasEncoded = true;
    }
    flush();
    out += value.mid(last);
    return out;
}

QString encodeWords(const QString &text, int maxWord)
{
    if (isAscii(text))
        return text;
    const int maxBase64 = std::max(4, (maxWord - 12) / 4 * 4); // "=?UTF-8?B?" + "?="
    const int maxBytes = maxBase64 / 4 * 3;
    QStringList words;
    QByteArray chunk;
    auto flush = [&]() {
        if (!chunk.isEmpty())
            words << QStringLiteral("=?UTF-8?B?%1?=").arg(QString::fromLatin1(chunk.toBase64()));
        chunk.clear();
    };
    // Whole characters only: a word may not end inside a UTF-8 sequence (section 5).
    for (int i = 0; i < text.size(); ++i) {
        const int length = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QByteArray piece = text.mid(i, length).toUtf8();
        if (chunk.size() + piece.size() > maxBytes)
            flush();
        chunk += piece;
        i += length - 1;
    }
    flush();
    return words.join(QLatin1Char(' '));
}

QMap<QString, QString> parseParameters(const QString &value, QString *first, QStringList *defects)
{
    struct Segment
    {
        int index = 0;
        QString value;
        bool extended = false;
    };
    QMap<QString, QList<Segment>> pieces;
    QStringList order;
    for (const RawParameter &raw : splitParameters(value, first, defects)) {
        QString name = raw.name;
        Segment segment{0, raw.value, false};
        if (name.endsWith(QLatin1Char('*'))) {
            segment.extended = true;
            name.chop(1);
        }
        const int star = int(name.indexOf(QLatin1Char('*')));
        if (star >= 0) { // RFC 2231 section 3: name*0, name*1, ...
            bool ok = false;
            segment.index = name.mid(star + 1).toInt(&ok);
            name.truncate(star);
            if (!ok && defects)
                defects->append(
                    QStringLiteral("Parameter \"%1\" has a bad continuation number.").arg(name));
        }
        if (!pieces.contains(name))
            order << name;
        QList<Segment> &list = pieces[name];
        const bool duplicate = std::any_of(
            list.begin(), list.end(), [&](const Segment &s) { return s.index == segment.index; });
        if (duplicate) {
            if (defects)
                defects->append(
                    QStringLiteral("Parameter \"%1\" appears twice; the first is used.").arg(name));
            continue;
        }
        list.append(segment);
    }
    QMap<QString, QString> out;
    for (const QString &name : order) {
        QList<Segment> list = pieces.value(name);
        std::sort(list.begin(), list.end(),
                  [](const Segment &a, const Segment &b) { return a.index < b.index; });
        QString charset;
        QByteArray bytes;
        QString text;
        bool anyExtended = false;
        for (int i = 0; i < list.size(); ++i) {
            const Segment &segment = list.at(i);
            if (!segment.extended) {
                if (anyExtended) {
                    text += toUnicode(bytes, charset);
                    bytes.clear();
                }
                text += segment.value;
                continue;
            }
            QString encoded = segment.value;
            if (!anyExtended) {
                // RFC 2231 section 4: the first extended segment is charset'language'value.
                const QStringList parts = encoded.split(QLatin1Char('\''));
                if (parts.size() >= 3) {
                    charset = parts.at(0);
                    encoded = parts.mid(2).join(QLatin1Char('\''));
                } else if (defects) {
                    defects->append(
                        QStringLiteral("Parameter \"%1\" lacks the charset'language' prefix.")
                            .arg(name));
                }
                anyExtended = true;
            }
            bytes += percentDecode(encoded);
        }
        if (!bytes.isEmpty()) {
            bool known = true;
            text +=
                toUnicode(bytes, charset.isEmpty() ? QStringLiteral("us-ascii") : charset, &known);
            if (!known && defects)
                defects->append(
                    QStringLiteral("Parameter \"%1\" uses the unknown charset \"%2\"; read as "
                                   "UTF-8 or Latin-1.")
                        .arg(name, charset));
        }
        out.insert(name, text);
    }
    return out;
}

QString parseContentType(const QString &value, QMap<QString, QString> *parameters,
                         QStringList *defects)
{
    QString first;
    const QMap<QString, QString> found = parseParameters(value, &first, defects);
    if (parameters)
        *parameters = found;
    first = first.toLower();
    // Comments such as "text/plain (ASCII)" are allowed by RFC 2045; drop them.
    const int comment = int(first.indexOf(QLatin1Char('(')));
    if (comment >= 0)
        first = first.left(comment).trimmed();
    first.remove(QLatin1Char(' '));
    const int slash = int(first.indexOf(QLatin1Char('/')));
    if (slash <= 0 || slash == first.size() - 1 || first.count(QLatin1Char('/')) != 1) {
        if (defects)
            defects->append(QStringLiteral("Content-Type \"%1\" is not type/subtype; read as "
                                           "text/plain (RFC 2045 section 5.2).")
                                .arg(value.trimmed()));
        if (parameters)
            parameters->clear();
        return QStringLiteral("text/plain");
    }
    return first;
}

QString formatParameter(const QString &name, const QString &value)
{
    if (isAscii(value)) {
        QString quoted = value;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        return QStringLiteral("%1=\"%2\"").arg(name, quoted);
    }
    // RFC 2231 sections 3 and 4: percent-encoded UTF-8, split into continuations so that the
    // field can fold between them.
    constexpr int kSegment = 48;
    QStringList segments;
    QString current = QStringLiteral("UTF-8''");
    const QByteArray utf8 = value.toUtf8();
    static const char hex[] = "0123456789ABCDEF";
    int i = 0;
    while (i < utf8.size()) {
        // Keep each character's octets in one segment.
        int length = 1;
        const auto lead = static_cast<unsigned char>(utf8.at(i));
        if (lead >= 0xf0)
            length = 4;
        else if (lead >= 0xe0)
            length = 3;
        else if (lead >= 0xc0)
            length = 2;
        QString piece;
        for (int k = i; k < std::min<int>(i + length, int(utf8.size())); ++k) {
            const char c = utf8.at(k);
            if (isAttributeChar(c))
                piece += QLatin1Char(c);
            else
                piece += QLatin1Char('%') + QString(QLatin1Char(hex[(uchar(c) >> 4) & 15])) +
                         QLatin1Char(hex[uchar(c) & 15]);
        }
        if (current.size() + piece.size() > kSegment && !current.endsWith(QLatin1Char('\''))) {
            segments << current;
            current.clear();
        }
        current += piece;
        i += length;
    }
    segments << current;
    if (segments.size() == 1)
        return QStringLiteral("%1*=%2").arg(name, segments.first());
    QStringList out;
    for (int n = 0; n < segments.size(); ++n)
        out << QStringLiteral("%1*%2*=%3").arg(name).arg(n).arg(segments.at(n));
    return out.join(QLatin1String("; "));
}

namespace {

// A display name: quoted strings unquoted, encoded words decoded, comments dropped.
QString displayName(const QString &text)
{
    QString out;
    QString run;
    auto flushRun = [&]() {
        out += decodeWords(run);
        run.clear();
    };
    int depth = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (depth > 0) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')'))
                --depth;
            continue;
        }
        if (c == QLatin1Char('(')) {
            depth = 1;
        } else if (c == QLatin1Char('"')) {
            flushRun();
            for (++i; i < text.size() && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size())
                    ++i;
                out += text.at(i);
            }
        } else {
            run += c;
        }
    }
    flushRun();
    return out.simplified();
}

// The first comment's text, used as the name of "bob@y.edu (Bob)".
QString firstComment(const QString &text, QString *withoutComments)
{
    QString comment, rest;
    int depth = 0;
    bool inQuote = false;
    bool found = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!inQuote && c == QLatin1Char('(')) {
            if (depth++ > 0 && !found)
                comment += c;
            continue;
        }
        if (!inQuote && depth > 0 && c == QLatin1Char(')')) {
            if (--depth == 0)
                found = true;
            else if (!found)
                comment += c;
            continue;
        }
        if (depth > 0) {
            if (!found)
                comment += c;
            continue;
        }
        if (c == QLatin1Char('"'))
            inQuote = !inQuote;
        rest += c;
    }
    *withoutComments = rest;
    return comment;
}

Mailbox parseMailbox(const QString &text)
{
    Mailbox box;
    // The angle bracket that opens the address, outside quotes and comments.
    int open = -1;
    bool inQuote = false;
    int depth = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
        } else if (depth == 0 && c == QLatin1Char('"')) {
            inQuote = !inQuote;
        } else if (!inQuote && c == QLatin1Char('(')) {
            ++depth;
        } else if (!inQuote && depth > 0 && c == QLatin1Char(')')) {
            --depth;
        } else if (!inQuote && depth == 0 && c == QLatin1Char('<')) {
            open = i;
            break;
        }
    }
    if (open >= 0) {
        int close = int(text.indexOf(QLatin1Char('>'), open));
        if (close < 0)
            close = int(text.size());
        QString address = text.mid(open + 1, close - open - 1).trimmed();
        // An obsolete source route "<@a,@b:user@c>" (RFC 5322 section 4.4) is dropped.
        if (address.startsWith(QLatin1Char('@')) && address.contains(QLatin1Char(':')))
            address = address.mid(address.indexOf(QLatin1Char(':')) + 1);
        box.address = address;
        box.name = displayName(text.left(open));
        return box;
    }
    QString bare;
    const QString comment = firstComment(text, &bare);
    box.address = bare.simplified().remove(QLatin1Char(' '));
    box.name = decodeWords(comment).simplified();
    return box;
}

} // namespace

QList<Mailbox> parseAddressList(const QString &value)
{
    QList<Mailbox> out;
    QString current;
    bool inQuote = false;
    int depth = 0;
    bool inAngle = false;
    auto finish = [&]() {
        if (!current.trimmed().isEmpty()) {
            const Mailbox box = parseMailbox(current);
            if (!box.address.isEmpty() || !box.name.isEmpty())
                out.append(box);
        }
        current.clear();
    };
    for (int i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('\\') && i + 1 < value.size()) {
            current += c;
            current += value.at(++i);
            continue;
        }
        if (depth == 0 && c == QLatin1Char('"'))
            inQuote = !inQuote;
        else if (!inQuote && c == QLatin1Char('('))
            ++depth;
        else if (!inQuote && depth > 0 && c == QLatin1Char(')'))
            --depth;
        else if (!inQuote && depth == 0 && c == QLatin1Char('<'))
            inAngle = true;
        else if (!inQuote && depth == 0 && c == QLatin1Char('>'))
            inAngle = false;
        const bool top = !inQuote && depth == 0 && !inAngle;
        if (top && c == QLatin1Char(':')) {
            current.clear(); // a group's display name (section 3.4)
            continue;
        }
        if (top && (c == QLatin1Char(',') || c == QLatin1Char(';'))) {
            finish();
            continue;
        }
        current += c;
    }
    finish();
    return out;
}

} // namespace carteiro::core::mime
