#include "core/imap/imapclientsession.h"

#include "core/imap/imapcommand.h"

#include <QLoggingCategory>

namespace carteiro::core {

namespace {

// Off unless asked for (QT_LOGGING_RULES="carteiro.imap.*.debug=true").
Q_LOGGING_CATEGORY(lcImapClient, "carteiro.imap.client", QtInfoMsg)

// What the client waits for; it acts on entering each step by sending the command.
enum class Step { Greeting, Login, Select, Fetch, Logout, Done };

const char *stepName(Step step)
{
    switch (step) {
    case Step::Greeting:
        return "GREETING";
    case Step::Login:
        return "LOGIN";
    case Step::Select:
        return "SELECT";
    case Step::Fetch:
        return "FETCH";
    case Step::Logout:
        return "LOGOUT";
    case Step::Done:
        return "DONE";
    }
    return "?";
}

} // namespace

struct ImapClientSession::Private
{
    QString user;
    QString password;
    Mode mode = Mode::Keep;
    Finished finished;
    QString mailbox;
    quint32 uid = 0; // 0: every message

    Step step = Step::Greeting;
    ImapCommandReader reader{ImapLimits::kMaxClientLine, ImapLimits::kMaxClientLiteral};
    Result result;
    bool reported = false;
    int counter = 0;
    QByteArray tag;    // of the command in flight
    qint64 exists = 0; // from SELECT's * n EXISTS
    QString failure;   // the first NO or BAD, reported when the session ends

    // The one place the step changes; entering a step sends its command.
    QByteArray enter(Step next)
    {
        qCDebug(lcImapClient) << stepName(step) << "->" << stepName(next);
        step = next;
        switch (next) {
        case Step::Greeting:
        case Step::Done:
            return {};
        case Step::Login:
            return send("LOGIN " + imapClientAString(user.toUtf8()) + ' ' +
                        imapClientAString(password.toUtf8()));
        case Step::Select:
            return send("SELECT " + imapClientAString(mailbox.toUtf8()));
        case Step::Fetch: {
            const QByteArray section = mode == Mode::Read      ? "BODY[]"
                                       : mode == Mode::Headers ? "BODY.PEEK[HEADER]"
                                                               : "BODY.PEEK[]";
            const QByteArray set = uid ? "UID FETCH " + QByteArray::number(uid) : "FETCH 1:*";
            return send(set + " (UID FLAGS " + section + ')');
        }
        case Step::Logout:
            return send("LOGOUT");
        }
        return {};
    }

    QByteArray send(const QByteArray &command)
    {
        tag = 'a' + QByteArray::number(++counter).rightJustified(3, '0');
        return tag + ' ' + command + "\r\n";
    }

    QByteArray fail(const QByteArray &line)
    {
        if (failure.isEmpty())
            failure = QString::fromUtf8(line);
        return enter(Step::Logout);
    }

    // "* n FETCH (UID u FLAGS (...) BODY[] {size} ...)" (RFC 3501 section 7.4.2).
    void takeFetch(const QList<ImapArg> &items)
    {
        quint32 uid = 0;
        QStringList flags;
        QByteArray body;
        bool hasBody = false;
        for (qsizetype index = 0; index + 1 < items.size(); index += 2) {
            const QByteArray name = items.at(index).text.toUpper();
            const ImapArg &value = items.at(index + 1);
            if (name == "UID") {
                uid = value.text.toUInt();
            } else if (name == "FLAGS") {
                for (const ImapArg &flag : value.items)
                    flags.append(QString::fromUtf8(flag.text));
            } else if (name == "BODY[]" || name == "BODY[HEADER]") {
                body = value.text;
                hasBody = true;
            }
        }
        if (!hasBody)
            return; // a flags update, not an answer to our FETCH
        result.messages.append(body);
        result.uids.append(uid);
        result.flags.append(flags);
    }

    QByteArray handleUntagged(const QByteArray &text)
    {
        QList<ImapArg> arguments;
        if (parseImapArguments(text, &arguments) != ImapCommandError::None || arguments.isEmpty())
            return {};
        const QByteArray first = arguments.first().text.toUpper();
        if (step == Step::Greeting) {
            if (first == "OK")
                return enter(Step::Login);
            finish(false, QString::fromUtf8("* " + text));
            return enter(Step::Done);
        }
        if (first == "BYE" && step != Step::Logout && failure.isEmpty())
            failure = QString::fromUtf8("* " + text);
        if (arguments.size() >= 2) {
            const QByteArray second = arguments.at(1).text.toUpper();
            if (second == "EXISTS")
                exists = first.toLongLong();
            else if (second == "FETCH" && arguments.size() >= 3 && arguments.at(2).isList())
                takeFetch(arguments.at(2).items);
        }
        return {};
    }

    QByteArray handleTagged(const QByteArray &text)
    {
        const qsizetype space = text.indexOf(' ');
        if (space < 0 || text.left(space) != tag)
            return {};
        const bool ok = text.mid(space + 1).startsWith("OK");
        switch (step) {
        case Step::Login:
            return ok ? enter(Step::Select) : fail(text);
        case Step::Select:
            if (!ok)
                return fail(text);
            return enter(exists > 0 ? Step::Fetch : Step::Logout);
        case Step::Fetch:
            return ok ? enter(Step::Logout) : fail(text);
        case Step::Logout:
            finish(failure.isEmpty() && ok,
                   failure.isEmpty() ? (ok ? QString() : QString::fromUtf8(text)) : failure);
            return enter(Step::Done);
        case Step::Greeting:
        case Step::Done:
            return {};
        }
        return {};
    }

    QByteArray handle(const QByteArray &response)
    {
        if (response.startsWith("* "))
            return handleUntagged(response.mid(2));
        if (response.startsWith('+'))
            return {}; // we send only non-synchronising literals
        return handleTagged(response);
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

ImapClientSession::ImapClientSession(QString user, QString password, Mode mode, Finished finished,
                                     QString mailbox)
    : d(std::make_unique<Private>())
{
    d->user = std::move(user);
    d->password = std::move(password);
    d->mode = mode;
    d->finished = std::move(finished);
    d->mailbox = std::move(mailbox);
}

ImapClientSession::~ImapClientSession() = default;

void ImapClientSession::setUid(quint32 uid)
{
    d->uid = uid;
}

QByteArray ImapClientSession::receive(const QByteArray &bytes)
{
    if (d->step == Step::Done)
        return {};
    d->reader.feed(bytes);
    QByteArray out;
    while (d->step != Step::Done) {
        const auto event = d->reader.next();
        if (!event)
            break;
        switch (event->kind) {
        case ImapReaderEvent::Kind::Command:
            out += d->handle(event->text);
            break;
        case ImapReaderEvent::Kind::LiteralWanted:
            break; // a literal in a response needs no answer
        case ImapReaderEvent::Kind::LineTooLong:
        case ImapReaderEvent::Kind::LiteralTooLarge:
            d->finish(false, QStringLiteral("response from server too long"));
            d->enter(Step::Done);
            break;
        }
    }
    return out;
}

bool ImapClientSession::closing() const
{
    return d->step == Step::Done;
}

void ImapClientSession::connectFailed(const QString &reason)
{
    d->finish(false, reason);
    d->enter(Step::Done);
}

void ImapClientSession::connectionLost()
{
    if (d->step == Step::Done)
        return;
    d->finish(false, d->failure.isEmpty() ? QStringLiteral("connection lost") : d->failure);
    d->enter(Step::Done);
}

const ImapClientSession::Result &ImapClientSession::result() const
{
    return d->result;
}

} // namespace carteiro::core
