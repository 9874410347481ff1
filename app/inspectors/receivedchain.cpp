#include "app/inspectors/receivedchain.h"

#include "core/message/rfc5322.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace carteiro::app {

namespace {

struct Token
{
    QString text;
    bool comment = false;
};

// Words and (comments); comments nest (RFC 5322 section 3.2.2).
QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    QString word;
    auto flush = [&]() {
        if (!word.isEmpty())
            tokens.append({word, false});
        word.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('(')) {
            flush();
            int depth = 1;
            QString comment;
            while (++i < text.size()) {
                const QChar d = text.at(i);
                if (d == QLatin1Char('('))
                    ++depth;
                else if (d == QLatin1Char(')') && --depth == 0)
                    break;
                comment += d;
            }
            tokens.append({comment.trimmed(), true});
        } else if (c.isSpace()) {
            flush();
        } else {
            word += c;
        }
    }
    flush();
    return tokens;
}

} // namespace

ReceivedHop parseReceived(const QString &value)
{
    ReceivedHop hop;
    // The date follows the last semicolon (RFC 5322 section 3.6.7).
    const qsizetype semicolon = value.lastIndexOf(QLatin1Char(';'));
    const QString clauses = semicolon < 0 ? value : value.left(semicolon);
    if (semicolon >= 0)
        hop.date = value.mid(semicolon + 1).trimmed();

    QString *current = nullptr;
    QString *comment = nullptr;
    for (const Token &token : tokenize(clauses)) {
        if (token.comment) {
            if (comment && comment->isEmpty())
                *comment = token.text;
            continue;
        }
        const QString keyword = token.text.toLower();
        QString *next = nullptr;
        if (keyword == QLatin1String("from")) {
            next = &hop.from;
            comment = &hop.fromComment;
        } else if (keyword == QLatin1String("by")) {
            next = &hop.by;
            comment = &hop.byComment;
        } else if (keyword == QLatin1String("via")) {
            next = &hop.via;
        } else if (keyword == QLatin1String("with")) {
            next = &hop.with;
        } else if (keyword == QLatin1String("id")) {
            next = &hop.id;
        } else if (keyword == QLatin1String("for")) {
            next = &hop.forAddress;
        }
        if (next) {
            if (next != &hop.from && next != &hop.by)
                comment = nullptr; // only the from and by clauses keep a comment
            current = next;
            continue;
        }
        if (current && current->isEmpty())
            *current = token.text;
        current = nullptr;
    }
    if (hop.forAddress.startsWith(QLatin1Char('<')) && hop.forAddress.endsWith(QLatin1Char('>')))
        hop.forAddress = hop.forAddress.mid(1, hop.forAddress.size() - 2);
    return hop;
}

QList<ReceivedHop> receivedChain(const QByteArray &raw)
{
    QList<ReceivedHop> hops;
    for (const core::HeaderField &field : core::rfc5322::parseHeaders(raw))
        if (field.first.compare(QLatin1String("Received"), Qt::CaseInsensitive) == 0)
            hops.append(parseReceived(field.second));
    std::reverse(hops.begin(), hops.end());
    return hops;
}

QString decodeWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?([^?]+)\?([BbQq])\?([^?]*)\?=)"));
    QString out;
    qsizetype last = 0;
    qsizetype gapStart = -1; // whitespace between two encoded words is dropped (section 6.2)
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString between = text.mid(last, match.capturedStart() - last);
        if (!(gapStart >= 0 && between.trimmed().isEmpty()))
            out += between;
        const QByteArray payload = match.captured(3).toLatin1();
        QByteArray bytes;
        if (match.captured(2).compare(QLatin1String("B"), Qt::CaseInsensitive) == 0) {
            bytes = QByteArray::fromBase64(payload);
        } else {
            QByteArray q = payload;
            q.replace('_', ' ');
            bytes = QByteArray::fromPercentEncoding(q, '=');
        }
        const QString charset = match.captured(1).toLower();
        out += charset == QLatin1String("utf-8") ? QString::fromUtf8(bytes)
                                                 : QString::fromLatin1(bytes);
        last = match.capturedEnd();
        gapStart = last;
    }
    out += text.mid(last);
    return out;
}

} // namespace carteiro::app
