#include "core/imap/imapserversession.h"

#include "core/imap/imapcommand.h"
#include "core/imap/imapmessage.h"
#include "core/mailbox/mailboxstore.h"
#include "core/message/rfc5322.h"

#include <QLoggingCategory>

#include <algorithm>
#include <utility>

namespace carteiro::core {

namespace {

// Off unless asked for (QT_LOGGING_RULES="carteiro.imap.*.debug=true").
Q_LOGGING_CATEGORY(lcImapServer, "carteiro.imap.server", QtInfoMsg)

using State = ImapServerSession::State;

const QByteArray kCapabilities = QByteArrayLiteral("IMAP4rev1 LITERAL+ IDLE AUTH=PLAIN");
const QByteArray kInbox = QByteArrayLiteral("INBOX");
// RFC 3501 section 2.3.2: the system flags a client may set; \Recent is the server's.
const QStringList kSystemFlags = {QStringLiteral("\\Answered"), QStringLiteral("\\Flagged"),
                                  QStringLiteral("\\Deleted"), QStringLiteral("\\Seen"),
                                  QStringLiteral("\\Draft")};
const QString kSeen = QStringLiteral("\\Seen");
const QString kDeleted = QStringLiteral("\\Deleted");
const QByteArray kNotValidInState = QByteArrayLiteral("Command not valid in this state");
const QByteArray kNoMailbox = QByteArrayLiteral("Mailbox does not exist");
const QByteArray kTryCreate = QByteArrayLiteral("[TRYCREATE] Mailbox does not exist");
const QByteArray kAuthFailed = QByteArrayLiteral("[AUTHENTICATIONFAILED] Invalid credentials");
const QByteArray kReadOnly = QByteArrayLiteral("Mailbox is read-only");
const QByteArray kBadSequence = QByteArrayLiteral("Invalid message sequence number");
const QByteArray kHierarchyDelimiter = QByteArrayLiteral("/");

const char *stateName(State state)
{
    switch (state) {
    case State::NotAuthenticated:
        return "NOT-AUTHENTICATED";
    case State::Authenticated:
        return "AUTHENTICATED";
    case State::Selected:
        return "SELECTED";
    case State::Logout:
        return "LOGOUT";
    }
    return "?";
}

// The answer to one command: untagged lines (CRLF ended, literals inside) then the tagged
// status. `pending` leaves the command open behind a "+" (AUTHENTICATE, IDLE).
struct ImapResponse
{
    QByteArray untagged;
    QByteArray status; // OK, NO or BAD
    QByteArray text;
    bool pending = false;

    static ImapResponse ok(QByteArray text, QByteArray untagged = {})
    {
        return {std::move(untagged), "OK", std::move(text)};
    }
    static ImapResponse no(QByteArray text, QByteArray untagged = {})
    {
        return {std::move(untagged), "NO", std::move(text)};
    }
    static ImapResponse bad(QByteArray text) { return {{}, "BAD", std::move(text)}; }
    static ImapResponse bad(ImapCommandError error) { return bad(imapCommandErrorText(error)); }
};

QByteArray untagged(const QByteArray &line)
{
    return "* " + line + "\r\n";
}

// Flags in one order: the system flags of kSystemFlags, then keywords as they came.
QStringList normalisedFlags(const QStringList &flags)
{
    QStringList out;
    for (const QString &system : kSystemFlags) {
        for (const QString &flag : flags) {
            if (flag.compare(system, Qt::CaseInsensitive) == 0) {
                out.append(system);
                break;
            }
        }
    }
    for (const QString &flag : flags) {
        if (!flag.startsWith(QLatin1Char('\\')) && !out.contains(flag))
            out.append(flag);
    }
    return out;
}

QStringList flagsOf(const QList<ImapArg> &arguments)
{
    QStringList flags;
    for (const ImapArg &argument : arguments)
        flags.append(QString::fromUtf8(argument.text));
    return normalisedFlags(flags);
}

bool hasFlag(const StoredMessage &message, const QString &flag)
{
    return message.flags.contains(flag, Qt::CaseInsensitive);
}

// LIST patterns (RFC 3501 section 6.3.8): "*" matches anything, "%" anything but the
// hierarchy delimiter. One pass per pattern character over the name's prefixes, so a pattern
// full of wildcards costs no more than a plain one.
bool matchesPattern(const QString &name, const QString &pattern)
{
    const qsizetype size = name.size();
    QList<bool> reached(size + 1, false); // reached[i]: the pattern so far matches name[0, i)
    reached[0] = true;
    for (const QChar p : pattern) {
        QList<bool> next(size + 1, false);
        if (p == QLatin1Char('*') || p == QLatin1Char('%')) {
            bool open = false;
            for (qsizetype i = 0; i <= size; ++i) {
                if (p == QLatin1Char('%') && i > 0 && name.at(i - 1) == QLatin1Char('/'))
                    open = false;
                open = open || reached[i];
                next[i] = open;
            }
        } else {
            for (qsizetype i = 0; i < size; ++i)
                next[i + 1] = reached[i] && name.at(i) == p;
        }
        reached = std::move(next);
    }
    return reached[size];
}

bool matchesMailbox(const QString &folder, const QString &pattern)
{
    if (folder == QLatin1String("INBOX")) {
        // INBOX matches its name in any case.
        return matchesPattern(folder, pattern.toUpper());
    }
    return matchesPattern(folder, pattern);
}

} // namespace

struct ImapServerSession::Private
{
    using Handler = ImapResponse (Private::*)(const ImapCommand &);
    enum StateMask { kNotAuth = 1, kAuth = 2, kSelected = 4, kAny = 7 };
    // Which states accept each command (RFC 3501 sections 6.1 to 6.4) and what it does.
    struct CommandEntry
    {
        ImapVerb verb;
        int states;
        Handler handler;
    };
    static const CommandEntry kCommands[];

