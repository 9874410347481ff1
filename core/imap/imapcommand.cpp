#include "core/imap/imapcommand.h"

#include <QDate>

#include <limits>

namespace carteiro::core {

// --- the reader (RFC 3501 section 2.2: lines, and literals inside commands) ---

std::optional<ImapReaderEvent> ImapCommandReader::next()
{
    // A line is at most m_maxLine octets with its CRLF, so its text at most m_maxLine - 2.
    const qsizetype maxText = m_maxLine - 2;
    for (;;) {
        if (m_literalLeft > 0) {
            const qsizetype take = qsizetype(qMin<qint64>(m_literalLeft, m_buffer.size()));
            m_command.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
            m_literalLeft -= take;
            if (m_literalLeft > 0)
                return std::nullopt;
        }
        const qsizetype lf = m_buffer.indexOf('\n');
        if (lf < 0) {
            // A trailing CR may be the first half of a CRLF, so it does not count yet. The
            // test only grows with the line, so any split of the bytes gives the same events.
            const qsizetype length = m_buffer.size() - (m_buffer.endsWith('\r') ? 1 : 0);
            if (!m_discarding && m_maxLine > 0 && length > maxText) {
                m_discarding = true;
                m_command = (m_command + m_buffer).left(ImapLimits::kMaxTag + 1);
            }
            if (m_discarding)
                m_buffer.clear();
            return std::nullopt;
        }
        QByteArray line = m_buffer.left(lf);
        m_buffer.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_discarding || (m_maxLine > 0 && line.size() > maxText)) {
            ImapReaderEvent event{ImapReaderEvent::Kind::LineTooLong,
                                  (m_command + line).left(ImapLimits::kMaxTag + 1), 0};
            m_discarding = false;
            m_command.clear();
            return event;
        }
        m_command += line;
        // However long each line and literal, the whole command has a bound too.
        const qint64 maxCommand = m_maxLiteral + ImapLimits::kMaxCommandOverhead;
        if (m_command.size() > maxCommand) {
            ImapReaderEvent event{ImapReaderEvent::Kind::LineTooLong,
                                  m_command.left(ImapLimits::kMaxTag + 1), 0};
            m_command.clear();
            return event;
        }

        // RFC 3501 section 4.3: "{" number "}" CRLF, then the octets; RFC 7888 adds "{n+}".
        if (line.endsWith('}')) {
            const qsizetype open = line.lastIndexOf('{');
            QByteArray digits =
                open < 0 ? QByteArray() : line.mid(open + 1, line.size() - open - 2);
            const bool synchronising = !digits.endsWith('+');
            if (!synchronising)
                digits.chop(1);
            bool numeric = !digits.isEmpty() && digits.size() <= 10;
            for (char c : digits)
                numeric = numeric && c >= '0' && c <= '9';
            if (numeric) {
                const qint64 size = digits.toLongLong();
                if (size > m_maxLiteral || m_command.size() + size > maxCommand) {
                    ImapReaderEvent event{ImapReaderEvent::Kind::LiteralTooLarge, m_command, size};
                    m_command.clear();
                    return event;
                }
                m_command += "\r\n";
                m_literalLeft = size;
                if (synchronising)
                    return ImapReaderEvent{ImapReaderEvent::Kind::LiteralWanted, {}, size};
                continue;
            }
        }
        ImapReaderEvent event{ImapReaderEvent::Kind::Command, m_command, 0};
        m_command.clear();
        return event;
    }
}

void ImapCommandReader::clear()
{
    m_buffer.clear();
    m_command.clear();
    m_literalLeft = 0;
    m_discarding = false;
}

// --- the tokeniser (RFC 3501 sections 4 and 9) ---

namespace {

// Characters that end an atom (RFC 3501 section 9, "atom-specials", less those an atom of
// ours may hold: "%" and "*" of LIST patterns, "\" of flags, "]" of response codes).
bool endsAtom(char c)
{
    return c == ' ' || c == '(' || c == ')' || c == '"' || c == '\r' || c == '\n';
}

bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    return c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"' && c != '\\' &&
           c != ']';
}

