#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

#include <optional>

namespace carteiro::core {

// The limits of RFC 3501 and the advice that followed it, in one place.
struct ImapLimits
{
    // RFC 3501 section 4 puts no bound on a line; RFC 7162 section 4 advises clients to keep
    // command lines under 8192 octets and servers to accept at least that. Counted per line,
    // with its CRLF; a literal's octets are not part of any line.
    static constexpr int kMaxCommandLine = 8192;
    // Not an RFC limit: the largest literal a server accepts (APPEND of a whole message). A
    // larger one is refused before the client sends it (RFC 3501 section 7.5).
    static constexpr qint64 kMaxLiteral = 16 * 1024 * 1024;
    // Not an RFC limit: a command's octets beyond its literals' (lines joined by literals
    // could otherwise grow a command without end).
    static constexpr qint64 kMaxCommandOverhead = 64 * 1024;
    // Not an RFC limit: how deeply parenthesised lists may nest, to bound recursion.
    static constexpr int kMaxNesting = 16;
    // Not an RFC limit: how deeply NOT and OR may nest in SEARCH, to bound recursion.
    static constexpr int kMaxSearchDepth = 64;
    // Not an RFC limit: a tag is an atom (RFC 3501 section 9, "tag"); this keeps it short.
    static constexpr int kMaxTag = 64;
    // Not an RFC limit: a response line seen by the client; message bodies come as literals.
    static constexpr int kMaxClientLine = 64 * 1024;
    static constexpr qint64 kMaxClientLiteral = 64 * 1024 * 1024;
};

// What the reader found in the byte stream.
struct ImapReaderEvent
{
    enum class Kind {
        Command,         // a whole command: its lines and literals, CRLFs kept between them
        LiteralWanted,   // a synchronising literal {n} ends a line: the server answers "+"
        LineTooLong,     // a line longer than the limit, dropped up to its LF
        LiteralTooLarge, // a literal over the limit: the command so far is dropped
    };
    Kind kind = Kind::Command;
    QByteArray text;        // the command (Command), or its start (to find the tag)
    qint64 literalSize = 0; // LiteralWanted
};

// Splits a byte stream into IMAP commands (RFC 3501 section 2.2). A line ending in {n} is
// followed by n octets of literal, then the command goes on; "{n+}" is the non-synchronising
// form of RFC 7888, which needs no "+". Bytes may arrive split anywhere: the events are the
// same for any split. A bare LF ends a line too, so a student can type at a terminal.
class ImapCommandReader
{
public:
    explicit ImapCommandReader(int maxLine = ImapLimits::kMaxCommandLine,
                               qint64 maxLiteral = ImapLimits::kMaxLiteral)
        : m_maxLine(maxLine), m_maxLiteral(maxLiteral)
    {}

    void feed(const QByteArray &bytes) { m_buffer += bytes; }
    std::optional<ImapReaderEvent> next();
    // Everything not read yet is dropped (the session has closed).
    void clear();

private:
    int m_maxLine;
    qint64 m_maxLiteral;
    QByteArray m_buffer;       // bytes fed but not consumed
    QByteArray m_command;      // the command being assembled
    qsizetype m_lineStart = 0; // where the current line starts in m_command
    qint64 m_literalLeft = 0;  // octets of literal still to copy
    bool m_discarding = false; // inside an over-long line, waiting for its LF
};

// One argument of a command (RFC 3501 section 4): an atom (NIL, numbers, flags and
// "BODY[...]" included), a string (quoted or literal), or a parenthesised list.
struct ImapArg
{
    enum class Kind { Atom, String, List };
    Kind kind = Kind::Atom;
    QByteArray text; // the atom or the string's value, unquoted
    QList<ImapArg> items;
    bool literal = false;

    bool isAtom() const { return kind == Kind::Atom; }
    bool isString() const { return kind == Kind::String; }
    bool isList() const { return kind == Kind::List; }
    // An astring (atom or string) of RFC 3501 section 9.
    bool isAString() const { return kind != Kind::List; }
};

// Why a command could not be read; the session answers each with "tag BAD ...".
enum class ImapCommandError {
    None,
    EmptyLine,
    LineTooLong,
    LiteralTooLarge,
    InvalidTag,
    MissingCommand,
    UnknownCommand,
    MissingArgument,
    TooManyArguments,
    InvalidArgument,
    UnterminatedString,
    InvalidLiteral,
    UnbalancedParenthesis,
    NestingTooDeep,
    InvalidSequenceSet,
    InvalidFetchItem,
    InvalidSearchKey,
    InvalidFlag,
    InvalidStatusItem,
    InvalidStoreItem,
    InvalidDate,
};

enum class ImapVerb {
    Capability,
    Noop,
    Logout,
    Login,
    Authenticate,
    Select,
    Examine,
    Create,
    Delete,
    Rename,
    Subscribe,
    Unsubscribe,
    List,
    Lsub,
    Status,
    Append,
    Check,
    Close,
    Expunge,
    Search,
    Fetch,
    Store,
    Copy,
    Idle,
};

struct ImapCommand
{
    QByteArray tag;
    ImapVerb verb = ImapVerb::Noop;
    QByteArray name; // upper case, "UID FETCH" for the UID forms
    bool uid = false;
    QList<ImapArg> arguments;
};

struct ImapParseResult
{
    std::optional<ImapCommand> command;
    ImapCommandError error = ImapCommandError::None;
    QByteArray tag; // when one could be read, so errors can be tagged