    enum class Mode { Commands, Authenticate, Idle };

    ImapServerConfig config;
    MailboxStore *store = nullptr;
    State state = State::NotAuthenticated;
    ImapCommandReader reader;
    int errors = 0;
    SimTime now = 0;

    Mode mode = Mode::Commands;
    QByteArray pendingTag; // the AUTHENTICATE or IDLE waiting for its continuation

    QString address; // the account logged in
    QString folder;  // the selected mailbox
    bool readOnly = false;
    QList<quint32> uids; // the session's view: sequence number n is uids[n - 1]
    QSet<quint32> recent;

    Private(ImapServerConfig serverConfig, MailboxStore *mailboxStore)
        : config(std::move(serverConfig)), store(mailboxStore)
    {}

    // The one place the state changes.
    void setState(State next)
    {
        if (next == state)
            return;
        qCDebug(lcImapServer) << stateName(state) << "->" << stateName(next);
        state = next;
        if (next != State::Selected) {
            folder.clear();
            uids.clear();
            recent.clear();
        }
    }

    // The one place tagged answers are written. BAD answers and failed logins count; at the
    // limit the server says BYE and closes (RFC 3501 section 7.1.5).
    QByteArray reply(const QByteArray &tag, const ImapResponse &response, bool countsAsError)
    {
        QByteArray out = response.untagged;
        if (response.pending)
            return out;
        out += (tag.isEmpty() ? QByteArray("*") : tag) + ' ' + response.status + ' ' +
               response.text + "\r\n";
        if ((response.status == "BAD" || countsAsError) && config.hardErrorLimit > 0 &&
            ++errors >= config.hardErrorLimit) {
            out += untagged("BYE Too many errors");
            setState(State::Logout);
        }
        return out;
    }

    QByteArray handle(const ImapReaderEvent &event);
    QByteArray handleCommand(const QByteArray &text);
    QByteArray handleContinuation(const QByteArray &line);

    // --- the mailbox the session sees ---

    const MailFolder *currentFolder() const
    {
        const MailAccount *account = store ? store->account(address) : nullptr;
        if (!account)
            return nullptr;
        const auto found = account->folders.constFind(folder);
        return found == account->folders.constEnd() ? nullptr : &found.value();
    }

    const StoredMessage *message(quint32 uid) const
    {
        const MailFolder *current = currentFolder();
        if (!current)
            return nullptr;
        for (const StoredMessage &stored : current->messages) {
            if (stored.uid == uid)
                return &stored;
        }
        return nullptr;
    }

    // Brings the view up to date with the store: * n EXPUNGE for messages gone (another
    // session, or ours), * n EXISTS and * n RECENT for new ones (RFC 3501 section 7.3, 7.4.1).
    QByteArray synchronise()
    {
        if (state != State::Selected)
            return {};
        QByteArray out;
        const MailFolder *current = currentFolder();
        QSet<quint32> present;
        if (current) {
            for (const StoredMessage &stored : current->messages)
                present.insert(stored.uid);
        }
        for (qsizetype index = 0; index < uids.size();) {
            if (present.contains(uids.at(index))) {
                ++index;
                continue;
            }
            recent.remove(uids.at(index));
            uids.removeAt(index);
            out += untagged(QByteArray::number(index + 1) + " EXPUNGE");
        }
        const quint32 newestSeen = uids.isEmpty() ? 0 : uids.last();
        bool arrived = false;
        if (current) {
            const quint32 recentFrom =
                readOnly ? store->recentFrom(address, folder) : store->claimRecent(address, folder);
            for (const StoredMessage &stored : current->messages) {
                if (stored.uid <= newestSeen)
                    continue;
                uids.append(stored.uid);
                if (stored.uid >= recentFrom)
                    recent.insert(stored.uid);
                arrived = true;
            }
        }
        if (arrived) {
            out += untagged(QByteArray::number(uids.size()) + " EXISTS");
            out += untagged(QByteArray::number(recent.size()) + " RECENT");
        }
        return out;
    }

    // The messages a set names, as sequence numbers; false if a sequence number is past the
    // end (UIDs that do not exist are just left out, section 6.4.8).
    bool resolve(const ImapSequenceSet &set, bool byUid, QList<int> *numbers) const
    {
        const quint32 count = quint32(uids.size());
        if (byUid) {
            const quint32 largest = uids.isEmpty() ? 0 : uids.last();
            for (int index = 0; index < uids.size(); ++index) {
                if (set.contains(uids.at(index), largest))
                    numbers->append(index + 1);
            }
            return true;
        }
        if (set.highest(count) > count)
            return false;
        for (quint32 number = 1; number <= count; ++number) {
            if (set.contains(number, count))
                numbers->append(int(number));
        }
        return true;
    }

