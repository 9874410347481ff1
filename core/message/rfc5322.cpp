#include "core/message/rfc5322.h"

#include "core/message/mimecodec.h"
#include "core/message/utf8.h"

#include <QDate>

namespace carteiro::core::rfc5322 {

QList<HeaderField> parseHeaders(const QByteArray &raw)
{
    QList<HeaderField> fields;
    int pos = 0;
    while (pos < raw.size()) {
        int end = raw.indexOf('\n', pos);
        if (end < 0)
            end = int(raw.size());
        QByteArray line = raw.mid(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        if (line.isEmpty())
            break;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !fields.isEmpty()) {
            // Unfolding (section 2.2.3): the line break goes, the whitespace stays.
            fields.last().second += QString::fromUtf8(line);
            continue;
        }
        const int colon = line.indexOf(':');
        if (colon <= 0)
            break;
        fields.append({QString::fromUtf8(line.left(colon)).trimmed(),
                       QString::fromUtf8(line.mid(colon + 1)).trimmed()});
    }
    return fields;
}

QString headerValue(const QByteArray &raw, const QString &name)
{
    for (const HeaderField &field : parseHeaders(raw))
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    return {};
}

QByteArray body(const QByteArray &raw)
{
    int split = raw.indexOf("\r\n\r\n");
    if (split >= 0)
        return raw.mid(split + 4);
    split = raw.indexOf("\n\n");
    return split >= 0 ? raw.mid(split + 2) : QByteArray();
}

namespace {

constexpr int kFoldAt = 78; // RFC 5322 section 2.1.1: SHOULD be no more than 78

qsizetype fieldSizeHint(const QString &name, const QByteArray &words)
{
    return name.size() + words.size() + words.size() / kFoldAt * 3 + 8;
}

// Appends "Name: value" and CRLF, folded at spaces, to out.
void appendField(QByteArray &out, const QString &name, const QByteArray &words)
{
    const qsizetype start = out.size();
    appendUtf8(out, name);
    out += ": ";
    if (out.size() - start + words.size() <= kFoldAt) {
        out += words;
        out += "\r\n";
        return;
    }
    // Fold at the last space that keeps the line short (a word longer than a line stays whole).
    // Each line's words are copied in one piece, from `written` up to the space that folds.
    qsizetype lineLength = out.size() - start;
    qsizetype written = 0;
    qsizetype lastEnd = 0;
    qsizetype pos = 0;
    while (pos < words.size()) {
        qsizetype end = words.indexOf(' ', pos);
        if (end < 0)
            end = words.size();
        const qsizetype wordLength = end - pos;
        if (pos > 0) {
            if (lineLength + 1 + wordLength > kFoldAt) {
                out.append(words.constData() + written, pos - 1 - written);
                out += "\r\n ";
                written = pos;
                lineLength = 1;
            } else {
                ++lineLength;
            }
        }
        lineLength += wordLength;
        lastEnd = end;
        pos = end + 1;
    }
    out.append(words.constData() + written, lastEnd - written);
    out += "\r\n";
}

} // namespace

QByteArray formatField(const QString &name, const QString &value)
{
    const QByteArray words = value.toUtf8();
    QByteArray out;
    out.reserve(fieldSizeHint(name, words));
    appendField(out, name, words);
    return out;
}

QByteArray prependField(const QByteArray &raw, const QString &name, const QString &value)
{
    const QByteArray words = value.toUtf8();
    QByteArray out;
    out.reserve(fieldSizeHint(name, words) + raw.size());
    appendField(out, name, words);
    out += raw;
    return out;
}

QByteArray toCrlf(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() + text.size() / 20 + 2);
    for (int i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text.at(i + 1) == '\n')
                ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

// Virtual time 0: 2026-03-02, a Monday, at 09:00:00 UTC.
QDate epochDay()
{
    return QDate(2026, 3, 2);
}
constexpr SimTime kEpochClock = 9 * kHour;

} // namespace

QDateTime wallClock(SimTime time)
{
    return QDateTime(epochDay(), QTime::fromMSecsSinceStartOfDay(int(kEpochClock)), Qt::UTC)
        .addMSecs(time);
}

QString formatDate(SimTime time)
{
    // Day and month names are English by definition (RFC 5322 section 3.3), not localised.
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // Plain arithmetic rather than wallClock(): this runs for every Date and Received field.
    static const QDate firstDay = epochDay();
    const SimTime sinceMidnight = kEpochClock + time;
    const QDate day = firstDay.addDays(sinceMidnight / kDay);
    const SimTime clock = sinceMidnight % kDay;
    // "Mon, 2 Mar 2026 09:00:00 +0000", written by hand: the date goes into every message
    // and every Received field, and printf is slow for it. Every number is non-negative.
    char text[48];
    char *out = text;
    const auto put = [&out](const char *part) {
        while (*part)
            *out++ = *part++;
    };
    const auto number = [&out](qint64 value, int minDigits) {
        char digits[20];
        int count = 0;
        do {
            digits[count++] = char('0' + value % 10);
            value /= 10;
        } while (value > 0 || count < minDigits);
        while (count > 0)
            *out++ = digits[--count];
    };
    put(days[day.dayOfWeek() - 1]);
    put(", ");
    number(day.day(), 1);
    put(" ");
    put(months[day.month() - 1]);
    put(" ");
    number(day.year(), 1);
    put(" ");
    number(clock / kHour, 2);
    put(":");
    number(clock % kHour / kMinute, 2);
    put(":");
    number(clock % kMinute / kSecond, 2);
    put(" +0000");
    return QString::fromLatin1(text, out - text);
}

QString encodeWord(const QString &text)
{
    // RFC 2047 section 2: an encoded word is at most 75 characters.
    return mime::encodeWords(text, 75);
}

QString addressOf(const QString &mailbox)
{
    const int open = mailbox.lastIndexOf(QLatin1Char('<'));
    const int close = mailbox.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        return mailbox.mid(open + 1, close - open - 1).trimmed();
    return mailbox.trimmed();
}

QString domainOf(const QString &address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

QString localPartOf(const QString &address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? address : address.left(at);
}

} // namespace carteiro::core::rfc5322
