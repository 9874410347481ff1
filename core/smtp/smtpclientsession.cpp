#include "core/smtp/smtpclientsession.h"

#include "core/message/utf8.h"

#include <QLoggingCategory>

#include <algorithm>
#include <utility>

namespace carteiro::core {

namespace {

Q_LOGGING_CATEGORY(lcSmtpClient, "carteiro.smtp.client", QtWarningMsg)

using Outcome = SmtpDeliveryResult::Outcome;

// RFC 5321 section 4.2.1: the first digit decides; 2yz done, 4yz try again later, 5yz never.
Outcome outcomeOf(const SmtpReply &reply)
{
    if (reply.code >= 200 && reply.code < 300)
        return Outcome::Delivered;
    if (reply.isPermanent())
        return Outcome::PermanentFailure;
    return Outcome::TemporaryFailure;
}

// RFC 5321 section 4.5.2: a line of the message that starts with "." gets one more, so that
// only the final "." ends the data. Line ends become CRLF (section 2.3.8); the result ends
// with the end-of-data line.
QByteArray dotStuffed(const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + data.size() / 32 + 8);
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype lf = data.indexOf('\n', start);
        const qsizetype end = lf < 0 ? data.size() : lf;
        qsizetype length = end - start;
        if (length > 0 && data.at(end - 1) == '\r')
            --length;
        if (length > 0 && data.at(start) == '.')
            out += '.';
        out.append(data.constData() + start, length);
        out += "\r\n";
        start = end + 1;
    }
    out += ".\r\n";
    return out;
}

// RFC 4954 section 3: "AUTH" and the mechanisms, as one EHLO line, in any case. An ASCII line
// (every real one) is read in place; any other is upper-cased and split as words.
bool offersPlain(const QString &line)
{
    const bool ascii =
        std::all_of(line.cbegin(), line.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii) {
        const QStringList words = line.toUpper().split(u' ');
        return words.value(0) == u"AUTH" && words.contains(QStringLiteral("PLAIN"));
    }
    bool first = true;
    bool plain = false;
    for (qsizetype start = 0; start <= line.size();) {
        qsizetype end = line.indexOf(u' ', start);
        if (end < 0)
            end = line.size();
        const QStringView word = QStringView(line).sliced(start, end - start);
        if (first && word.compare(u"AUTH", Qt::CaseInsensitive) != 0)
            return false;
        first = false;
        plain = plain || word.compare(u"PLAIN", Qt::CaseInsensitive) == 0;
        start = end + 1;
    }
    return plain;
}

} // namespace

struct SmtpClientSession::Private
{
    // The client acts on entering a state (entering Mail sends MAIL FROM) and its reply handler
    // switches on the state it is in.
    enum class State { Greeting, Ehlo, Helo, Auth, Mail, Rcpt, Data, Content, Quit, Closed };

    Private(SmtpOutgoing message, Finished callback)
        : outgoing(std::move(message)), finished(std::move(callback))
    {
        for (const QString &recipient : std::as_const(outgoing.recipients)) {
            SmtpDeliveryResult result;
            result.recipient = recipient;
            results.append(result);
            decided.append(false);
        }
    }

    SmtpOutgoing outgoing;
    Finished finished;
    State state = State::Greeting;
    SmtpReplyParser parser;
    QList<SmtpDeliveryResult> results;
    QList<bool> decided;
    QList<qsizetype> accepted; // recipients the server took with 250 to RCPT
    qsizetype currentRecipient = 0;
    bool offersAuthPlain = false;
    bool offers8BitMime = false;

    bool hasEightBitData() const
    {
        for (const char octet : outgoing.data)
            if (static_cast<unsigned char>(octet) >= 0x80)
                return true;
        return false;
    }
    bool finishPending = false;
    bool finishDone = false;
    QByteArray output;

    bool modern() const { return outgoing.style == SmtpStyle::Modern; }

    // One command line, written from its pieces straight into the output.
    void send(std::initializer_list<QStringView> pieces)
    {
        for (QStringView piece : pieces)
            appendUtf8(output, piece);
        output += "\r\n";
    }

