#include "core/pop3/pop3command.h"

#include <limits>

namespace carteiro::core {

void Pop3LineFramer::feed(const QByteArray &bytes)
{
    // The terminator is LF; a CR just before it belongs to the terminator (RFC 1939 section 3).
    // A line is at most m_maxLine octets with its CRLF, so its text at most m_maxLine - 2.
    const int maxText = m_maxLine - 2;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype lf = bytes.indexOf('\n', start);
        const qsizetype end = lf < 0 ? bytes.size() : lf;
        if (!m_discarding)
            m_buffer.append(bytes.constData() + start, end - start);
        // A trailing CR may be the first half of a CRLF, so it does not count yet. The test
        // only grows with the line, so any split of the bytes gives the same lines.
        const qsizetype length = m_buffer.size() - (m_buffer.endsWith('\r') ? 1 : 0);
        if (!m_discarding && m_maxLine > 0 && length > maxText) {
            m_discarding = true;
            m_buffer.clear();
        }
        if (lf < 0)
            break;
        if (m_discarding) {
            m_ready.append(Pop3Line{{}, true});
            m_discarding = false;
        } else {
            if (m_buffer.endsWith('\r'))
                m_buffer.chop(1);
            m_ready.append(Pop3Line{m_buffer, false});
        }
        m_buffer.clear();
        start = lf + 1;
    }
}

std::optional<Pop3Line> Pop3LineFramer::next()
{
    if (m_ready.isEmpty())
        return std::nullopt;
    return m_ready.takeFirst();
}

namespace {

// What each command takes (RFC 1939 sections 5 to 7, RFC 2449 section 5). `numeric` says the
// arguments are numbers; `restOfLine` keeps spaces inside the one argument (PASS, section 7).
struct Pop3Syntax
{
    Pop3Verb verb;
    const char *keyword;
    int minArguments;
    int maxArguments;
    bool numeric;
    bool restOfLine;
};

constexpr Pop3Syntax kSyntax[] = {
    {Pop3Verb::User, "USER", 1, 1, false, false}, {Pop3Verb::Pass, "PASS", 1, 1, false, true},
    {Pop3Verb::Quit, "QUIT", 0, 0, false, false}, {Pop3Verb::Stat, "STAT", 0, 0, false, false},
    {Pop3Verb::List, "LIST", 0, 1, true, false},  {Pop3Verb::Retr, "RETR", 1, 1, true, false},
    {Pop3Verb::Dele, "DELE", 1, 1, true, false},  {Pop3Verb::Noop, "NOOP", 0, 0, false, false},
    {Pop3Verb::Rset, "RSET", 0, 0, false, false}, {Pop3Verb::Top, "TOP", 2, 2, true, false},
    {Pop3Verb::Uidl, "UIDL", 0, 1, true, false},  {Pop3Verb::Capa, "CAPA", 0, 0, false, false},
};

const Pop3Syntax *findSyntax(const QByteArray &keyword)
{
    for (const Pop3Syntax &syntax : kSyntax) {
        if (keyword == syntax.keyword)
            return &syntax;
    }
    return nullptr;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::optional<quint32> parseNumber(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 10)
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + quint64(c - '0');
    }
    if (value > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return quint32(value);
}

Pop3ParseResult failure(Pop3CommandError error, QByteArray keyword = {})
{
    Pop3ParseResult result;
    result.error = error;
    result.keyword = std::move(keyword);
    return result;
}

} // namespace

Pop3ParseResult parsePop3Command(const QByteArray &line)
{
    qsizetype position = 0;
    while (position < line.size() && isBlank(line.at(position)))
        ++position;
    if (position == line.size())
        return failure(Pop3CommandError::EmptyLine);

    qsizetype keywordEnd = position;
    while (keywordEnd < line.size() && !isBlank(line.at(keywordEnd)))
        ++keywordEnd;
    const QByteArray keyword = line.mid(position, keywordEnd - position).toUpper();
    const Pop3Syntax *syntax = nullptr;
    if (keyword.size() >= Pop3Limits::kMinKeyword && keyword.size() <= Pop3Limits::kMaxKeyword)
        syntax = findSyntax(keyword);
    if (!syntax)
        return failure(Pop3CommandError::UnknownCommand, keyword);

    // RFC 1939 section 3 separates arguments by a single space; runs of blanks and trailing
    // blanks are forgiven, as most servers do.
    QByteArrayList arguments;
    if (syntax->restOfLine) {
        qsizetype argumentStart = keywordEnd;
        if (argumentStart < line.size())
            ++argumentStart; // the one separating space
        const QByteArray rest = line.mid(argumentStart);
        if (!rest.isEmpty())
            arguments.append(rest);
    } else {
        for (const QByteArray &piece : line.mid(keywordEnd).simplified().split(' ')) {
            if (!piece.isEmpty())
                arguments.append(piece);
        }
    }

    if (arguments.size() < syntax->minArguments)
        return failure(Pop3CommandError::MissingArgument, keyword);
    if (arguments.size() > syntax->maxArguments)
        return failure(Pop3CommandError::TooManyArguments, keyword);
    for (const QByteArray &argument : arguments) {
        if (argument.size() > Pop3Limits::kMaxArgument)
            return failure(Pop3CommandError::ArgumentTooLong, keyword);
    }

    Pop3Command command;
    command.verb = syntax->verb;
    command.keyword = keyword;
    if (syntax->numeric) {
        for (const QByteArray &argument : arguments) {
            const auto number = parseNumber(argument);
            if (!number)
                return failure(Pop3CommandError::InvalidNumber, keyword);
            command.numbers.append(*number);
        }
    }
    command.arguments = std::move(arguments);

    Pop3ParseResult result;
    result.keyword = keyword;
    result.command = std::move(command);
    return result;
}

Pop3ParseResult parsePop3Line(const Pop3Line &line)
{
    if (line.tooLong)
        return failure(Pop3CommandError::LineTooLong);
    return parsePop3Command(line.text);
}

QByteArray pop3CommandErrorText(Pop3CommandError error)
{
    switch (error) {
    case Pop3CommandError::None:
        return {};
    case Pop3CommandError::EmptyLine:
        return QByteArrayLiteral("empty command");
    case Pop3CommandError::LineTooLong:
        return QByteArrayLiteral("command line too long");
    case Pop3CommandError::UnknownCommand:
        return QByteArrayLiteral("unknown command");
    case Pop3CommandError::MissingArgument:
        return QByteArrayLiteral("missing argument");
    case Pop3CommandError::TooManyArguments:
        return QByteArrayLiteral("too many arguments");
    case Pop3CommandError::ArgumentTooLong:
        return QByteArrayLiteral("argument too long");
    case Pop3CommandError::InvalidNumber:
        return QByteArrayLiteral("invalid number");
    }
    return {};
}

QByteArray pop3VerbKeyword(Pop3Verb verb)
{
    for (const Pop3Syntax &syntax : kSyntax) {
        if (syntax.verb == verb)
            return QByteArray(syntax.keyword);
    }
    return {};
}

} // namespace carteiro::core