struct Tokeniser
{
    const QByteArray &text;
    qsizetype pos = 0;
    ImapCommandError error = ImapCommandError::None;

    bool fail(ImapCommandError why)
    {
        error = why;
        return false;
    }

    bool parseList(QList<ImapArg> *out, int depth, bool inParens)
    {
        for (;;) {
            while (pos < text.size() && text.at(pos) == ' ')
                ++pos;
            if (pos >= text.size())
                return inParens ? fail(ImapCommandError::UnbalancedParenthesis) : true;
            const char c = text.at(pos);
            if (c == ')') {
                if (!inParens)
                    return fail(ImapCommandError::UnbalancedParenthesis);
                ++pos;
                return true;
            }
            ImapArg arg;
            if (c == '(') {
                if (depth + 1 > ImapLimits::kMaxNesting)
                    return fail(ImapCommandError::NestingTooDeep);
                ++pos;
                arg.kind = ImapArg::Kind::List;
                if (!parseList(&arg.items, depth + 1, true))
                    return false;
            } else if (c == '"') {
                if (!parseQuoted(&arg))
                    return false;
            } else if (c == '{') {
                if (!parseLiteral(&arg))
                    return false;
            } else {
                parseAtom(&arg);
            }
            out->append(std::move(arg));
        }
    }

    bool parseQuoted(ImapArg *arg)
    {
        arg->kind = ImapArg::Kind::String;
        ++pos;
        while (pos < text.size()) {
            const char c = text.at(pos++);
            if (c == '"')
                return true;
            if (c == '\r' || c == '\n')
                break;
            if (c == '\\') {
                // RFC 3501 section 9, "quoted-specials": only \" and \\ are escapes.
                if (pos >= text.size() || (text.at(pos) != '"' && text.at(pos) != '\\'))
                    return fail(ImapCommandError::InvalidArgument);
                arg->text += text.at(pos++);
                continue;
            }
            arg->text += c;
        }
        return fail(ImapCommandError::UnterminatedString);
    }

    bool parseLiteral(ImapArg *arg)
    {
        arg->kind = ImapArg::Kind::String;
        arg->literal = true;
        const qsizetype close = text.indexOf('}', pos);
        if (close < 0)
            return fail(ImapCommandError::InvalidLiteral);
        QByteArray digits = text.mid(pos + 1, close - pos - 1);
        if (digits.endsWith('+'))
            digits.chop(1);
        bool ok = !digits.isEmpty() && digits.size() <= 10;
        for (char c : digits)
            ok = ok && c >= '0' && c <= '9';
        const qint64 size = ok ? digits.toLongLong() : -1;
        if (!ok || text.mid(close + 1, 2) != "\r\n" || close + 3 + size > text.size())
            return fail(ImapCommandError::InvalidLiteral);
        arg->text = text.mid(close + 3, size);
        pos = close + 3 + size;
        return true;
    }

    void parseAtom(ImapArg *arg)
    {
        // "BODY[HEADER.FIELDS (FROM TO)]" is one atom: inside brackets, spaces and
        // parentheses belong to the section (RFC 3501 section 6.4.5).
        arg->kind = ImapArg::Kind::Atom;
        const qsizetype start = pos;
        while (pos < text.size() && !endsAtom(text.at(pos))) {
            if (text.at(pos) == '[') {
                const qsizetype close = text.indexOf(']', pos);
                const qsizetype lf = text.indexOf('\n', pos);
                if (close > 0 && (lf < 0 || close < lf)) {
                    pos = close + 1;
                    continue;
                }
            }
            ++pos;
        }
        arg->text = text.mid(start, pos - start);
    }
};

// What each command takes (RFC 3501 section 6): argument counts, -1 for any number.
struct ImapSyntax
{
    ImapVerb verb;
    const char *name;
    int minArguments;
    int maxArguments;
    bool uidForm; // also "UID <name>" (section 6.4.8)
};