    // The one place the state changes, and the action that entering each state means.
    void enter(State next)
    {
        qCDebug(lcSmtpClient, "%d -> %d", int(state), int(next));
        state = next;
        switch (next) {
        case State::Greeting:
            break;
        case State::Ehlo:
            send({modern() ? u"EHLO " : u"HELO ", outgoing.heloName});
            break;
        case State::Helo:
            send({u"HELO ", outgoing.heloName});
            break;
        case State::Auth: {
            // RFC 4616 section 2: [authzid] NUL authcid NUL passwd, in base64 (RFC 4954).
            QByteArray plain;
            plain += '\0';
            appendUtf8(plain, outgoing.authUser);
            plain += '\0';
            appendUtf8(plain, outgoing.authPassword);
            output += "AUTH PLAIN ";
            output += plain.toBase64();
            output += "\r\n";
            break;
        }
        case State::Mail:
            // The classic style writes the textbook's "MAIL FROM: <alice@crepes.fr>"; RFC 5321
            // section 4.1.1.2 has no space after the colon.
            // RFC 6152 section 3: 8-bit data is announced with BODY=8BITMIME, and only to a
            // server that offers it.
            send({modern() ? u"MAIL FROM:<" : u"MAIL FROM: <", outgoing.sender, u">",
                  offers8BitMime && hasEightBitData() ? u" BODY=8BITMIME" : u""});
            break;
        case State::Rcpt:
            // One RCPT at a time, each answered before the next: no pipelining, so the
            // transcript reads as the textbook's dialogue.
            send({modern() ? u"RCPT TO:<" : u"RCPT TO: <", outgoing.recipients.at(currentRecipient),
                  u">"});
            break;
        case State::Data:
            send({u"DATA"});
            break;
        case State::Content:
            // The whole message in one write, ending with the "." line.
            output += dotStuffed(outgoing.data);
            break;
        case State::Quit:
            send({u"QUIT"});
            break;
        case State::Closed:
            // Anything still undecided (a session that ended early) may be tried again.
            decideUndecided(Outcome::TemporaryFailure,
                            QStringLiteral("session ended before delivery"), false);
            finishPending = !finishDone;
            break;
        }
    }

    void decide(qsizetype index, Outcome outcome, const QString &diagnostic, bool fromServer)
    {
        if (decided.at(index))
            return;
        decided[index] = true;
        results[index].outcome = outcome;
        results[index].diagnostic = diagnostic;
        results[index].fromServer = fromServer;
    }

    void decideUndecided(Outcome outcome, const QString &diagnostic, bool fromServer)
    {
        for (qsizetype i = 0; i < results.size(); ++i)
            decide(i, outcome, diagnostic, fromServer);
    }

    // A reply that ends the transaction for every recipient not yet decided; then QUIT.
    void failAll(const SmtpReply &reply)
    {
        const Outcome outcome =
            reply.isPermanent() ? Outcome::PermanentFailure : Outcome::TemporaryFailure;
        decideUndecided(outcome, reply.toString(), true);
        enter(State::Quit);
    }

    void afterHello()
    {
        if (results.isEmpty())
            enter(State::Quit);
        else if (!outgoing.authUser.isEmpty() && offersAuthPlain)
            enter(State::Auth);
        else
            enter(State::Mail);
    }

    void nextRecipient()
    {
        ++currentRecipient;
        if (currentRecipient < results.size())
            enter(State::Rcpt);
        else if (!accepted.isEmpty())
            enter(State::Data);
        else
            enter(State::Quit); // nobody to send to
    }

    void handleReply(const SmtpReply &reply)
    {
        if (!reply.isValid()) {
            // Not SMTP: nothing the server said can be trusted, so try again later.
            decideUndecided(Outcome::TemporaryFailure,
                            QStringLiteral("malformed reply: ") + reply.lines.join(u' '), true);
            enter(state == State::Quit ? State::Closed : State::Quit);
            return;
        }
        // RFC 5321 section 3.8: 421 at any point means the server is closing the channel.
        if (reply.code == 421 && state != State::Quit) {
            decideUndecided(Outcome::TemporaryFailure, reply.toString(), true);
            enter(State::Closed);
            return;
        }
        const bool positive = reply.code >= 200 && reply.code < 300;
        switch (state) {
        case State::Greeting:
            if (positive)
                enter(State::Ehlo);
            else
                failAll(reply); // RFC 5321 section 3.1: a 554 greeting; the client sends QUIT
            break;
        case State::Ehlo:
            if (positive) {
                for (qsizetype i = 1; i < reply.lines.size(); ++i) {
                    if (offersPlain(reply.lines.at(i)))
                        offersAuthPlain = true;
                    // RFC 6152: the keyword alone on its line.
                    if (reply.lines.at(i).compare(u"8BITMIME", Qt::CaseInsensitive) == 0)
                        offers8BitMime = true;
                }
                afterHello();
            } else if (modern() && reply.isPermanent()) {
                enter(State::Helo); // RFC 5321 section 3.2: an old server; fall back to HELO
            } else {
                failAll(reply);
            }
            break;
        case State::Helo:
            if (positive)
                afterHello();
            else
                failAll(reply);
            break;
        case State::Auth:
        case State::Mail:
            if (positive && state == State::Auth)
                enter(State::Mail);
            else if (positive)
                enter(State::Rcpt);
            else
                failAll(reply);
            break;
        case State::Rcpt:
            if (positive)
                accepted.append(currentRecipient);
            else
                decide(currentRecipient, outcomeOf(reply), reply.toString(), true);
            nextRecipient();
            break;
        case State::Data:
            if (reply.code == 354)
                enter(State::Content);
            else
                failAll(reply);
            break;
        case State::Content:
            // The reply to the final "." decides for every accepted recipient at once.
            for (qsizetype index : std::as_const(accepted))
                decide(index, outcomeOf(reply), reply.toString(), true);
            enter(State::Quit);
            break;
        case State::Quit:
            enter(State::Closed);
            break;
        case State::Closed:
            break;
        }
    }

