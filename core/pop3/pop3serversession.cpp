#include "core/pop3/pop3serversession.h"

#include "core/mailbox/mailboxstore.h"
#include "core/pop3/pop3command.h"
#include "core/pop3/pop3reply.h"

#include <QLoggingCategory>

#include <utility>
#include <vector>

namespace carteiro::core {

namespace {

// Off unless asked for (QT_LOGGING_RULES="carteiro.pop3.*.debug=true").
Q_LOGGING_CATEGORY(lcPop3Server, "carteiro.pop3.server", QtInfoMsg)

using State = Pop3ServerSession::State;

// The wording of the course notes (seed 000) where they have one.
const QByteArray kGreeting = QByteArrayLiteral("POP3 server ready");
const QByteArray kLoggedOn = QByteArrayLiteral("user successfully logged on");
const QByteArray kSigningOff = QByteArrayLiteral("POP3 server signing off");
// One answer for an unknown user and a wrong password, so PASS does not tell which users
// exist. [AUTH] is the response code of RFC 3206 section 4.
const QByteArray kAuthFailed = QByteArrayLiteral("[AUTH] invalid user name or password");
// RFC 2449 section 8.1.2: [IN-USE] says another session holds the maildrop's lock.
const QByteArray kInUse = QByteArrayLiteral("[IN-USE] maildrop already locked");
const QByteArray kTooManyErrors = QByteArrayLiteral("too many errors");

const char *stateName(State state)
{
    switch (state) {
    case State::Authorization:
        return "AUTHORIZATION";
    case State::Transaction:
        return "TRANSACTION";
    case State::Update:
        return "UPDATE";
    case State::Closed:
        return "CLOSED";
    }
    return "?";
}

// A message as this session sees it: the maildrop is snapshot at PASS, and deletions are only
// marks until UPDATE (RFC 1939 section 5).
struct MaildropEntry
{
    quint32 uid = 0;
    QByteArray message; // CRLF line ends, as sent by RETR
    bool deleted = false;
};

} // namespace

struct Pop3ServerSession::Private
{
    using Handler = Pop3Reply (Private::*)(const Pop3Command &);

    // Which state accepts each command, and what it does (RFC 1939 sections 4 to 7,
    // RFC 2449 section 5 for CAPA).
    struct CommandEntry
    {
        Pop3Verb verb;
        bool inAuthorization;
        bool inTransaction;
        Handler handler;
    };
    static const CommandEntry kCommands[];

    Pop3ServerConfig config;
    MailboxStore *store = nullptr;
    State state = State::Authorization;
    Pop3LineFramer framer{Pop3Limits::kMaxCommandLine};
    int errors = 0;

    QString pendingUser; // the mailbox named by USER, waiting for PASS
    QString address;     // the maildrop this session has locked, empty when none
    quint32 uidValidity = 1;
    std::vector<MaildropEntry> maildrop;

    Private(Pop3ServerConfig serverConfig, MailboxStore *mailboxStore)
        : config(std::move(serverConfig)), store(mailboxStore)
    {}

    // The one place the state changes. Leaving TRANSACTION gives the lock back, whether by
    // QUIT (through UPDATE) or by a close without it (RFC 1939 section 6).
    void setState(State next)
    {
        if (next == state)
            return;
        qCDebug(lcPop3Server) << stateName(state) << "->" << stateName(next);
        const State previous = state;
        state = next;
        if ((previous == State::Transaction || previous == State::Update) && next != State::Update)
            releaseLock();
    }

    void releaseLock()
    {
        if (address.isEmpty())
            return;
        if (store)
            store->unlock(address);
        address.clear();
    }

    // The one place replies are written. Every -ERR counts; at the limit the reply becomes
    // "too many errors" and the session closes, keeping marked messages (no UPDATE).
    QByteArray reply(Pop3Reply answer)
    {
        if (!answer.ok && config.hardErrorLimit > 0 && ++errors >= config.hardErrorLimit) {
            answer = Pop3Reply::negative(kTooManyErrors);
            setState(State::Closed);
        }
        return answer.toWire();
    }

    QByteArray handleLine(const Pop3Line &line);

    // "bob" is bob at this host's first local domain; "bob@domain" is taken as it is.
    QString mailboxAddress(const QString &user) const
    {
        if (user.contains(QLatin1Char('@')))
            return user.toLower();
        const QString domain =
            config.localDomains.isEmpty() ? config.hostname : config.localDomains.first();
        return (user + QLatin1Char('@') + domain).toLower();
    }

    // The message a number names, or the -ERR to answer (RFC 1939 section 5: a number
    // never refers to a message marked as deleted).
    MaildropEntry *findMessage(quint32 number, Pop3Reply *error)
    {
        if (number < 1 || number > maildrop.size()) {
            *error = Pop3Reply::negative("no such message, only " +
                                         QByteArray::number(qulonglong(maildrop.size())) +
                                         " messages in maildrop");
            return nullptr;
        }
        MaildropEntry &entry = maildrop[number - 1];
        if (entry.deleted) {
            *error =
                Pop3Reply::negative("message " + QByteArray::number(number) + " already deleted");
            return nullptr;
        }
        return &entry;
    }