constexpr ImapSyntax kSyntax[] = {
    {ImapVerb::Capability, "CAPABILITY", 0, 0, false},
    {ImapVerb::Noop, "NOOP", 0, 0, false},
    {ImapVerb::Logout, "LOGOUT", 0, 0, false},
    {ImapVerb::Login, "LOGIN", 2, 2, false},
    {ImapVerb::Authenticate, "AUTHENTICATE", 1, 2, false},
    {ImapVerb::Select, "SELECT", 1, 1, false},
    {ImapVerb::Examine, "EXAMINE", 1, 1, false},
    {ImapVerb::Create, "CREATE", 1, 1, false},
    {ImapVerb::Delete, "DELETE", 1, 1, false},
    {ImapVerb::Rename, "RENAME", 2, 2, false},
    {ImapVerb::Subscribe, "SUBSCRIBE", 1, 1, false},
    {ImapVerb::Unsubscribe, "UNSUBSCRIBE", 1, 1, false},
    {ImapVerb::List, "LIST", 2, 2, false},
    {ImapVerb::Lsub, "LSUB", 2, 2, false},
    {ImapVerb::Status, "STATUS", 2, 2, false},
    {ImapVerb::Append, "APPEND", 2, 4, false},
    {ImapVerb::Check, "CHECK", 0, 0, false},
    {ImapVerb::Close, "CLOSE", 0, 0, false},
    {ImapVerb::Expunge, "EXPUNGE", 0, 0, false},
    {ImapVerb::Search, "SEARCH", 1, -1, true},
    {ImapVerb::Fetch, "FETCH", 2, 2, true},
    {ImapVerb::Store, "STORE", 3, -1, true},
    {ImapVerb::Copy, "COPY", 2, 2, true},
    {ImapVerb::Idle, "IDLE", 0, 0, false}, // RFC 2177
};

ImapParseResult failure(ImapCommandError error, QByteArray tag)
{
    ImapParseResult result;
    result.error = error;
    result.tag = std::move(tag);
    return result;
}

bool isTag(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > ImapLimits::kMaxTag)
        return false;
    for (char c : text) {
        // RFC 3501 section 9: tag = 1*<any ASTRING-CHAR except "+">.
        if (c == '+' || (!isAtomChar(c) && c != ']'))
            return false;
    }
    return true;
}

std::optional<quint32> parseNumber(const QByteArray &text, bool allowZero = false)
{
    if (text.isEmpty() || text.size() > 10)
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + quint64(c - '0');
    }
    if (value > std::numeric_limits<quint32>::max() || (value == 0 && !allowZero))
        return std::nullopt;
    return quint32(value);
}

} // namespace

ImapCommandError parseImapArguments(const QByteArray &text, QList<ImapArg> *arguments)
{
    Tokeniser tokeniser{text};
    if (!tokeniser.parseList(arguments, 0, false))
        return tokeniser.error;
    return ImapCommandError::None;
}

QByteArray imapTagOf(const QByteArray &text)
{
    qsizetype end = 0;
    while (end < text.size() && text.at(end) != ' ' && text.at(end) != '\r' && text.at(end) != '\n')
        ++end;
    const QByteArray tag = text.left(end);
    return isTag(tag) ? tag : QByteArray();
}