    QString lostWhile() const
    {
        // The phrases of Postfix's "lost connection with ... while ...".
        switch (state) {
        case State::Greeting:
            return QStringLiteral("receiving the initial server greeting");
        case State::Ehlo:
        case State::Helo:
            return QStringLiteral("performing the HELO handshake");
        case State::Auth:
            return QStringLiteral("authenticating");
        case State::Mail:
            return QStringLiteral("sending MAIL FROM");
        case State::Rcpt:
            return QStringLiteral("sending RCPT TO");
        case State::Data:
            return QStringLiteral("sending DATA command");
        case State::Content:
            // RFC 5321 section 6.1: the server may have taken it; a retry may duplicate it.
            return QStringLiteral("sending end of data -- message may be sent more than once");
        case State::Quit:
        case State::Closed:
            break;
        }
        return QStringLiteral("closing the session");
    }

    // The Finished callback runs once, as the last thing a call does, so the session is in
    // its final state when the caller reads the results. The callback lives in the session:
    // the caller must not destroy the session from inside it (defer that to a later event).
    void notifyIfFinished()
    {
        if (!finishPending || finishDone)
            return;
        finishPending = false;
        finishDone = true;
        if (finished)
            finished(results);
    }
};

SmtpClientSession::SmtpClientSession(SmtpOutgoing outgoing, Finished finished)
    : d(std::make_unique<Private>(std::move(outgoing), std::move(finished)))
{}

SmtpClientSession::~SmtpClientSession() = default;

QByteArray SmtpClientSession::receive(const QByteArray &bytes)
{
    if (d->state == Private::State::Closed)
        return {};
    d->parser.feed(bytes);
    while (d->state != Private::State::Closed) {
        const std::optional<SmtpReply> reply = d->parser.next();
        if (!reply)
            break;
        d->handleReply(*reply);
    }
    const QByteArray out = std::exchange(d->output, {});
    d->notifyIfFinished();
    return out;
}

bool SmtpClientSession::closing() const
{
    return d->state == Private::State::Closed;
}

QString SmtpClientSession::stage() const
{
    switch (d->state) {
    case Private::State::Greeting:
        return QStringLiteral("connect");
    case Private::State::Ehlo:
    case Private::State::Helo:
    case Private::State::Auth:
        return QStringLiteral("helo");
    case Private::State::Mail:
        return QStringLiteral("mail");
    case Private::State::Rcpt:
        return QStringLiteral("rcpt");
    case Private::State::Data:
    case Private::State::Content:
        return QStringLiteral("data");
    case Private::State::Quit:
    case Private::State::Closed:
        break;
    }
    return {};
}

void SmtpClientSession::connectFailed(const QString &reason)
{
    if (d->state == Private::State::Closed)
        return;
    d->decideUndecided(Outcome::TemporaryFailure, reason, false);
    d->enter(Private::State::Closed);
    d->output.clear();
    d->notifyIfFinished();
}

void SmtpClientSession::connectionLost()
{
    if (d->state == Private::State::Closed)
        return;
    d->decideUndecided(Outcome::TemporaryFailure,
                       QStringLiteral("lost connection with the server while ") + d->lostWhile(),
                       false);
    d->enter(Private::State::Closed);
    d->output.clear();
    d->notifyIfFinished();
}

bool SmtpClientSession::isFinished() const
{
    return d->finishDone || d->state == Private::State::Closed;
}

const QList<SmtpDeliveryResult> &SmtpClientSession::results() const
{
    return d->results;
}

} // namespace carteiro::core
