#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

#include <optional>

namespace carteiro::core {

// The limits of RFC 1939 section 3 and RFC 2449 section 4, in one place.
struct Pop3Limits
{
    // RFC 2449 section 4: a command line, keyword and arguments and CRLF, is at most 255 octets.
    static constexpr int kMaxCommandLine = 255;
    // RFC 1939 section 3: keywords are three or four characters long.
    static constexpr int kMinKeyword = 3;
    static constexpr int kMaxKeyword = 4;
    // RFC 1939 section 3: each argument may be up to 40 characters long.
    static constexpr int kMaxArgument = 40;
    // RFC 2449 section 4: a response line (status or data) is at most 512 octets with CRLF.
    static constexpr int kMaxResponseLine = 512;
    // Not an RFC limit: a message line seen by the client may be longer than a response line
    // (RFC 5322 allows 998 octets and real mail breaks even that); this only bounds memory.
    static constexpr int kMaxClientLine = 64 * 1024;
};

// One line off the wire, without its terminator. A line longer than the framer's limit is
// dropped up to its end and reported once, as `tooLong`, in its place.
struct Pop3Line
{
    QByteArray text;
    bool tooLong = false;
};

// Splits a byte stream into lines. RFC 1939 section 3 ends lines with CRLF; a bare LF is
// accepted too, so a student can type at a terminal. Bytes may arrive split anywhere.
class Pop3LineFramer
{
public:
    // maxLine counts the CRLF, as the RFCs do.
    explicit Pop3LineFramer(int maxLine = Pop3Limits::kMaxCommandLine) : m_maxLine(maxLine) {}

    void feed(const QByteArray &bytes);
    std::optional<Pop3Line> next();
    bool hasPartialLine() const { return !m_buffer.isEmpty() || m_discarding; }

private:
    int m_maxLine;
    QByteArray m_buffer;
    bool m_discarding = false; // inside an over-long line, waiting for its LF
    QList<Pop3Line> m_ready;
};

enum class Pop3Verb { User, Pass, Quit, Stat, List, Retr, Dele, Noop, Rset, Top, Uidl, Capa };

// Why a command line could not be parsed; the session turns each into a -ERR reply.
enum class Pop3CommandError {
    None,
    EmptyLine,
    LineTooLong,
    UnknownCommand,
    MissingArgument,
    TooManyArguments,
    ArgumentTooLong,
    InvalidNumber,
};

struct Pop3Command
{
    Pop3Verb verb = Pop3Verb::Noop;
    QByteArray keyword;       // upper case
    QByteArrayList arguments; // as sent; PASS keeps its whole argument, spaces included
    QList<quint32> numbers;   // the arguments of LIST, RETR, DELE, TOP and UIDL, parsed
};

struct Pop3ParseResult
{
    std::optional<Pop3Command> command;
    Pop3CommandError error = Pop3CommandError::None;
    QByteArray keyword; // upper case, also when the command is unknown

    bool isValid() const { return command.has_value(); }
};

// Parses one line (without its CRLF). Keywords are case-insensitive (RFC 1939 section 3).
// Only syntax is checked here: whether the command suits the state, or the message number
// exists, is the session's business.
Pop3ParseResult parsePop3Command(const QByteArray &line);
Pop3ParseResult parsePop3Line(const Pop3Line &line);

// The text after "-ERR " for a parse error.
QByteArray pop3CommandErrorText(Pop3CommandError error);
QByteArray pop3VerbKeyword(Pop3Verb verb);

} // namespace carteiro::core