    bool isValid() const { return command.has_value(); }
};

// Tokenises one whole command as the reader gave it. Only the shape is checked here (the
// command exists, the argument count fits); the session checks each command's arguments.
ImapParseResult parseImapCommand(const QByteArray &text);
// Tokenises arguments alone (also used by the client for responses).
ImapCommandError parseImapArguments(const QByteArray &text, QList<ImapArg> *arguments);
// The tag at the start of text, if it is a valid one (for errors before parsing).
QByteArray imapTagOf(const QByteArray &text);

// A sequence set (RFC 3501 section 9, "sequence-set"): ranges where 0 stands for "*".
struct ImapSequenceSet
{
    struct Range
    {
        quint32 first = 0;
        quint32 last = 0;
    };
    QList<Range> ranges;

    // Whether number is in the set, "*" being `largest`.
    bool contains(quint32 number, quint32 largest) const;
    // The largest number named, "*" being `largest`; to check sequence numbers exist.
    quint32 highest(quint32 largest) const;
};
std::optional<ImapSequenceSet> parseImapSequenceSet(const QByteArray &text);

// One item of FETCH (RFC 3501 section 6.4.5); macros are expanded.
struct ImapFetchItem
{
    enum class Kind {
        Flags,
        Uid,
        InternalDate,
        Rfc822Size,
        Envelope,
        Body,          // BODY[section]<partial> and BODY.PEEK[...]
        BodyStructure, // BODYSTRUCTURE
        BodyShape,     // BODY alone: the structure without extension data
        Rfc822,        // as BODY[] in the answer's name
        Rfc822Header,  // as BODY.PEEK[HEADER]
        Rfc822Text,    // as BODY[TEXT]
    };
    Kind kind = Kind::Flags;
    bool peek = false;
    QList<int> part;       // section part path, "1.2" is {1, 2}
    QByteArray specifier;  // "", HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT, MIME
    QByteArrayList fields; // of HEADER.FIELDS, upper case
    qint64 partialStart = -1;
    qint64 partialLength = -1;
    QByteArray section; // the section as the answer names it, "HEADER.FIELDS (FROM)"
};
std::optional<QList<ImapFetchItem>> parseImapFetchItems(const ImapArg &argument);

// A search key (RFC 3501 section 6.4.4), as a tree for NOT, OR and lists.
struct ImapSearchKey
{
    QByteArray name;   // upper case: ALL, SEEN, FROM, UID, SET (a sequence set), AND (a list)...
    QByteArray text;   // FROM/TO/SUBJECT/BODY/TEXT/KEYWORD string, HEADER value
    QByteArray field;  // HEADER field name
    qint64 number = 0; // LARGER, SMALLER; days since 1970 for BEFORE/ON/SINCE
    ImapSequenceSet set;
    QList<ImapSearchKey> children;
};
// Parses keys from arguments[from...] into an AND list.
std::optional<ImapSearchKey> parseImapSearchKeys(const QList<ImapArg> &arguments, int from);

// The flags of STORE, APPEND and the like: "\Seen" style system flags and keywords.
bool isImapFlagList(const QList<ImapArg> &flags);
// "02-Mar-2026" or "2-Mar-2026 09:00:00 +0000" as days since 1970-01-01 and seconds.
std::optional<qint64> parseImapDate(const QByteArray &text);

// The words after "BAD " for a parse error.
QByteArray imapCommandErrorText(ImapCommandError error);

// An astring for a response: an atom when it can be one, else a quoted string, else a
// literal (RFC 3501 section 4.3).
QByteArray imapAString(const QByteArray &value);
// The same for a client to send: a literal becomes non-synchronising ({n+}, RFC 7888), so the
// command goes in one write.
QByteArray imapClientAString(const QByteArray &value);
// A string for a response (ENVELOPE fields): quoted or literal, NIL when null.
QByteArray imapNString(const QByteArray &value, bool isNull = false);

} // namespace carteiro::core
