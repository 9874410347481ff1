#pragma once

#include "core/smtp/smtplineframer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace carteiro::core {

// An SMTP reply as a plain value (RFC 5321 section 4.2): a code, an optional enhanced status
// code (RFC 3463, "2.1.0"), and one or more text lines.
struct SmtpReply
{
    int code = 0;
    QString enhanced;
    QStringList lines;

    SmtpReply() = default;
    SmtpReply(int replyCode, QString text, QString enhancedCode = {})
        : code(replyCode), enhanced(std::move(enhancedCode)), lines{std::move(text)}
    {}

    bool isValid() const { return code >= 200 && code <= 599; }
    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500 && code < 600; }

    // The wire form: "250-first", ..., "250 last", each ending in CRLF. The enhanced code, if
    // any, starts the text of every line.
    QByteArray toWire() const;
    // "550 5.1.1 text" on one line, for diagnostics and bounces.
    QString toString() const;
};

// Collects reply lines from the wire until a reply is complete (a line "NNN text" rather than
// "NNN-text"). Bytes may arrive split anywhere. An enhanced status code opening the first line
// (RFC 3463, class digit matching the reply code) is taken out into `enhanced`, and out of
// the following lines that repeat it.
class SmtpReplyParser
{
public:
    void feed(const QByteArray &bytes);
    // The next complete reply, if one is ready. A malformed line yields a reply with code 0.
    std::optional<SmtpReply> next();

private:
    void takeLine(const SmtpLineFramer::Line &line);

    SmtpLineFramer m_framer;
    SmtpReply m_partial;
    std::vector<SmtpReply> m_ready;
};

} // namespace carteiro::core