    // How many messages are not marked as deleted, and their octets (RFC 1939 section 5).
    std::pair<qint64, qint64> totals() const
    {
        qint64 count = 0;
        qint64 octets = 0;
        for (const MaildropEntry &entry : maildrop) {
            if (!entry.deleted) {
                ++count;
                octets += entry.message.size();
            }
        }
        return {count, octets};
    }

    QByteArray dropListing() const
    {
        const auto [count, octets] = totals();
        return QByteArray::number(count) + " messages (" + QByteArray::number(octets) + " octets)";
    }

    QByteArray uniqueId(const MaildropEntry &entry) const
    {
        // RFC 1939 section 7: 1 to 70 characters from 0x21 to 0x7E, the same for the same
        // message in every session. The folder's UIDVALIDITY and the UID are just that.
        return QByteArray::number(uidValidity) + '.' + QByteArray::number(entry.uid);
    }

    // --- AUTHORIZATION (RFC 1939 section 7, USER and PASS) ---

    Pop3Reply user(const Pop3Command &command)
    {
        // Any name gets +OK, as in the course notes; PASS alone says whether it was right.
        pendingUser = mailboxAddress(QString::fromUtf8(command.arguments.first()));
        return Pop3Reply::positive();
    }

    Pop3Reply pass(const Pop3Command &command)
    {
        if (pendingUser.isEmpty())
            return Pop3Reply::negative("send USER first");
        const QString candidate = std::exchange(pendingUser, QString());
        const QString password = QString::fromUtf8(command.arguments.first());
        const MailAccount *account = store ? store->account(candidate) : nullptr;
        if (!account || account->password != password)
            return Pop3Reply::negative(kAuthFailed);
        // RFC 1939 section 4: the server takes an exclusive lock on the maildrop.
        if (!store->lock(candidate))
            return Pop3Reply::negative(kInUse);
        address = candidate;

        // The session works on the maildrop as it is now: later arrivals wait for the next.
        maildrop.clear();
        const auto inbox = account->folders.constFind(QStringLiteral("INBOX"));
        if (inbox != account->folders.constEnd()) {
            uidValidity = inbox->uidValidity;
            for (const StoredMessage &stored : inbox->messages)
                maildrop.push_back({stored.uid, pop3CanonicalMessage(stored.raw), false});
        }
        setState(State::Transaction);
        return Pop3Reply::positive(kLoggedOn);
    }

    Pop3Reply quit(const Pop3Command &)
    {
        // RFC 1939 section 6: QUIT in TRANSACTION enters UPDATE, which removes the marked
        // messages; in AUTHORIZATION it just ends the session (section 4).
        if (state == State::Transaction) {
            setState(State::Update);
            QSet<quint32> marked;
            for (const MaildropEntry &entry : maildrop) {
                if (entry.deleted)
                    marked.insert(entry.uid);
            }
            if (!marked.isEmpty() && store)
                store->remove(address, QStringLiteral("INBOX"), marked);
        }
        setState(State::Closed);
        return Pop3Reply::positive(kSigningOff);
    }

    // --- TRANSACTION (RFC 1939 section 5, RFC 1939 section 7 for TOP and UIDL) ---

    Pop3Reply stat(const Pop3Command &)
    {
        const auto [count, octets] = totals();
        return Pop3Reply::positive(QByteArray::number(count) + ' ' + QByteArray::number(octets));
    }

    Pop3Reply list(const Pop3Command &command)
    {
        if (!command.numbers.isEmpty()) {
            Pop3Reply error;
            const quint32 number = command.numbers.first();
            const MaildropEntry *entry = findMessage(number, &error);
            if (!entry)
                return error;
            return Pop3Reply::positive(QByteArray::number(number) + ' ' +
                                       QByteArray::number(entry->message.size()));
        }
        QByteArrayList lines;
        for (std::size_t index = 0; index < maildrop.size(); ++index) {
            if (!maildrop[index].deleted) {
                lines.append(QByteArray::number(qulonglong(index + 1)) + ' ' +
                             QByteArray::number(maildrop[index].message.size()));
            }
        }
        return Pop3Reply::listing(dropListing(), lines);
    }

    Pop3Reply retr(const Pop3Command &command)
    {
        Pop3Reply error;
        const MaildropEntry *entry = findMessage(command.numbers.first(), &error);
        if (!entry)
            return error;
        return Pop3Reply::listing(QByteArray::number(entry->message.size()) + " octets",
                                  pop3MessageLines(entry->message));
    }

    Pop3Reply dele(const Pop3Command &command)
    {
        Pop3Reply error;
        const quint32 number = command.numbers.first();
        MaildropEntry *entry = findMessage(number, &error);
        if (!entry)
            return error;
        entry->deleted = true;
        return Pop3Reply::positive("message " + QByteArray::number(number) + " deleted");
    }

    Pop3Reply noop(const Pop3Command &) { return Pop3Reply::positive(); }

    Pop3Reply rset(const Pop3Command &)
    {
        for (MaildropEntry &entry : maildrop)
            entry.deleted = false;
        return Pop3Reply::positive("maildrop has " + dropListing());
    }