ImapParseResult parseImapCommand(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return failure(ImapCommandError::EmptyLine, {});
    const QByteArray tag = imapTagOf(text);
    if (tag.isEmpty())
        return failure(ImapCommandError::InvalidTag, {});
    QList<ImapArg> arguments;
    const ImapCommandError error = parseImapArguments(text.mid(tag.size()), &arguments);
    if (error != ImapCommandError::None)
        return failure(error, tag);
    if (arguments.isEmpty() || !arguments.first().isAtom())
        return failure(ImapCommandError::MissingCommand, tag);

    QByteArray name = arguments.takeFirst().text.toUpper();
    bool uid = false;
    if (name == "UID") {
        if (arguments.isEmpty() || !arguments.first().isAtom())
            return failure(ImapCommandError::MissingCommand, tag);
        name = arguments.takeFirst().text.toUpper();
        uid = true;
    }
    const ImapSyntax *syntax = nullptr;
    for (const ImapSyntax &entry : kSyntax) {
        if (name == entry.name && (!uid || entry.uidForm))
            syntax = &entry;
    }
    if (!syntax)
        return failure(ImapCommandError::UnknownCommand, tag);
    if (arguments.size() < syntax->minArguments)
        return failure(ImapCommandError::MissingArgument, tag);
    if (syntax->maxArguments >= 0 && arguments.size() > syntax->maxArguments)
        return failure(ImapCommandError::TooManyArguments, tag);

    ImapCommand command;
    command.tag = tag;
    command.verb = syntax->verb;
    command.name = uid ? "UID " + name : name;
    command.uid = uid;
    command.arguments = std::move(arguments);
    ImapParseResult result;
    result.tag = tag;
    result.command = std::move(command);
    return result;
}

// --- sequence sets (RFC 3501 section 9, "sequence-set") ---

bool ImapSequenceSet::contains(quint32 number, quint32 largest) const
{
    for (const Range &range : ranges) {
        const quint32 a = range.first == 0 ? largest : range.first;
        const quint32 b = range.last == 0 ? largest : range.last;
        // "4:2" is the same range as "2:4".
        if (number >= qMin(a, b) && number <= qMax(a, b))
            return true;
    }
    return false;
}

quint32 ImapSequenceSet::highest(quint32 largest) const
{
    quint32 top = 0;
    for (const Range &range : ranges) {
        const quint32 a = range.first == 0 ? largest : range.first;
        const quint32 b = range.last == 0 ? largest : range.last;
        top = qMax(top, qMax(a, b));
    }
    return top;
}

std::optional<ImapSequenceSet> parseImapSequenceSet(const QByteArray &text)
{
    auto number = [](const QByteArray &piece) -> std::optional<quint32> {
        if (piece == "*")
            return 0u;
        return parseNumber(piece);
    };
    ImapSequenceSet set;
    if (text.isEmpty())
        return std::nullopt;
    for (const QByteArray &piece : text.split(',')) {
        const QByteArrayList ends = piece.split(':');
        if (ends.size() > 2)
            return std::nullopt;
        const auto first = number(ends.first());
        const auto last = number(ends.last());
        if (!first || !last)
            return std::nullopt;
        set.ranges.append({*first, *last});
    }
    return set;
}

// --- FETCH items (RFC 3501 section 6.4.5) ---