    QByteArray flagList(const StoredMessage &stored) const
    {
        QStringList flags = stored.flags;
        if (recent.contains(stored.uid))
            flags.append(QStringLiteral("\\Recent"));
        return '(' + flags.join(QLatin1Char(' ')).toUtf8() + ')';
    }

    QString mailboxAddress(const QString &user) const
    {
        if (user.contains(QLatin1Char('@')))
            return user.toLower();
        const QString domain =
            config.localDomains.isEmpty() ? config.hostname : config.localDomains.first();
        return (user + QLatin1Char('@') + domain).toLower();
    }

    bool checkCredentials(const QByteArray &user, const QByteArray &password)
    {
        const QString candidate = mailboxAddress(QString::fromUtf8(user));
        const MailAccount *account = store ? store->account(candidate) : nullptr;
        if (!account || account->password != QString::fromUtf8(password))
            return false;
        address = candidate;
        setState(State::Authenticated);
        return true;
    }

    // A mailbox name argument; INBOX in any case is INBOX (section 5.1), a trailing
    // delimiter is dropped (section 6.3.3).
    static QString mailboxName(const ImapArg &argument)
    {
        QString name = QString::fromUtf8(argument.text);
        while (name.size() > 1 && name.endsWith(QLatin1Char('/')))
            name.chop(1);
        return MailboxStore::folderKey(name);
    }

    // --- any state (section 6.1) ---

    ImapResponse capability(const ImapCommand &)
    {
        return ImapResponse::ok("CAPABILITY completed", untagged("CAPABILITY " + kCapabilities));
    }

    ImapResponse noop(const ImapCommand &)
    {
        return ImapResponse::ok("NOOP completed", synchronise());
    }

    ImapResponse logout(const ImapCommand &)
    {
        setState(State::Logout);
        return ImapResponse::ok("LOGOUT completed", untagged("BYE " + config.hostname.toUtf8() +
                                                             " IMAP4rev1 server logging out"));
    }

    // --- not authenticated (section 6.2) ---