    Pop3Reply top(const Pop3Command &command)
    {
        Pop3Reply error;
        const MaildropEntry *entry = findMessage(command.numbers.at(0), &error);
        if (!entry)
            return error;
        // The header, the blank line after it, then at most n lines of the body.
        const QByteArrayList all = pop3MessageLines(entry->message);
        QByteArrayList lines;
        qsizetype index = 0;
        for (; index < all.size(); ++index) {
            lines.append(all.at(index));
            if (all.at(index).isEmpty()) {
                ++index;
                break;
            }
        }
        const quint32 bodyLines = command.numbers.at(1);
        for (quint32 taken = 0; index < all.size() && taken < bodyLines; ++index, ++taken)
            lines.append(all.at(index));
        return Pop3Reply::listing(QByteArrayLiteral("top of message follows"), lines);
    }

    Pop3Reply uidl(const Pop3Command &command)
    {
        if (!command.numbers.isEmpty()) {
            Pop3Reply error;
            const quint32 number = command.numbers.first();
            const MaildropEntry *entry = findMessage(number, &error);
            if (!entry)
                return error;
            return Pop3Reply::positive(QByteArray::number(number) + ' ' + uniqueId(*entry));
        }
        QByteArrayList lines;
        for (std::size_t index = 0; index < maildrop.size(); ++index) {
            if (!maildrop[index].deleted) {
                lines.append(QByteArray::number(qulonglong(index + 1)) + ' ' +
                             uniqueId(maildrop[index]));
            }
        }
        return Pop3Reply::listing(QByteArrayLiteral("unique-id listing follows"), lines);
    }

    Pop3Reply capa(const Pop3Command &)
    {
        // RFC 2449 section 6; AUTH-RESP-CODE is RFC 3206 section 6, for the [AUTH] code.
        return Pop3Reply::listing(QByteArrayLiteral("Capability list follows"),
                                  {"USER", "TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE",
                                   "PIPELINING", "IMPLEMENTATION Carteiro"});
    }
};

const Pop3ServerSession::Private::CommandEntry Pop3ServerSession::Private::kCommands[] = {
    {Pop3Verb::User, true, false, &Private::user}, {Pop3Verb::Pass, true, false, &Private::pass},
    {Pop3Verb::Quit, true, true, &Private::quit},  {Pop3Verb::Capa, true, true, &Private::capa},
    {Pop3Verb::Stat, false, true, &Private::stat}, {Pop3Verb::List, false, true, &Private::list},
    {Pop3Verb::Retr, false, true, &Private::retr}, {Pop3Verb::Dele, false, true, &Private::dele},
    {Pop3Verb::Noop, false, true, &Private::noop}, {Pop3Verb::Rset, false, true, &Private::rset},
    {Pop3Verb::Top, false, true, &Private::top},   {Pop3Verb::Uidl, false, true, &Private::uidl},
};

// Parses the line, checks the command against the state, then runs it.
QByteArray Pop3ServerSession::Private::handleLine(const Pop3Line &line)
{
    const Pop3ParseResult parsed = parsePop3Line(line);
    if (!parsed.command)
        return reply(Pop3Reply::negative(pop3CommandErrorText(parsed.error)));
    const Pop3Command &command = *parsed.command;
    for (const CommandEntry &entry : kCommands) {
        if (entry.verb != command.verb)
            continue;
        const bool allowed = (state == State::Authorization && entry.inAuthorization) ||
                             (state == State::Transaction && entry.inTransaction);
        if (!allowed) {
            return reply(Pop3Reply::negative(command.keyword + " not valid in " + stateName(state) +
                                             " state"));
        }
        return reply((this->*entry.handler)(command));
    }
    return reply(Pop3Reply::negative(pop3CommandErrorText(Pop3CommandError::UnknownCommand)));
}

Pop3ServerSession::Pop3ServerSession(Pop3ServerConfig config, MailboxStore *store)
    : d(std::make_unique<Private>(std::move(config), store))
{}

Pop3ServerSession::~Pop3ServerSession()
{
    // A connection lost in TRANSACTION never reaches UPDATE: marked messages stay
    // (RFC 1939 section 6), only the lock is given back.
    d->releaseLock();
}

QByteArray Pop3ServerSession::open()
{
    // RFC 1939 section 4: the greeting, then AUTHORIZATION.
    return Pop3Reply::positive(kGreeting).toWire();
}

QByteArray Pop3ServerSession::receive(const QByteArray &bytes)
{
    if (d->state == State::Closed)
        return {};
    d->framer.feed(bytes);
    QByteArray out;
    // Pipelined commands (RFC 2449 section 6.6) are answered in order; whatever follows the
    // command that closed the session is ignored.
    while (d->state != State::Closed) {
        const auto line = d->framer.next();
        if (!line)
            break;
        out += d->handleLine(*line);
    }
    return out;
}

bool Pop3ServerSession::closing() const
{
    return d->state == State::Closed;
}

Pop3ServerSession::State Pop3ServerSession::state() const
{
    return d->state;
}

} // namespace carteiro::core