namespace {

bool parseSection(const QByteArray &inside, ImapFetchItem *item)
{
    const QByteArray upper = inside.toUpper();
    qsizetype pos = 0;
    // The part path: "1", "1.2", then maybe ".HEADER" and the like.
    while (pos < upper.size() && upper.at(pos) >= '0' && upper.at(pos) <= '9') {
        qsizetype end = pos;
        while (end < upper.size() && upper.at(end) >= '0' && upper.at(end) <= '9')
            ++end;
        const auto number = parseNumber(upper.mid(pos, end - pos));
        if (!number)
            return false;
        item->part.append(int(*number));
        pos = end;
        if (pos < upper.size()) {
            if (upper.at(pos) != '.')
                return false;
            ++pos;
            if (pos == upper.size())
                return false;
        }
    }
    const QByteArray rest = upper.mid(pos);
    QByteArray path;
    for (int number : item->part)
        path += (path.isEmpty() ? "" : ".") + QByteArray::number(number);
    if (rest.isEmpty()) {
        item->section = path;
        return true;
    }
    const qsizetype space = rest.indexOf(' ');
    const QByteArray keyword = space < 0 ? rest : rest.left(space);
    item->specifier = keyword;
    if (keyword == "HEADER.FIELDS" || keyword == "HEADER.FIELDS.NOT") {
        QList<ImapArg> list;
        if (space < 0 || parseImapArguments(rest.mid(space + 1), &list) != ImapCommandError::None ||
            list.size() != 1 || !list.first().isList() || list.first().items.isEmpty())
            return false;
        for (const ImapArg &field : list.first().items) {
            if (!field.isAString() || field.text.isEmpty())
                return false;
            item->fields.append(field.text.toUpper());
        }
        item->section =
            (path.isEmpty() ? "" : path + ".") + keyword + " (" + item->fields.join(' ') + ")";
        return true;
    }
    if (space >= 0)
        return false;
    // MIME needs a part (section 6.4.5: "MIME" is the header of a body part).
    if (keyword != "HEADER" && keyword != "TEXT" && !(keyword == "MIME" && !path.isEmpty()))
        return false;
    item->section = (path.isEmpty() ? "" : path + ".") + keyword;
    return true;
}

std::optional<ImapFetchItem> parseFetchAtom(const QByteArray &atom)
{
    using Kind = ImapFetchItem::Kind;
    const QByteArray upper = atom.toUpper();
    ImapFetchItem item;
    static const struct
    {
        const char *name;
        Kind kind;
    } kSimple[] = {
        {"FLAGS", Kind::Flags},
        {"UID", Kind::Uid},
        {"INTERNALDATE", Kind::InternalDate},
        {"RFC822.SIZE", Kind::Rfc822Size},
        {"ENVELOPE", Kind::Envelope},
        {"BODYSTRUCTURE", Kind::BodyStructure},
        {"BODY", Kind::BodyShape},
        {"RFC822", Kind::Rfc822},
        {"RFC822.HEADER", Kind::Rfc822Header},
        {"RFC822.TEXT", Kind::Rfc822Text},
    };
    for (const auto &simple : kSimple) {
        if (upper == simple.name) {
            item.kind = simple.kind;
            return item;
        }
    }
    qsizetype open = -1;
    if (upper.startsWith("BODY[")) {
        open = 4;
    } else if (upper.startsWith("BODY.PEEK[")) {
        open = 9;
        item.peek = true;
    } else {
        return std::nullopt;
    }
    item.kind = Kind::Body;
    const qsizetype close = atom.indexOf(']', open);
    if (close < 0 || !parseSection(atom.mid(open + 1, close - open - 1), &item))
        return std::nullopt;
    const QByteArray partial = atom.mid(close + 1);
    if (!partial.isEmpty()) {
        // "<origin.octets>" (section 6.4.5); the answer names only the origin.
        if (!partial.startsWith('<') || !partial.endsWith('>'))
            return std::nullopt;
        const QByteArrayList numbers = partial.mid(1, partial.size() - 2).split('.');
        if (numbers.size() != 2)
            return std::nullopt;
        const auto start = parseNumber(numbers.at(0), true);
        const auto length = parseNumber(numbers.at(1));
        if (!start || !length)
            return std::nullopt;
        item.partialStart = *start;
        item.partialLength = *length;
    }
    return item;
}

} // namespace

std::optional<QList<ImapFetchItem>> parseImapFetchItems(const ImapArg &argument)
{
    QList<ImapFetchItem> items;
    if (argument.isAtom()) {
        // The macros of section 6.4.5, allowed only alone.
        const QByteArray upper = argument.text.toUpper();
        QByteArrayList names;
        if (upper == "ALL")
            names = {"FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"};
        else if (upper == "FAST")
            names = {"FLAGS", "INTERNALDATE", "RFC822.SIZE"};
        else if (upper == "FULL")
            names = {"FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"};
        else
            names = {argument.text};
        for (const QByteArray &name : names) {
            const auto item = parseFetchAtom(name);
            if (!item)
                return std::nullopt;
            items.append(*item);
        }
        return items;
    }
    if (!argument.isList() || argument.items.isEmpty())
        return std::nullopt;
    for (const ImapArg &entry : argument.items) {
        if (!entry.isAtom())
            return std::nullopt;
        const auto item = parseFetchAtom(entry.text);
        if (!item)
            return std::nullopt;
        items.append(*item);
    }
    return items;
}

// --- SEARCH keys (RFC 3501 section 6.4.4) ---

