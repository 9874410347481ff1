#include "core/smtp/smtpcommand.h"

#include <QStringList>

namespace carteiro::core {

namespace {

struct VerbName
{
    const char *name;
    SmtpVerb verb;
};

constexpr VerbName kVerbs[] = {
    {"HELO", SmtpVerb::Helo}, {"EHLO", SmtpVerb::Ehlo}, {"MAIL", SmtpVerb::Mail},
    {"RCPT", SmtpVerb::Rcpt}, {"DATA", SmtpVerb::Data}, {"RSET", SmtpVerb::Rset},
    {"NOOP", SmtpVerb::Noop}, {"QUIT", SmtpVerb::Quit}, {"VRFY", SmtpVerb::Vrfy},
    {"EXPN", SmtpVerb::Expn}, {"HELP", SmtpVerb::Help}, {"TURN", SmtpVerb::Turn},
    {"AUTH", SmtpVerb::Auth},
};

SmtpCommandError syntaxError(const QString &verb, const QString &text,
                             const QString &enhanced = QStringLiteral("5.5.4"))
{
    SmtpCommandError error;
    error.kind = SmtpCommandError::Kind::Syntax;
    error.verb = verb;
    error.enhanced = enhanced;
    error.text = text;
    return error;
}

// RFC 5322 section 3.2.3 atext, which RFC 5321 section 4.1.2 uses for a Dot-string. Octets
// above 127 are let through: a student may type an accented name, and rejecting it would teach
// nothing about the envelope.
bool isAtext(QChar c)
{
    if (c.unicode() > 127)
        return true;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isDotString(QStringView text)
{
    if (text.isEmpty() || text.startsWith(u'.') || text.endsWith(u'.') || text.contains(u".."))
        return false;
    for (QChar c : text) {
        if (c != u'.' && !isAtext(c))
            return false;
    }
    return true;
}

// RFC 5321 section 4.1.2: Quoted-string = DQUOTE *QcontentSMTP DQUOTE.
bool isQuotedString(QStringView text)
{
    if (text.size() < 2 || !text.startsWith(u'"') || !text.endsWith(u'"'))
        return false;
    for (qsizetype i = 1; i + 1 < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\\') {
            ++i;
            if (i + 1 >= text.size())
                return false;
        } else if (c == u'"' || c < 32 || c == 127) {
            return false;
        }
    }
    return true;
}

// RFC 5321 section 4.1.2: Domain = sub-domain *("." sub-domain), or an address literal.
bool isDomain(QStringView text)
{
    if (text.startsWith(u'[') && text.endsWith(u']'))
        return text.size() > 2;
    if (text.isEmpty())
        return false;
    for (qsizetype start = 0;;) {
        const qsizetype dot = text.indexOf(u'.', start);
        const QStringView label = dot < 0 ? text.sliced(start) : text.sliced(start, dot - start);
        if (label.isEmpty() || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (c.unicode() > 127 || !(c.isLetterOrNumber() || c == u'-'))
                return false;
        }
        if (dot < 0)
            return true;
        start = dot + 1;
    }
}

} // namespace

std::optional<SmtpVerb> SmtpCommandParser::verbFromName(const QString &name)
{
    // A verb as written (upper case) is found without folding case.
    for (const VerbName &entry : kVerbs) {
        if (name == QLatin1StringView(entry.name))
            return entry.verb;
    }
    for (const VerbName &entry : kVerbs) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.verb;
    }
    return std::nullopt;
}

QString SmtpCommandParser::usage(SmtpVerb verb)
{
    switch (verb) {
    case SmtpVerb::Helo:
        return QStringLiteral("HELO hostname");
    case SmtpVerb::Ehlo:
        return QStringLiteral("EHLO hostname");
    case SmtpVerb::Mail:
        return QStringLiteral("MAIL FROM:<address>");
    case SmtpVerb::Rcpt:
        return QStringLiteral("RCPT TO:<address>");
    case SmtpVerb::Data:
        return QStringLiteral("DATA");
    case SmtpVerb::Rset:
        return QStringLiteral("RSET");
    case SmtpVerb::Noop:
        return QStringLiteral("NOOP [text]");
    case SmtpVerb::Quit:
        return QStringLiteral("QUIT");
    case SmtpVerb::Vrfy:
        return QStringLiteral("VRFY address");
    case SmtpVerb::Expn:
        return QStringLiteral("EXPN mailing-list");
    case SmtpVerb::Help:
        return QStringLiteral("HELP [command]");
    case SmtpVerb::Turn:
        return QStringLiteral("TURN");
    case SmtpVerb::Auth:
        return QStringLiteral("AUTH mechanism [initial-response]");
    }
    return {};
}