    ImapResponse login(const ImapCommand &command)
    {
        const ImapArg &user = command.arguments.at(0);
        const ImapArg &password = command.arguments.at(1);
        if (!user.isAString() || !password.isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        if (!checkCredentials(user.text, password.text))
            return ImapResponse::no(kAuthFailed);
        return ImapResponse::ok("LOGIN completed");
    }

    ImapResponse authenticate(const ImapCommand &command)
    {
        if (!command.arguments.at(0).isAtom())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        if (command.arguments.at(0).text.toUpper() != "PLAIN")
            return ImapResponse::no("Unsupported authentication mechanism");
        // RFC 4959: the initial response may come with the command.
        if (command.arguments.size() == 2)
            return plainResponse(command.arguments.at(1).text);
        mode = Mode::Authenticate;
        pendingTag = command.tag;
        // RFC 3501 section 6.2.2: an empty challenge, then one base64 line from the client.
        ImapResponse waiting;
        waiting.untagged = "+ \r\n";
        waiting.pending = true;
        return waiting;
    }

    // RFC 4616: base64 of authzid NUL authcid NUL password.
    ImapResponse plainResponse(const QByteArray &line)
    {
        if (line == "*")
            return ImapResponse::bad("AUTHENTICATE cancelled");
        const auto decoded =
            QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return ImapResponse::bad("Invalid base64 data");
        const QByteArrayList parts = decoded.decoded.split('\0');
        if (parts.size() != 3)
            return ImapResponse::bad("Invalid PLAIN response");
        if ((!parts.at(0).isEmpty() && parts.at(0) != parts.at(1)) ||
            !checkCredentials(parts.at(1), parts.at(2)))
            return ImapResponse::no(kAuthFailed);
        return ImapResponse::ok("AUTHENTICATE completed");
    }

    // --- authenticated (section 6.3) ---

    ImapResponse select(const ImapCommand &command)
    {
        const bool examine = command.verb == ImapVerb::Examine;
        // Section 6.3.1: a SELECT, even a failed one, leaves the selected state first.
        setState(State::Authenticated);
        if (!command.arguments.at(0).isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        const QString name = mailboxName(command.arguments.at(0));
        if (!store->hasFolder(address, name))
            return ImapResponse::no(kNoMailbox);
        setState(State::Selected);
        folder = name;
        readOnly = examine;
        synchronise();
        const MailFolder *current = currentFolder();
        QByteArray out = untagged("FLAGS (" + kSystemFlags.join(QLatin1Char(' ')).toUtf8() + ")");
        out += untagged(QByteArray::number(uids.size()) + " EXISTS");
        out += untagged(QByteArray::number(recent.size()) + " RECENT");
        for (int index = 0; index < uids.size(); ++index) {
            const StoredMessage *stored = message(uids.at(index));
            if (stored && !hasFlag(*stored, kSeen)) {
                const QByteArray number = QByteArray::number(index + 1);
                out +=
                    untagged("OK [UNSEEN " + number + "] Message " + number + " is first unseen");
                break;
            }
        }
        out += untagged("OK [UIDVALIDITY " + QByteArray::number(current->uidValidity) +
                        "] UIDs valid");
        out += untagged("OK [UIDNEXT " + QByteArray::number(current->uidNext) +
                        "] Predicted next UID");
        if (examine) {
            out += untagged("OK [PERMANENTFLAGS ()] No permanent flags permitted");
            return ImapResponse::ok("[READ-ONLY] EXAMINE completed", out);
        }
        out += untagged("OK [PERMANENTFLAGS (" + kSystemFlags.join(QLatin1Char(' ')).toUtf8() +
                        " \\*)] Limited");
        return ImapResponse::ok("[READ-WRITE] SELECT completed", out);
    }

    ImapResponse create(const ImapCommand &command)
    {
        if (!command.arguments.at(0).isAString() || command.arguments.at(0).text.isEmpty())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        const QString name = mailboxName(command.arguments.at(0));
        if (!store->createFolder(address, name))
            return ImapResponse::no("Mailbox already exists");
        return ImapResponse::ok("CREATE completed");
    }

    ImapResponse remove(const ImapCommand &command)
    {
        if (!command.arguments.at(0).isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        const QString name = mailboxName(command.arguments.at(0));
        if (name == QLatin1String("INBOX"))
            return ImapResponse::no("Cannot delete INBOX");
        if (!store->deleteFolder(address, name))
            return ImapResponse::no(kNoMailbox);
        if (state == State::Selected && folder == name)
            setState(State::Authenticated);
        return ImapResponse::ok("DELETE completed");
    }

    ImapResponse rename(const ImapCommand &command)
    {
        if (!command.arguments.at(0).isAString() || !command.arguments.at(1).isAString() ||
            command.arguments.at(1).text.isEmpty())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        const QString from = mailboxName(command.arguments.at(0));
        const QString to = mailboxName(command.arguments.at(1));
        if (!store->hasFolder(address, from))
            return ImapResponse::no(kNoMailbox);
        if (!store->renameFolder(address, from, to))
            return ImapResponse::no("Mailbox already exists");
        QByteArray out;
        if (state == State::Selected && folder == from) {
            if (from == QLatin1String("INBOX"))
                out = synchronise(); // INBOX stays, emptied
            else
                setState(State::Authenticated);
        }
        return ImapResponse::ok("RENAME completed", out);
    }

    ImapResponse subscribe(const ImapCommand &command)
    {
        if (!command.arguments.at(0).isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        const QString name = mailboxName(command.arguments.at(0));
        const bool subscribing = command.verb == ImapVerb::Subscribe;
        if (subscribing && !store->hasFolder(address, name))
            return ImapResponse::no(kNoMailbox);
        store->setSubscribed(address, name, subscribing);
        return ImapResponse::ok(command.name + " completed");
    }

    ImapResponse list(const ImapCommand &command)
    {
        const ImapArg &reference = command.arguments.at(0);
        const ImapArg &pattern = command.arguments.at(1);
        if (!reference.isAString() || !pattern.isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        const bool lsub = command.verb == ImapVerb::Lsub;
        const QByteArray kind = lsub ? "LSUB" : "LIST";
        if (pattern.text.isEmpty()) {
            // Section 6.3.8: an empty pattern asks for the delimiter.
            return ImapResponse::ok(kind + " completed", untagged(kind + " (\\Noselect) \"" +
                                                                  kHierarchyDelimiter + "\" \"\""));
        }
        const QString full = QString::fromUtf8(reference.text + pattern.text);
        QStringList names;
        if (lsub) {
            names = store->subscriptions(address);
        } else if (const MailAccount *account = store->account(address)) {
            names = account->folders.keys();
        }
        // INBOX first, then the others in order.
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            if ((a == QLatin1String("INBOX")) != (b == QLatin1String("INBOX")))
                return a == QLatin1String("INBOX");
            return a < b;
        });
        QByteArray out;
        for (const QString &name : std::as_const(names)) {
            if (matchesMailbox(name, full)) {
                out += untagged(kind + " () \"" + kHierarchyDelimiter + "\" " +
                                imapAString(name.toUtf8()));
            }
        }
        return ImapResponse::ok(kind + " completed", out);
    }

    ImapResponse status(const ImapCommand &command)
    {
        const ImapArg &mailbox = command.arguments.at(0);
        const ImapArg &items = command.arguments.at(1);
        if (!mailbox.isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        static const QByteArrayList kItems = {"MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY",
                                              "UNSEEN"};
        if (!items.isList() || items.items.isEmpty())
            return ImapResponse::bad(ImapCommandError::InvalidStatusItem);
        for (const ImapArg &item : items.items) {
            if (!item.isAtom() || !kItems.contains(item.text.toUpper()))
                return ImapResponse::bad(ImapCommandError::InvalidStatusItem);
        }
        const QString name = mailboxName(mailbox);
        const MailAccount *account = store->account(address);
        const auto found = account->folders.constFind(name);
        if (found == account->folders.constEnd())
            return ImapResponse::no(kNoMailbox);
        const quint32 recentFrom = store->recentFrom(address, name);
        qint64 recentCount = 0;
        qint64 unseen = 0;
        for (const StoredMessage &stored : found->messages) {
            recentCount += stored.uid >= recentFrom ? 1 : 0;
            unseen += hasFlag(stored, kSeen) ? 0 : 1;
        }
        // This session's own \Recent messages count too.
        if (state == State::Selected && folder == name)
            recentCount += recent.size();
        QByteArray values;
        for (const ImapArg &item : items.items) {
            const QByteArray key = item.text.toUpper();
            qint64 value = 0;
            if (key == "MESSAGES")
                value = qint64(found->messages.size());
            else if (key == "RECENT")
                value = recentCount;
            else if (key == "UIDNEXT")
                value = found->uidNext;
            else if (key == "UIDVALIDITY")
                value = found->uidValidity;
            else
                value = unseen;
            values += (values.isEmpty() ? "" : " ") + key + ' ' + QByteArray::number(value);
        }
        return ImapResponse::ok(
            "STATUS completed",
            untagged("STATUS " + imapAString(name.toUtf8()) + " (" + values + ")"));
    }

    ImapResponse append(const ImapCommand &command)
    {
        // Section 6.3.11: mailbox [flag-list] [date-time] literal.
        const QList<ImapArg> &arguments = command.arguments;
        const ImapArg &content = arguments.last();
        if (!arguments.first().isAString() || !content.isString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        QStringList flags;
        SimTime arrived = now;
        for (qsizetype index = 1; index + 1 < arguments.size(); ++index) {
            const ImapArg &argument = arguments.at(index);
            if (argument.isList() && index == 1) {
                if (!isImapFlagList(argument.items))
                    return ImapResponse::bad(ImapCommandError::InvalidFlag);
                flags = flagsOf(argument.items);
            } else if (argument.isString()) {
                const auto when = imapmessage::parseDateTime(argument.text);
                if (!when)
                    return ImapResponse::bad(ImapCommandError::InvalidDate);
                arrived = *when;
            } else {
                return ImapResponse::bad(ImapCommandError::InvalidArgument);
            }
        }
        const QString name = mailboxName(arguments.first());
        if (!store->hasFolder(address, name))
            return ImapResponse::no(kTryCreate);
        store->append(address, name, content.text, flags, arrived);
        return ImapResponse::ok("APPEND completed", synchronise());
    }

    ImapResponse idle(const ImapCommand &command)
    {
        // RFC 2177: "+ idling", updates while idle, then DONE.
        mode = Mode::Idle;
        pendingTag = command.tag;
        ImapResponse waiting;
        waiting.untagged = synchronise() + "+ idling\r\n";
        waiting.pending = true;
        return waiting;
    }

    // --- selected (section 6.4) ---

    ImapResponse check(const ImapCommand &)
    {
        return ImapResponse::ok("CHECK completed", synchronise());
    }

    ImapResponse close(const ImapCommand &)
    {
        // Section 6.4.2: \Deleted messages go silently, unless the mailbox is read-only.
        if (!readOnly)
            store->expunge(address, folder);
        setState(State::Authenticated);
        return ImapResponse::ok("CLOSE completed");
    }

    ImapResponse expunge(const ImapCommand &)
    {
        if (readOnly)
            return ImapResponse::no(kReadOnly);
        store->expunge(address, folder);
        return ImapResponse::ok("EXPUNGE completed", synchronise());
    }

    bool matches(const ImapSearchKey &key, int number, const StoredMessage &stored) const
    {
        const QByteArray &name = key.name;
        auto headerContains = [&](const char *field) {
            return rfc5322::headerValue(stored.raw, QLatin1String(field))
                .contains(QString::fromUtf8(key.text), Qt::CaseInsensitive);
        };
        auto contains = [&](const QByteArray &text) {
            return text.toLower().contains(key.text.toLower());
        };
        const bool isRecent = recent.contains(stored.uid);
        if (name == "AND") {
            return std::all_of(
                key.children.cbegin(), key.children.cend(),
                [&](const ImapSearchKey &child) { return matches(child, number, stored); });
        }
        if (name == "NOT")
            return !matches(key.children.first(), number, stored);
        if (name == "OR")
            return matches(key.children.at(0), number, stored) ||
                   matches(key.children.at(1), number, stored);
        if (name == "ALL")
            return true;
        static const QList<QPair<QByteArray, QString>> kFlagKeys = {
            {"ANSWERED", QStringLiteral("\\Answered")},
            {"DELETED", kDeleted},
            {"DRAFT", QStringLiteral("\\Draft")},
            {"FLAGGED", QStringLiteral("\\Flagged")},
            {"SEEN", kSeen},
        };
        for (const auto &[word, flag] : kFlagKeys) {
            if (name == word)
                return hasFlag(stored, flag);
            if (name == "UN" + word)
                return !hasFlag(stored, flag);
        }
        if (name == "NEW")
            return isRecent && !hasFlag(stored, kSeen);
        if (name == "OLD")
            return !isRecent;
        if (name == "RECENT")
            return isRecent;
        if (name == "KEYWORD")
            return hasFlag(stored, QString::fromUtf8(key.text));
        if (name == "UNKEYWORD")
            return !hasFlag(stored, QString::fromUtf8(key.text));
        if (name == "FROM" || name == "TO" || name == "CC" || name == "BCC" || name == "SUBJECT")
            return headerContains(name.constData());
        if (name == "HEADER") {
            for (const HeaderField &field : rfc5322::parseHeaders(stored.raw)) {
                if (field.first.compare(QString::fromUtf8(key.field), Qt::CaseInsensitive) == 0 &&
                    field.second.contains(QString::fromUtf8(key.text), Qt::CaseInsensitive))
                    return true;
            }
            return false;
        }
        if (name == "BODY")
            return contains(rfc5322::body(stored.raw));
        if (name == "TEXT")
            return contains(stored.raw);
        const qint64 size = imapmessage::canonical(stored.raw).size();
        if (name == "LARGER")
            return size > key.number;
        if (name == "SMALLER")
            return size < key.number;
        const qint64 day = imapmessage::dayOf(stored.arrived);
        if (name == "BEFORE")
            return day < key.number;
        if (name == "ON")
            return day == key.number;
        if (name == "SINCE")
            return day >= key.number;
        if (name == "UID")
            return key.set.contains(stored.uid, uids.isEmpty() ? 0 : uids.last());
        if (name == "SET")
            return key.set.contains(quint32(number), quint32(uids.size()));
        return false;
    }

    ImapResponse search(const ImapCommand &command)
    {
        int from = 0;
        const QList<ImapArg> &arguments = command.arguments;
        if (arguments.first().isAtom() && arguments.first().text.toUpper() == "CHARSET") {
            if (arguments.size() < 3 || !arguments.at(1).isAString())
                return ImapResponse::bad(ImapCommandError::InvalidSearchKey);
            const QByteArray charset = arguments.at(1).text.toUpper();
            if (charset != "US-ASCII" && charset != "UTF-8")
                return ImapResponse::no("[BADCHARSET (US-ASCII UTF-8)] Unsupported charset");
            from = 2;
        }
        const auto keys = parseImapSearchKeys(arguments, from);
        if (!keys)
            return ImapResponse::bad(ImapCommandError::InvalidSearchKey);
        QByteArray line = "SEARCH";
        for (int index = 0; index < uids.size(); ++index) {
            const StoredMessage *stored = message(uids.at(index));
            if (stored && matches(*keys, index + 1, *stored))
                line += ' ' + QByteArray::number(command.uid ? stored->uid : quint32(index + 1));
        }
        return ImapResponse::ok(command.name + " completed", untagged(line));
    }

    QByteArray fetchItem(const ImapFetchItem &item, const StoredMessage &stored,
                         const QByteArray &canonical) const
    {
        using Kind = ImapFetchItem::Kind;
        auto literal = [](const QByteArray &bytes) {
            return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
        };
        switch (item.kind) {
        case Kind::Flags:
            return "FLAGS " + flagList(stored);
        case Kind::Uid:
            return "UID " + QByteArray::number(stored.uid);
        case Kind::InternalDate:
            return "INTERNALDATE \"" + imapmessage::internalDate(stored.arrived) + '"';
        case Kind::Rfc822Size:
            return "RFC822.SIZE " + QByteArray::number(canonical.size());
        case Kind::Envelope:
            return "ENVELOPE " + imapmessage::envelope(canonical);
        case Kind::BodyStructure:
            return "BODYSTRUCTURE " + imapmessage::bodyStructure(canonical);
        case Kind::BodyShape:
            return "BODY " + imapmessage::bodyStructure(canonical);
        case Kind::Rfc822:
            return "RFC822 " + literal(canonical);
        case Kind::Rfc822Header:
            return "RFC822.HEADER " +
                   literal(canonical.left(canonical.indexOf("\r\n\r\n") < 0
                                              ? canonical.size()
                                              : canonical.indexOf("\r\n\r\n") + 4));
        case Kind::Rfc822Text:
            return "RFC822.TEXT " + literal(rfc5322::body(canonical));
        case Kind::Body: {
            QByteArray data = imapmessage::section(canonical, item).value_or(QByteArray());
            QByteArray name = "BODY[" + item.section + ']';
            if (item.partialStart >= 0) {
                // Section 6.4.5: the answer names the origin only.
                data = data.mid(item.partialStart, item.partialLength);
                name += '<' + QByteArray::number(item.partialStart) + '>';
            }
            return name + ' ' + literal(data);
        }
        }
        return {};
    }

    ImapResponse fetch(const ImapCommand &command)
    {
        const ImapArg &setArgument = command.arguments.at(0);
        const auto set =
            setArgument.isAtom() ? parseImapSequenceSet(setArgument.text) : std::nullopt;
        if (!set)
            return ImapResponse::bad(ImapCommandError::InvalidSequenceSet);
        auto items = parseImapFetchItems(command.arguments.at(1));
        if (!items)
            return ImapResponse::bad(ImapCommandError::InvalidFetchItem);
        QList<int> numbers;
        if (!resolve(*set, command.uid, &numbers))
            return ImapResponse::bad(kBadSequence);
        using Kind = ImapFetchItem::Kind;
        const auto wants = [&](Kind kind) {
            return std::any_of(items->cbegin(), items->cend(),
                               [kind](const ImapFetchItem &item) { return item.kind == kind; });
        };
        // Section 6.4.8: UID FETCH answers always carry the UID.
        if (command.uid && !wants(Kind::Uid)) {
            ImapFetchItem uid;
            uid.kind = Kind::Uid;
            items->prepend(uid);
        }
        // Section 6.4.5: BODY[...] without PEEK, RFC822 and RFC822.TEXT set \Seen.
        const bool setsSeen =
            std::any_of(items->cbegin(), items->cend(), [](const ImapFetchItem &item) {
                return (item.kind == Kind::Body && !item.peek) || item.kind == Kind::Rfc822 ||
                       item.kind == Kind::Rfc822Text;
            });
        QByteArray out;
        for (int number : std::as_const(numbers)) {
            const StoredMessage *stored = message(uids.at(number - 1));
            if (!stored)
                continue; // expunged by another session; not reported during FETCH
            bool flagsChanged = false;
            if (setsSeen && !readOnly && !hasFlag(*stored, kSeen)) {
                store->setFlags(address, folder, stored->uid,
                                normalisedFlags(stored->flags + QStringList{kSeen}));
                flagsChanged = true;
            }
            const QByteArray canonical = imapmessage::canonical(stored->raw);
            QByteArray line;
            for (const ImapFetchItem &item : std::as_const(*items))
                line += (line.isEmpty() ? "" : " ") + fetchItem(item, *stored, canonical);
            // The client learns of the new \Seen even when it did not ask for FLAGS.
            if (flagsChanged && !wants(Kind::Flags))
                line += " FLAGS " + flagList(*stored);
            out += untagged(QByteArray::number(number) + " FETCH (" + line + ')');
        }
        return ImapResponse::ok(command.name + " completed", out);
    }

    ImapResponse storeFlags(const ImapCommand &command)
    {
        const QList<ImapArg> &arguments = command.arguments;
        const auto set =
            arguments.at(0).isAtom() ? parseImapSequenceSet(arguments.at(0).text) : std::nullopt;
        if (!set)
            return ImapResponse::bad(ImapCommandError::InvalidSequenceSet);
        // Section 6.4.6: ["+" / "-"] "FLAGS" [".SILENT"], then a list or flags.
        QByteArray item = arguments.at(1).isAtom() ? arguments.at(1).text.toUpper() : QByteArray();
        const bool silent = item.endsWith(".SILENT");
        if (silent)
            item.chop(7);
        const char how = item.startsWith('+') ? '+' : item.startsWith('-') ? '-' : '=';
        if (how != '=')
            item.remove(0, 1);
        if (item != "FLAGS")
            return ImapResponse::bad(ImapCommandError::InvalidStoreItem);
        const QList<ImapArg> flagArguments = arguments.size() == 3 && arguments.at(2).isList()
                                                 ? arguments.at(2).items
                                                 : arguments.mid(2);
        if (!isImapFlagList(flagArguments))
            return ImapResponse::bad(ImapCommandError::InvalidFlag);
        QList<int> numbers;
        if (!resolve(*set, command.uid, &numbers))
            return ImapResponse::bad(kBadSequence);
        if (readOnly)
            return ImapResponse::no(kReadOnly);
        const QStringList flags = flagsOf(flagArguments);
        QByteArray out;
        for (int number : std::as_const(numbers)) {
            const StoredMessage *stored = message(uids.at(number - 1));
            if (!stored)
                continue;
            QStringList next = how == '=' ? flags : stored->flags;
            for (const QString &flag : flags) {
                if (how == '+')
                    next.append(flag);
                else if (how == '-')
                    next.removeAll(flag);
            }
            store->setFlags(address, folder, stored->uid, normalisedFlags(next));
            if (!silent) {
                out += untagged(
                    QByteArray::number(number) + " FETCH (" +
                    (command.uid ? "UID " + QByteArray::number(stored->uid) + ' ' : QByteArray()) +
                    "FLAGS " + flagList(*stored) + ')');
            }
        }
        return ImapResponse::ok(command.name + " completed", out);
    }

    ImapResponse copy(const ImapCommand &command)
    {
        const QList<ImapArg> &arguments = command.arguments;
        const auto set =
            arguments.at(0).isAtom() ? parseImapSequenceSet(arguments.at(0).text) : std::nullopt;
        if (!set)
            return ImapResponse::bad(ImapCommandError::InvalidSequenceSet);
        if (!arguments.at(1).isAString())
            return ImapResponse::bad(ImapCommandError::InvalidArgument);
        QList<int> numbers;
        if (!resolve(*set, command.uid, &numbers))
            return ImapResponse::bad(kBadSequence);
        const QString target = mailboxName(arguments.at(1));
        if (!store->hasFolder(address, target))
            return ImapResponse::no(kTryCreate);
        // Copy first, then append: appending to the selected folder may move its messages.
        std::vector<StoredMessage> copies;
        for (int number : std::as_const(numbers)) {
            if (const StoredMessage *stored = message(uids.at(number - 1)))
                copies.push_back(*stored);
        }
        for (const StoredMessage &stored : copies)
            store->append(address, target, stored.raw, stored.flags, stored.arrived);
        return ImapResponse::ok(command.name + " completed",
                                target == folder ? synchronise() : QByteArray());
    }
};

const ImapServerSession::Private::CommandEntry ImapServerSession::Private::kCommands[] = {
    {ImapVerb::Capability, kAny, &Private::capability},
    {ImapVerb::Noop, kAny, &Private::noop},
    {ImapVerb::Logout, kAny, &Private::logout},
    {ImapVerb::Login, kNotAuth, &Private::login},
    {ImapVerb::Authenticate, kNotAuth, &Private::authenticate},
    {ImapVerb::Select, kAuth | kSelected, &Private::select},
    {ImapVerb::Examine, kAuth | kSelected, &Private::select},
    {ImapVerb::Create, kAuth | kSelected, &Private::create},
    {ImapVerb::Delete, kAuth | kSelected, &Private::remove},
    {ImapVerb::Rename, kAuth | kSelected, &Private::rename},
    {ImapVerb::Subscribe, kAuth | kSelected, &Private::subscribe},
    {ImapVerb::Unsubscribe, kAuth | kSelected, &Private::subscribe},
    {ImapVerb::List, kAuth | kSelected, &Private::list},
    {ImapVerb::Lsub, kAuth | kSelected, &Private::list},
    {ImapVerb::Status, kAuth | kSelected, &Private::status},
    {ImapVerb::Append, kAuth | kSelected, &Private::append},
    {ImapVerb::Idle, kAuth | kSelected, &Private::idle},
    {ImapVerb::Check, kSelected, &Private::check},
    {ImapVerb::Close, kSelected, &Private::close},
    {ImapVerb::Expunge, kSelected, &Private::expunge},
    {ImapVerb::Search, kSelected, &Private::search},
    {ImapVerb::Fetch, kSelected, &Private::fetch},
    {ImapVerb::Store, kSelected, &Private::storeFlags},
    {ImapVerb::Copy, kSelected, &Private::copy},
};

QByteArray ImapServerSession::Private::handle(const ImapReaderEvent &event)
{
    switch (event.kind) {
    case ImapReaderEvent::Kind::LiteralWanted:
        // RFC 3501 section 7.5: the command continuation request.
        return QByteArrayLiteral("+ Ready for literal data\r\n");
    case ImapReaderEvent::Kind::LineTooLong:
        return reply(imapTagOf(event.text), ImapResponse::bad(ImapCommandError::LineTooLong),
                     false);
    case ImapReaderEvent::Kind::LiteralTooLarge:
        if (event.text.endsWith("+}")) {
            // RFC 7888 section 4: the octets are on their way and cannot be told from
            // commands, so the connection ends.
            setState(State::Logout);
            return untagged("BYE Literal too large");
        }
        return reply(imapTagOf(event.text), ImapResponse::bad(ImapCommandError::LiteralTooLarge),
                     false);
    case ImapReaderEvent::Kind::Command:
        if (mode != Mode::Commands)
            return handleContinuation(event.text);
        return handleCommand(event.text);
    }
    return {};
}

QByteArray ImapServerSession::Private::handleContinuation(const QByteArray &line)
{
    const QByteArray tag = std::exchange(pendingTag, QByteArray());
    const Mode was = std::exchange(mode, Mode::Commands);
    if (was == Mode::Authenticate) {
        const ImapResponse response = plainResponse(line.trimmed());
        return reply(tag, response, response.status == "NO");
    }
    // RFC 2177: DONE ends IDLE; anything else is an error.
    if (line.trimmed().toUpper() == "DONE")
        return reply(tag, ImapResponse::ok("IDLE terminated"), false);
    return reply(tag, ImapResponse::bad("Expected DONE"), false);
}

// Parses the command, checks it against the state, then runs it.
QByteArray ImapServerSession::Private::handleCommand(const QByteArray &text)
{
    const ImapParseResult parsed = parseImapCommand(text);
    if (!parsed.command)
        return reply(parsed.tag, ImapResponse::bad(parsed.error), false);
    const ImapCommand &command = *parsed.command;
    const int mask = state == State::NotAuthenticated ? kNotAuth
                     : state == State::Authenticated  ? kAuth
                                                      : kSelected;
    for (const CommandEntry &entry : kCommands) {
        if (entry.verb != command.verb)
            continue;
        if (!(entry.states & mask))
            return reply(command.tag, ImapResponse::bad(kNotValidInState), false);
        const ImapResponse response = (this->*entry.handler)(command);
        const bool failedLogin =
            (command.verb == ImapVerb::Login || command.verb == ImapVerb::Authenticate) &&
            response.status == "NO";
        return reply(command.tag, response, failedLogin);
    }
    return reply(command.tag, ImapResponse::bad(ImapCommandError::UnknownCommand), false);
}

ImapServerSession::ImapServerSession(ImapServerConfig config, MailboxStore *store)
    : d(std::make_unique<Private>(std::move(config), store))
{}

ImapServerSession::~ImapServerSession() = default;

QByteArray ImapServerSession::open()
{
    // RFC 3501 section 7.1.1: the greeting, with the capabilities as a response code.
    return untagged("OK [CAPABILITY " + kCapabilities + "] " + d->config.hostname.toUtf8() +
                    " IMAP4rev1 server ready");
}

QByteArray ImapServerSession::receive(const QByteArray &bytes)
{
    if (d->state == State::Logout)
        return {};
    d->reader.feed(bytes);
    QByteArray out;
    // Pipelined commands are answered in order; whatever follows LOGOUT is ignored.
    while (d->state != State::Logout) {
        const auto event = d->reader.next();
        if (!event)
            break;
        out += d->handle(*event);
    }
    if (d->state == State::Logout)
        d->reader.clear();
    return out;
}

bool ImapServerSession::closing() const
{
    return d->state == State::Logout;
}

ImapServerSession::State ImapServerSession::state() const
{
    return d->state;
}

void ImapServerSession::setTime(SimTime now)
{
    d->now = now;
}

} // namespace carteiro::core