std::optional<qint64> parseImapDate(const QByteArray &text)
{
    static const char *const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    const QByteArrayList parts = text.trimmed().split('-');
    if (parts.size() != 3)
        return std::nullopt;
    const auto day = parseNumber(parts.at(0));
    const auto year = parseNumber(parts.at(2).left(4));
    int month = 0;
    for (int index = 0; index < 12; ++index) {
        if (parts.at(1).toUpper() == kMonths[index])
            month = index + 1;
    }
    const QDate date = (day && year && month) ? QDate(int(*year), month, int(*day)) : QDate();
    if (!date.isValid())
        return std::nullopt;
    return date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
}

namespace {

std::optional<ImapSearchKey> parseSearchKey(const QList<ImapArg> &arguments, int *index, int depth)
{
    if (*index >= arguments.size() || depth > ImapLimits::kMaxSearchDepth)
        return std::nullopt;
    const ImapArg &argument = arguments.at((*index)++);
    ImapSearchKey key;
    if (argument.isList()) {
        key.name = "AND";
        int inner = 0;
        while (inner < argument.items.size()) {
            const auto child = parseSearchKey(argument.items, &inner, depth + 1);
            if (!child)
                return std::nullopt;
            key.children.append(*child);
        }
        if (key.children.isEmpty())
            return std::nullopt;
        return key;
    }
    if (!argument.isAtom())
        return std::nullopt;
    key.name = argument.text.toUpper();
    static const QByteArrayList kAlone = {
        "ALL",    "ANSWERED", "DELETED",    "DRAFT",     "FLAGGED", "NEW",       "OLD",
        "RECENT", "SEEN",     "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN"};
    static const QByteArrayList kWithString = {"BCC",  "BODY", "CC",      "FROM",     "SUBJECT",
                                               "TEXT", "TO",   "KEYWORD", "UNKEYWORD"};
    auto nextString = [&](QByteArray *out) {
        if (*index >= arguments.size() || !arguments.at(*index).isAString())
            return false;
        *out = arguments.at((*index)++).text;
        return true;
    };
    if (kAlone.contains(key.name))
        return key;
    if (kWithString.contains(key.name))
        return nextString(&key.text) ? std::optional(key) : std::nullopt;
    if (key.name == "HEADER") {
        if (!nextString(&key.field) || !nextString(&key.text))
            return std::nullopt;
        return key;
    }
    if (key.name == "LARGER" || key.name == "SMALLER") {
        QByteArray text;
        const auto number = nextString(&text) ? parseNumber(text, true) : std::nullopt;
        if (!number)
            return std::nullopt;
        key.number = *number;
        return key;
    }
    if (key.name == "BEFORE" || key.name == "ON" || key.name == "SINCE") {
        QByteArray text;
        const auto days = nextString(&text) ? parseImapDate(text) : std::nullopt;
        if (!days)
            return std::nullopt;
        key.number = *days;
        return key;
    }
    if (key.name == "UID") {
        QByteArray text;
        const auto set = nextString(&text) ? parseImapSequenceSet(text) : std::nullopt;
        if (!set)
            return std::nullopt;
        key.set = *set;
        return key;
    }
    if (key.name == "NOT") {
        const auto child = parseSearchKey(arguments, index, depth + 1);
        if (!child)
            return std::nullopt;
        key.children.append(*child);
        return key;
    }
    if (key.name == "OR") {
        const auto left = parseSearchKey(arguments, index, depth + 1);
        const auto right = left ? parseSearchKey(arguments, index, depth + 1) : std::nullopt;
        if (!right)
            return std::nullopt;
        key.children = {*left, *right};
        return key;
    }
    if (const auto set = parseImapSequenceSet(argument.text)) {
        key.name = "SET";
        key.set = *set;
        return key;
    }
    return std::nullopt;
}

} // namespace

std::optional<ImapSearchKey> parseImapSearchKeys(const QList<ImapArg> &arguments, int from)
{
    ImapSearchKey all;
    all.name = "AND";
    int index = from;
    while (index < arguments.size()) {
        const auto key = parseSearchKey(arguments, &index, 0);
        if (!key)
            return std::nullopt;
        all.children.append(*key);
    }
    if (all.children.isEmpty())
        return std::nullopt;
    return all;
}