SmtpCommandParser::Result SmtpCommandParser::parse(QByteArrayView line) const
{
    // RFC 5321 section 4.1.1: a verb, then SP and the arguments. Trailing white space is
    // dropped, as a terminal may leave some. The two parts are decoded apart: a space byte is
    // never inside a UTF-8 sequence, so this is the same as splitting the decoded line.
    const qsizetype space = line.indexOf(' ');
    const QString name = QString::fromUtf8(space < 0 ? line : line.first(space)).toUpper();
    const QString argument =
        space < 0 ? QString() : QString::fromUtf8(line.sliced(space + 1)).trimmed();

    const std::optional<SmtpVerb> verb = verbFromName(name);
    if (!verb) {
        SmtpCommandError error;
        error.kind = SmtpCommandError::Kind::UnknownCommand;
        error.verb = name;
        error.enhanced = QStringLiteral("5.5.2");
        error.text = QStringLiteral("Error: command not recognized");
        return error;
    }

    SmtpCommand command;
    command.verb = *verb;
    command.name = name;
    command.argument = argument;
    const auto usageError = [&] {
        return syntaxError(name, QStringLiteral("Syntax: ") + usage(command.verb));
    };

    switch (command.verb) {
    case SmtpVerb::Helo:
    case SmtpVerb::Ehlo:
    case SmtpVerb::Vrfy:
    case SmtpVerb::Expn:
    case SmtpVerb::Auth:
        if (argument.isEmpty())
            return usageError();
        return command;
    case SmtpVerb::Data:
    case SmtpVerb::Rset:
    case SmtpVerb::Turn:
        // RFC 5321 sections 4.1.1.4 and 4.1.1.5: these take no argument.
        if (!argument.isEmpty())
            return usageError();
        return command;
    case SmtpVerb::Noop:
    case SmtpVerb::Help:
    case SmtpVerb::Quit:
        // NOOP and HELP take an optional string (RFC 5321 sections 4.1.1.8, 4.1.1.9). QUIT takes
        // none, but a session must always be able to end: extra words are ignored.
        return command;
    case SmtpVerb::Mail:
    case SmtpVerb::Rcpt:
        break;
    }

    // RFC 5321 section 4.1.1.2: "MAIL FROM:" Reverse-path [SP Mail-parameters]
    // RFC 5321 section 4.1.1.3: "RCPT TO:" Forward-path [SP Rcpt-parameters]
    const bool isMail = command.verb == SmtpVerb::Mail;
    const QLatin1String keyword = isMail ? QLatin1String("FROM:") : QLatin1String("TO:");
    const SmtpCommandError badAddress =
        isMail ? syntaxError(name, QStringLiteral("Bad sender address syntax"),
                             QStringLiteral("5.1.7"))
               : syntaxError(name, QStringLiteral("Bad recipient address syntax"),
                             QStringLiteral("5.1.3"));
    if (!argument.startsWith(keyword, Qt::CaseInsensitive))
        return usageError();
    // The pieces are read as views into the argument; only the path becomes a string.
    const QStringView rest = QStringView(argument).sliced(keyword.size()).trimmed();
    if (!rest.startsWith(u'<'))
        return usageError();

    // The closing bracket, skipping any inside a quoted local part.
    qsizetype close = 1;
    bool quoted = false;
    for (; close < rest.size(); ++close) {
        const QChar c = rest.at(close);
        if (quoted && c == u'\\')
            ++close;
        else if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'>')
            break;
    }
    if (close >= rest.size())
        return usageError();
    if (close + 1 > m_limits.path) {
        // RFC 5321 section 4.5.3.1.10 names this reply: "501 Path too long".
        SmtpCommandError error = badAddress;
        error.text = QStringLiteral("Path too long");
        return error;
    }
    QStringView address = rest.sliced(1, close - 1);
    const QStringView tail = rest.sliced(close + 1);
    if (!tail.isEmpty() && !tail.startsWith(u' '))
        return usageError();

    // RFC 5321 section 4.1.2 and appendix C: a source route "@relay1,@relay2:" is accepted and
    // ignored.
    if (address.startsWith(u'@')) {
        const qsizetype colon = address.indexOf(u':');
        if (colon < 0)
            return badAddress;
        address = address.sliced(colon + 1);
    }
    if (address.isEmpty()) {
        // The null reverse-path of bounces (RFC 5321 section 4.5.5); never a recipient.
        if (!isMail)
            return badAddress;
    } else {
        QStringView localPart = address;
        QStringView domain;
        qsizetype at = -1;
        if (address.startsWith(u'"')) {
            qsizetype end = 1;
            for (; end < address.size() && address.at(end) != u'"'; ++end) {
                if (address.at(end) == u'\\')
                    ++end;
            }
            if (end + 1 < address.size() && address.at(end + 1) == u'@')
                at = end + 1;
            else if (end + 1 < address.size())
                return badAddress;
        } else {
            at = address.lastIndexOf(u'@');
        }
        if (at >= 0) {
            localPart = address.first(at);
            domain = address.sliced(at + 1);
            if (!isDomain(domain))
                return badAddress;
        }
        // A mailbox without a domain is let through: "RCPT TO:<Postmaster>" must be accepted
        // (RFC 5321 section 4.1.1.3), and the session decides about other bare local parts.
        if (!isDotString(localPart) && !isQuotedString(localPart))
            return badAddress;
        if (localPart.size() > m_limits.localPart || domain.size() > m_limits.domain) {
            SmtpCommandError error = badAddress;
            error.text = QStringLiteral("Path too long");
            return error;
        }
    }
    command.path = address.toString();

    // RFC 5321 section 4.1.2: esmtp-param = esmtp-keyword ["=" esmtp-value].
    const QList<QStringView> params = tail.split(u' ', Qt::SkipEmptyParts);
    for (QStringView param : params) {
        const qsizetype equals = param.indexOf(u'=');
        const QString key = (equals < 0 ? param : param.first(equals)).toString().toUpper();
        const QString value = equals < 0 ? QString() : param.sliced(equals + 1).toString();
        bool valid = !key.isEmpty() && key.at(0).unicode() < 128 && key.at(0).isLetterOrNumber();
        for (QChar c : key)
            valid = valid && c.unicode() < 128 && (c.isLetterOrNumber() || c == u'-');
        if (equals >= 0)
            valid = valid && !value.isEmpty();
        for (QChar c : value)
            valid = valid && c.unicode() >= 33 && c.unicode() <= 126 && c != u'=';
        if (!valid)
            return syntaxError(name, QStringLiteral("Bad parameter syntax: ") + param.toString());
        command.params.insert(key, value);
    }
    return command;
}

} // namespace carteiro::core
