#include "core/pop3/pop3clientsession.h"

#include "core/pop3/pop3reply.h"

#include <QLoggingCategory>

namespace carteiro::core {

namespace {

// Off unless asked for (QT_LOGGING_RULES="carteiro.pop3.*.debug=true").
Q_LOGGING_CATEGORY(lcPop3Client, "carteiro.pop3.client", QtInfoMsg)

// What the client waits for; it acts on entering each state by sending the command.
enum class Step { Greeting, User, Pass, Stat, List, Retr, Dele, Quit, Done };

const char *stepName(Step step)
{
    switch (step) {
    case Step::Greeting:
        return "GREETING";
    case Step::User:
        return "USER";
    case Step::Pass:
        return "PASS";
    case Step::Stat:
        return "STAT";
    case Step::List:
        return "LIST";
    case Step::Retr:
        return "RETR";
    case Step::Dele:
        return "DELE";
    case Step::Quit:
        return "QUIT";
    case Step::Done:
        return "DONE";
    }
    return "?";
}

} // namespace

struct Pop3ClientSession::Private
{
    QString user;
    QString password;
    Mode mode = Mode::Delete;
    Finished finished;

    Step step = Step::Greeting;
    Pop3ReplyReader reader;
    Result result;
    bool reported = false;

    QList<quint32> numbers; // the messages LIST named, in order
    qsizetype current = 0;  // index into numbers of the message being fetched
    int marked = 0;         // DELE answered +OK; deleted only once QUIT succeeds
    QString failure;        // the first -ERR, reported when the session ends

    // The one place the step changes; entering a step sends its command.
    QByteArray enter(Step next)
    {
        qCDebug(lcPop3Client) << stepName(step) << "->" << stepName(next);
        step = next;
        switch (next) {
        case Step::Greeting:
        case Step::Done:
            return {};
        case Step::User:
            return send("USER " + user.toUtf8(), false);
        case Step::Pass:
            return send("PASS " + password.toUtf8(), false);
        case Step::Stat:
            return send("STAT", false);
        case Step::List:
            return send("LIST", true);
        case Step::Retr:
            return send("RETR " + QByteArray::number(numbers.at(current)), true);
        case Step::Dele:
            return send("DELE " + QByteArray::number(numbers.at(current)), false);
        case Step::Quit:
            return send("QUIT", false);
        }
        return {};
    }

    QByteArray send(const QByteArray &command, bool multiline)
    {
        reader.expect(multiline);
        return command + "\r\n";
    }

    // The next message, or QUIT when all are in.
    QByteArray fetchNext()
    {
        if (current < numbers.size())
            return enter(Step::Retr);
        return enter(Step::Quit);
    }

    // A -ERR after login: remember it and leave politely, so nothing marked is lost halfway.
    QByteArray fail(const Pop3Reply &reply)
    {
        failure = QString::fromUtf8(reply.statusLine());
        return enter(Step::Quit);
    }

    QByteArray handle(const Pop3Reply &reply)
    {
        switch (step) {
        case Step::Greeting:
            if (!reply.ok) {
                finish(false, QString::fromUtf8(reply.statusLine()));
                return enter(Step::Done);
            }
            return enter(Step::User);
        case Step::User:
        case Step::Pass:
            if (!reply.ok)
                return fail(reply);
            return enter(step == Step::User ? Step::Pass : Step::Stat);
        case Step::Stat:
            if (!reply.ok)
                return fail(reply);
            return enter(Step::List);
        case Step::List:
            if (!reply.ok)
                return fail(reply);
            // RFC 1939 section 5: each line is "msg octets".
            for (const QByteArray &line : reply.lines) {
                bool ok = false;
                const quint32 number = line.split(' ').value(0).toUInt(&ok);
                if (ok)
                    numbers.append(number);
            }
            current = 0;
            return fetchNext();
        case Step::Retr:
            if (!reply.ok)
                return fail(reply);
            {
                QByteArray message;
                for (const QByteArray &line : reply.lines)
                    message += line + "\r\n";
                result.messages.append(message);
            }
            if (mode == Mode::Delete)
                return enter(Step::Dele);
            ++current;
            return fetchNext();
        case Step::Dele:
            if (!reply.ok)
                return fail(reply);
            ++marked;
            ++current;
            return fetchNext();
        case Step::Quit:
            // RFC 1939 section 6: the marked messages are gone only if QUIT succeeds.
            if (reply.ok && failure.isEmpty()) {
                result.deleted = marked;
                finish(true, {});
            } else {
                if (reply.ok)
                    result.deleted = marked;
                finish(false, failure.isEmpty() ? QString::fromUtf8(reply.statusLine()) : failure);
            }
            return enter(Step::Done);
        case Step::Done:
            return {};
        }
        return {};
    }

    // Reports the outcome exactly once.
    void finish(bool ok, const QString &error)
    {
        if (reported)
            return;
        reported = true;
        result.ok = ok;
        result.error = error;
        if (finished)
            finished(result);
    }
};

Pop3ClientSession::Pop3ClientSession(QString user, QString password, Mode mode, Finished finished)
    : d(std::make_unique<Private>())
{
    d->user = std::move(user);
    d->password = std::move(password);
    d->mode = mode;
    d->finished = std::move(finished);
    d->reader.expect(false); // the greeting is one line (RFC 1939 section 4)
}

Pop3ClientSession::~Pop3ClientSession() = default;

QByteArray Pop3ClientSession::receive(const QByteArray &bytes)
{
    if (d->step == Step::Done)
        return {};
    d->reader.feed(bytes);
    QByteArray out;
    while (d->step != Step::Done) {
        const auto reply = d->reader.next();
        if (!reply)
            break;
        out += d->handle(*reply);
    }
    if (d->reader.failed() && d->step != Step::Done) {
        d->finish(false, QStringLiteral("line from server too long"));
        d->enter(Step::Done);
    }
    return out;
}

bool Pop3ClientSession::closing() const
{
    return d->step == Step::Done;
}

void Pop3ClientSession::connectFailed(const QString &reason)
{
    d->finish(false, reason);
    d->enter(Step::Done);
}

void Pop3ClientSession::connectionLost()
{
    // Without a QUIT answered nothing was deleted (RFC 1939 section 6).
    if (d->step == Step::Done)
        return;
    d->result.deleted = 0;
    d->finish(false, d->failure.isEmpty() ? QStringLiteral("connection lost") : d->failure);
    d->enter(Step::Done);
}

const Pop3ClientSession::Result &Pop3ClientSession::result() const
{
    return d->result;
}

} // namespace carteiro::core