bool isImapFlagList(const QList<ImapArg> &flags)
{
    // RFC 3501 section 9, "flag": the system flags a client may set, or a keyword atom.
    static const QByteArrayList kSystem = {"\\ANSWERED", "\\FLAGGED", "\\DELETED", "\\SEEN",
                                           "\\DRAFT"};
    for (const ImapArg &flag : flags) {
        if (!flag.isAtom() || flag.text.isEmpty())
            return false;
        if (flag.text.startsWith('\\')) {
            if (!kSystem.contains(flag.text.toUpper()))
                return false;
            continue;
        }
        for (char c : flag.text) {
            if (!isAtomChar(c))
                return false;
        }
    }
    return true;
}

QByteArray imapCommandErrorText(ImapCommandError error)
{
    switch (error) {
    case ImapCommandError::None:
        return {};
    case ImapCommandError::EmptyLine:
        return QByteArrayLiteral("Empty command line");
    case ImapCommandError::LineTooLong:
        return QByteArrayLiteral("Command line too long");
    case ImapCommandError::LiteralTooLarge:
        return QByteArrayLiteral("Literal too large");
    case ImapCommandError::InvalidTag:
        return QByteArrayLiteral("Invalid tag");
    case ImapCommandError::MissingCommand:
        return QByteArrayLiteral("Missing command");
    case ImapCommandError::UnknownCommand:
        return QByteArrayLiteral("Command unrecognized");
    case ImapCommandError::MissingArgument:
        return QByteArrayLiteral("Missing argument");
    case ImapCommandError::TooManyArguments:
        return QByteArrayLiteral("Too many arguments");
    case ImapCommandError::InvalidArgument:
        return QByteArrayLiteral("Invalid argument");
    case ImapCommandError::UnterminatedString:
        return QByteArrayLiteral("Unterminated quoted string");
    case ImapCommandError::InvalidLiteral:
        return QByteArrayLiteral("Invalid literal");
    case ImapCommandError::UnbalancedParenthesis:
        return QByteArrayLiteral("Unbalanced parenthesis");
    case ImapCommandError::NestingTooDeep:
        return QByteArrayLiteral("Lists nested too deep");
    case ImapCommandError::InvalidSequenceSet:
        return QByteArrayLiteral("Invalid sequence set");
    case ImapCommandError::InvalidFetchItem:
        return QByteArrayLiteral("Invalid fetch item");
    case ImapCommandError::InvalidSearchKey:
        return QByteArrayLiteral("Invalid search key");
    case ImapCommandError::InvalidFlag:
        return QByteArrayLiteral("Invalid flag");
    case ImapCommandError::InvalidStatusItem:
        return QByteArrayLiteral("Invalid status item");
    case ImapCommandError::InvalidStoreItem:
        return QByteArrayLiteral("Invalid store item");
    case ImapCommandError::InvalidDate:
        return QByteArrayLiteral("Invalid date");
    }
    return {};
}

namespace {

bool isQuotable(const QByteArray &value)
{
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

QByteArray quotedOrLiteral(const QByteArray &value)
{
    if (!isQuotable(value))
        return '{' + QByteArray::number(value.size()) + "}\r\n" + value;
    QByteArray quoted = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

QByteArray imapAString(const QByteArray &value)
{
    bool atom = !value.isEmpty() && value.toUpper() != "NIL";
    for (char c : value)
        atom = atom && isAtomChar(c);
    return atom ? value : quotedOrLiteral(value);
}

QByteArray imapNString(const QByteArray &value, bool isNull)
{
    return isNull ? QByteArrayLiteral("NIL") : quotedOrLiteral(value);
}

QByteArray imapClientAString(const QByteArray &value)
{
    const QByteArray encoded = imapAString(value);
    if (!encoded.startsWith('{'))
        return encoded;
    return '{' + QByteArray::number(value.size()) + "+}\r\n" + value;
}

} // namespace carteiro::core
