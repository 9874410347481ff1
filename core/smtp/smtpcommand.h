#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>
#include <variant>

namespace carteiro::core {

// The commands of RFC 5321 section 4.1.1, plus AUTH (RFC 4954).
enum class SmtpVerb {
    Helo,
    Ehlo,
    Mail,
    Rcpt,
    Data,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    Turn,
    Auth
};

struct SmtpCommand
{
    SmtpVerb verb = SmtpVerb::Noop;
    QString name;     // the verb in upper case, "MAIL"
    QString argument; // everything after the verb, trimmed: "FROM: <alice@crepes.fr> SIZE=12"
    // MAIL and RCPT: the address inside <>, without a source route (RFC 5321 section 4.1.2);
    // empty for the null reverse-path <>.
    QString path;
    // MAIL and RCPT: the ESMTP parameters after the path (RFC 5321 section 4.1.2), keys in upper
    // case ("SIZE" -> "1234"); a keyword without a value maps to an empty string.
    QMap<QString, QString> params;
};

// Why a line is not a command: 500 for an unknown verb, 501 for bad arguments (RFC 5321
// section 4.2.2).
struct SmtpCommandError
{
    enum class Kind { UnknownCommand, Syntax };
    Kind kind = Kind::Syntax;
    QString verb;     // the first word of the line, in upper case
    QString enhanced; // RFC 3463 detail: 5.5.2 unknown, 5.5.4 syntax, 5.1.7/5.1.3 addresses
    QString text;     // "Syntax: MAIL FROM:<address>", "Bad recipient address syntax"

    int code() const { return kind == Kind::UnknownCommand ? 500 : 501; }
};

// Parses one command line (without its CRLF). Verbs are case-insensitive (RFC 5321 section
// 2.4). MAIL and RCPT take the path in angle brackets; the textbook form with a space after
// the colon ("MAIL FROM: <alice@crepes.fr>") is accepted, as most servers do.
class SmtpCommandParser
{
public:
    struct Limits
    {
        int localPart = 64; // RFC 5321 section 4.5.3.1.1
        int domain = 255;   // RFC 5321 section 4.5.3.1.2
        int path = 256;     // RFC 5321 section 4.5.3.1.3, angle brackets included
    };
    using Result = std::variant<SmtpCommand, SmtpCommandError>;

    SmtpCommandParser() = default;
    explicit SmtpCommandParser(Limits limits) : m_limits(limits) {}

    Result parse(QByteArrayView line) const;

    // The verb named by `name` (any case), if it is one of ours.
    static std::optional<SmtpVerb> verbFromName(const QString &name);
    // The usage line for a verb, as quoted in 501 replies and HELP ("MAIL FROM:<address>").
    static QString usage(SmtpVerb verb);

private:
    Limits m_limits;
};

} // namespace carteiro::core
