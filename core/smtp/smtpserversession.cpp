#include "core/smtp/smtpserversession.h"

#include "core/smtp/smtpcommand.h"
#include "core/smtp/smtplineframer.h"

#include <QLoggingCategory>

#include <variant>

namespace carteiro::core {

namespace {

Q_LOGGING_CATEGORY(lcSmtpServer, "carteiro.smtp.server", QtWarningMsg)

const char *stateName(SmtpServerSession::State state)
{
    switch (state) {
    case SmtpServerSession::State::Greeting:
        return "Greeting";
    case SmtpServerSession::State::Ready:
        return "Ready";
    case SmtpServerSession::State::Mail:
        return "Mail";
    case SmtpServerSession::State::Rcpt:
        return "Rcpt";
    case SmtpServerSession::State::Data:
        return "Data";
    case SmtpServerSession::State::AuthLogin:
        return "AuthLogin";
    case SmtpServerSession::State::Closed:
        return "Closed";
    }
    return "?";
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    return at < 0 ? QString() : address.mid(at + 1);
}

// RFC 4954 section 4: "=" stands for an empty response; anything else must be valid base64.
std::optional<QByteArray> decodeBase64(const QString &text)
{
    if (text == u"=")
        return QByteArray();
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return decoded.decoded;
}

struct HelpTopic
{
    SmtpVerb verb;
    const char *text;
};

constexpr HelpTopic kHelpTopics[] = {
    {SmtpVerb::Helo, "Introduce yourself to the server."},
    {SmtpVerb::Ehlo, "Introduce yourself and ask for the service extensions."},
    {SmtpVerb::Mail, "Start a mail transaction; <> is the sender of bounces."},
    {SmtpVerb::Rcpt, "Name one recipient; repeat for each recipient."},
    {SmtpVerb::Data, "Send the message, ending with a line holding only \".\"."},
    {SmtpVerb::Rset, "Abort the current mail transaction."},
    {SmtpVerb::Noop, "Do nothing; the server answers 250."},
    {SmtpVerb::Quit, "End the session."},
    {SmtpVerb::Vrfy, "Verify a user name or address."},
    {SmtpVerb::Expn, "Expand a mailing list."},
    {SmtpVerb::Help, "Show this help, or the help on one command."},
    {SmtpVerb::Turn, "Reverse the roles of client and server (obsolete)."},
    {SmtpVerb::Auth, "Authenticate with PLAIN or LOGIN (RFC 4954)."},
};

} // namespace

struct SmtpServerSession::Private
{
    using Check = bool (Private::*)(const SmtpCommand &);
    using Proceed = void (Private::*)(const SmtpCommand &);
    // The shape of OpenSMTPD's smtp_session.c: `check` only validates and answers the refusal
    // (501, 503, and the limits tied to the arguments); `proceed` does the work and is the only
    // part that changes state.
    struct CommandEntry
    {
        SmtpVerb verb;
        Check check;
        Proceed proceed;
    };
    static const CommandEntry kCommands[];

    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };

    Private(SmtpServerConfig serverConfig, SmtpServerBackend *serverBackend)
        : config(std::move(serverConfig)), backend(serverBackend)
    {}

    SmtpServerConfig config;
    SmtpServerBackend *backend = nullptr;
    SmtpLineFramer framer;
    SmtpCommandParser parser;

    State state = State::Greeting;
    bool opened = false;
    bool heloDone = false;
    // A connect policy refused the session (a 554 greeting): RFC 5321 section 3.1 has the
    // server wait for QUIT and answer 503 to anything else.
    bool connectRejected = false;
    int errorCount = 0;     // 500, 501 and 503 replies, towards hardErrorLimit
    int lastCode = 0;       // the code of the last reply written
    int recipientCount = 0; // RCPTs accepted in this transaction, duplicates included
    SmtpEnvelope envelope;
    QByteArray output;

    // Message content while in State::Data.
    QByteArray data;
    bool dataTooBig = false;
    bool dataLineTooLong = false;

    // An AUTH exchange while in State::AuthLogin (PLAIN without initial response, or LOGIN).
    AuthStep authStep = AuthStep::None;
    QString authLoginUser;

    bool modern() const { return config.style == SmtpStyle::Modern; }

    // A reply in the session's style: the classic text without an enhanced code, or the modern
    // text with it (RFC 2034).
    SmtpReply styled(int code, const QString &enhanced, const QString &classicText,
                     const QString &modernText) const
    {
        return modern() ? SmtpReply(code, modernText, enhanced) : SmtpReply(code, classicText);
    }
    SmtpReply styled(int code, const QString &enhanced, const QString &text) const
    {
        return styled(code, enhanced, text, text);
    }

    // The one place the state changes.
    void setState(State next)
    {
        if (next == state)
            return;
        qCDebug(lcSmtpServer, "%s -> %s", stateName(state), stateName(next));
        state = next;
    }

    // The one place a reply is written.
    void reply(const SmtpReply &answer)
    {
        lastCode = answer.code;
        output += answer.toWire();
    }

    // A reply from the backend's policy or queue. Classic style has no enhanced codes; 421
    // closes the session (RFC 5321 section 3.8).
    void replyFromBackend(SmtpReply answer)
    {
        if (!modern())
            answer.enhanced.clear();
        reply(answer);
        if (answer.code == 421)
            setState(State::Closed);
    }

    // A policy reply that refuses the command is written and returned as true; an accepting
    // one is kept in `override` to replace the normal positive reply.
    bool refusedByPolicy(SmtpStage stage, const QString &argument,
                         std::optional<SmtpReply> *override)
    {
        std::optional<SmtpReply> policy = backend->policyReply(stage, argument);
        if (!policy)
            return false;
        if (policy->isPositive()) {
            if (!modern())
                policy->enhanced.clear();
            *override = std::move(policy);
            return false;
        }
        replyFromBackend(*policy);
        return true;
    }

    void resetTransaction()
    {
        envelope.sender.clear();
        envelope.recipients.clear();
        recipientCount = 0;
        data.clear();
        dataTooBig = false;
        dataLineTooLong = false;
    }

    bool authenticated() const { return !envelope.authenticatedUser.isEmpty(); }

    // A bare local part ("bob") belongs to the server's own domain: the greeting name or its
    // nearest parent that is a local domain (mx1.hamburger.edu -> hamburger.edu). Empty when
    // none is.
    QString qualify(const QString &address) const
    {
        if (address.contains(u'@'))
            return address;
        QString domain = config.greeting;
        while (!domain.isEmpty()) {
            if (backend->isLocalDomain(domain))
                return address + u'@' + domain;
            const qsizetype dot = domain.indexOf(u'.');
            if (dot < 0)
                break;
            domain = domain.mid(dot + 1);
        }
        return {};
    }

    // The member list of a configured mailing list, looked up case-insensitively.
    std::optional<QStringList> listMembers(const QString &address) const
    {
        for (auto it = config.lists.cbegin(); it != config.lists.cend(); ++it) {
            if (it.key().compare(address, Qt::CaseInsensitive) == 0)
                return it.value();
        }
        return std::nullopt;
    }

    int lineLimit() const
    {
        if (state == State::Data)
            return kSmtpMaxTextLine;
        if (state == State::AuthLogin)
            return kSmtpMaxAuthLine;
        return kSmtpMaxCommandLine;
    }

    // ----- replies shared by several commands -----

    SmtpReply lineTooLong() const
    {
        // RFC 5321 section 4.5.3.1.10 names this reply: "500 Line too long".
        return styled(500, QStringLiteral("5.5.0"), QStringLiteral("Line too long"));
    }
    SmtpReply needHelo() const
    {
        return styled(503, QStringLiteral("5.5.1"), QStringLiteral("Polite people say HELO first"),
                      QStringLiteral("Error: send HELO/EHLO first"));
    }
    SmtpReply syntax(const QString &text, const QString &enhanced = QStringLiteral("5.5.4")) const
    {
        return styled(501, enhanced, text);
    }
    SmtpReply userUnknown(const QString &address) const
    {
        return styled(550, QStringLiteral("5.1.1"),
                      u'<' + address + QStringLiteral(">... User unknown"),
                      u'<' + address +
                          QStringLiteral(">: Recipient address rejected: User unknown in local "
                                         "recipient table"));
    }
    SmtpReply cannotVerify(const QString &what) const
    {
        // RFC 5321 section 3.5.3: 252 when the server will not say, but will try delivery.
        return styled(
            252, QStringLiteral("2.5.2"),
            QStringLiteral("Cannot %1, but will accept message and attempt delivery").arg(what));
    }
    SmtpReply disabled(const QString &verb) const
    {
        return styled(502, QStringLiteral("5.5.1"), verb + QStringLiteral(" command is disabled"));
    }
    SmtpReply errorReply(const SmtpCommandError &error) const
    {
        if (error.kind == SmtpCommandError::Kind::UnknownCommand)
            return styled(500, error.enhanced,
                          QStringLiteral("Command unrecognized: \"%1\"").arg(error.verb),
                          error.text);
        return styled(501, error.enhanced, error.text);
    }

    // ----- lines -----

    void handleLine(const SmtpLineFramer::Line &line)
    {
        if (state == State::Data) {
            handleDataLine(line);
            return;
        }
        lastCode = 0;
        if (state == State::AuthLogin)
            handleAuthLine(line);
        else
            dispatchCommand(line);
        // Postfix's smtpd_hard_error_limit: a client that keeps sending bad commands is cut
        // off. The soft limit (Postfix delays its replies) needs a clock the session does not
        // have, so it is not applied here.
        if (lastCode == 500 || lastCode == 501 || lastCode == 503)
            ++errorCount;
        if (state != State::Closed && config.hardErrorLimit > 0 &&
            errorCount >= config.hardErrorLimit) {
            reply(styled(421, QStringLiteral("4.7.0"),
                         config.greeting + QStringLiteral(" Error: too many errors")));
            setState(State::Closed);
        }
    }

    void dispatchCommand(const SmtpLineFramer::Line &line)
    {
        // The line-length limit is the framer's business; here it only becomes a reply.
        if (line.tooLong) {
            reply(lineTooLong());
            return;
        }
        const SmtpCommandParser::Result parsed = parser.parse(line.text);
        const auto *command = std::get_if<SmtpCommand>(&parsed);
        if (connectRejected) {
            if (command && command->verb == SmtpVerb::Quit)
                proceedQuit(*command);
            else
                reply(styled(503, QStringLiteral("5.5.1"),
                             QStringLiteral("Bad sequence of commands"),
                             QStringLiteral("Error: bad sequence of commands")));
            return;
        }
        if (!command) {
            reply(errorReply(std::get<SmtpCommandError>(parsed)));
            return;
        }
        const CommandEntry &entry = commandEntry(command->verb);
        if ((this->*entry.check)(*command))
            (this->*entry.proceed)(*command);
    }

    static const CommandEntry &commandEntry(SmtpVerb verb);

    // RFC 5321 section 4.1.1.4: the message ends with a line holding only "."; section 4.5.2:
    // a line starting with "." lost that first "." (the client doubled it).
    void handleDataLine(const SmtpLineFramer::Line &line)
    {
        if (line.tooLong) {
            dataLineTooLong = true;
            return;
        }
        if (line.text == ".") {
            finishData();
            return;
        }
        if (dataTooBig)
            return;
        const QByteArrayView text = line.text.startsWith('.') ? line.text.sliced(1) : line.text;
        // RFC 1870 section 6: the size limit counts the message with CRLF line ends. Past it the
        // content is dropped, not kept, and the transaction fails at the final ".".
        if (data.size() + text.size() + 2 > config.maxMessageSize) {
            dataTooBig = true;
            data.clear();
            data.squeeze();
            return;
        }
        // RFC 821 section 2 and 4.5.2: the mail data of classic SMTP is 7-bit ASCII, and old
        // servers cleared the eighth bit of every octet, which is why MIME encodes 8-bit text.
        // A modern server offers 8BITMIME (RFC 6152) and keeps the octets as they are.
        if (modern()) {
            data.append(text);
        } else {
            const qsizetype at = data.size();
            data.append(text);
            for (qsizetype i = at; i < data.size(); ++i)
                data[i] = char(data.at(i) & 0x7f);
        }
        data += "\r\n";
    }

    void finishData()
    {
        if (dataLineTooLong) {
            // RFC 5321 section 4.5.3.1.6 limits a text line to 1000 octets; the refusal comes
            // once the message has ended, as "500 Line too long" (section 4.5.3.1.10), because
            // the server cannot answer in the middle of the content.
            reply(lineTooLong());
        } else if (dataTooBig) {
            // RFC 5321 section 4.5.3.1.10: "552 Too much mail data".
            reply(styled(552, QStringLiteral("5.3.4"), QStringLiteral("Too much mail data"),
                         QStringLiteral("Error: message file too big")));
        } else {
            SmtpReply failure;
            const std::optional<QString> id = backend->acceptMessage(envelope, data, &failure);
            if (id) {
                reply(styled(250, QStringLiteral("2.0.0"),
                             QStringLiteral("Message accepted for delivery"),
                             QStringLiteral("Ok: queued as ") + *id));
            } else {
                if (!failure.isValid())
                    failure = styled(451, QStringLiteral("4.3.0"),
                                     QStringLiteral("Requested action aborted: local error in "
                                                    "processing"),
                                     QStringLiteral("Error: queue file write error"));
                resetTransaction();
                setState(State::Ready);
                replyFromBackend(failure);
                return;
            }
        }
        // RFC 5321 section 4.1.1.4: after the final reply the transaction is over; the HELO
        // stays and another MAIL may follow.
        resetTransaction();
        setState(State::Ready);
    }

    // ----- AUTH (RFC 4954, with PLAIN of RFC 4616 and the LOGIN mechanism) -----

    void endAuth(const SmtpReply &answer)
    {
        authStep = AuthStep::None;
        authLoginUser.clear();
        setState(heloDone ? State::Ready : State::Greeting);
        reply(answer);
    }

    SmtpReply authSucceeded() const
    {
        return styled(235, QStringLiteral("2.7.0"), QStringLiteral("Authentication successful"));
    }
    SmtpReply authFailed() const
    {
        return styled(535, QStringLiteral("5.7.8"), QStringLiteral("Authentication failed"),
                      QStringLiteral("Error: authentication failed: authentication failure"));
    }
    SmtpReply cannotDecode() const
    {
        return syntax(QStringLiteral("Cannot decode response"), QStringLiteral("5.5.2"));
    }

    void finishAuth(const QString &user, const QString &password)
    {
        if (!user.isEmpty() && backend->checkPassword(user, password)) {
            envelope.authenticatedUser = user;
            endAuth(authSucceeded());
        } else {
            endAuth(authFailed());
        }
    }

    // RFC 4616 section 2: message = [authzid] NUL authcid NUL passwd.
    void finishPlain(const QByteArray &message)
    {
        // Exactly two NULs make the three parts; they are read in place.
        const QByteArrayView bytes(message);
        const qsizetype first = bytes.indexOf('\0');
        const qsizetype second = first < 0 ? -1 : bytes.indexOf('\0', first + 1);
        if (second < 0 || bytes.indexOf('\0', second + 1) >= 0) {
            endAuth(authFailed());
            return;
        }
        const QByteArrayView authzid = bytes.first(first);
        const QByteArrayView authcid = bytes.sliced(first + 1, second - first - 1);
        if (!authzid.isEmpty() && authzid != authcid) {
            endAuth(authFailed());
            return;
        }
        finishAuth(QString::fromUtf8(authcid), QString::fromUtf8(bytes.sliced(second + 1)));
    }

    void handleAuthLine(const SmtpLineFramer::Line &line)
    {
        if (line.tooLong) {
            endAuth(lineTooLong());
            return;
        }
        const QString text = QString::fromUtf8(line.text).trimmed();
        // RFC 4954 section 4: a client cancels the exchange with "*".
        if (text == u"*") {
            endAuth(syntax(QStringLiteral("Authentication aborted"), QStringLiteral("5.7.0")));
            return;
        }
        const std::optional<QByteArray> decoded = decodeBase64(text);
        if (!decoded) {
            endAuth(cannotDecode());
            return;
        }
        switch (authStep) {
        case AuthStep::PlainResponse:
            finishPlain(*decoded);
            break;
        case AuthStep::LoginUser:
            authLoginUser = QString::fromUtf8(*decoded);
            authStep = AuthStep::LoginPassword;
            reply(SmtpReply(334, QStringLiteral("UGFzc3dvcmQ6"))); // "Password:"
            break;
        case AuthStep::LoginPassword:
            finishAuth(authLoginUser, QString::fromUtf8(*decoded));
            break;
        case AuthStep::None:
            endAuth(cannotDecode());
            break;
        }
    }

    // ----- the commands: checks -----

    bool checkAlways(const SmtpCommand &) { return true; }

    bool checkHeloDone(const SmtpCommand &)
    {
        if (heloDone)
            return true;
        reply(needHelo());
        return false;
    }

    bool checkMail(const SmtpCommand &command)
    {
        if (!heloDone) {
            reply(needHelo());
            return false;
        }
        if (state == State::Mail || state == State::Rcpt) {
            reply(styled(503, QStringLiteral("5.5.1"), QStringLiteral("Sender already specified"),
                         QStringLiteral("Error: nested MAIL command")));
            return false;
        }
        if (config.requireAuth && !authenticated()) {
            // RFC 4954 section 6: 530 when the server's policy demands authentication.
            reply(styled(530, QStringLiteral("5.7.0"), QStringLiteral("Authentication required")));
            return false;
        }
        for (auto it = command.params.cbegin(); it != command.params.cend(); ++it) {
            if (it.key() == u"SIZE") {
                // RFC 1870 section 6: a declared size over the limit is refused at once.
                bool digits = !it.value().isEmpty();
                for (QChar c : it.value())
                    digits = digits && c >= u'0' && c <= u'9';
                bool ok = false;
                const qint64 size = it.value().toLongLong(&ok);
                if (!digits) {
                    reply(syntax(QStringLiteral("Bad message size syntax")));
                    return false;
                }
                if (!ok || size > config.maxMessageSize) {
                    reply(styled(552, QStringLiteral("5.3.4"),
                                 QStringLiteral("Message size exceeds fixed limit")));
                    return false;
                }
            } else if (it.key() == u"BODY") {
                // RFC 6152 section 2: BODY=7BIT or BODY=8BITMIME.
                const QString body = it.value().toUpper();
                if (body != u"7BIT" && body != u"8BITMIME") {
                    reply(syntax(QStringLiteral("Bad BODY keyword: ") + it.value()));
                    return false;
                }
            } else if (it.key() != u"AUTH") { // RFC 4954 section 5: AUTH=<> is accepted
                reply(unsupportedOption(it.key()));
                return false;
            }
        }
        return true;
    }

    SmtpReply unsupportedOption(const QString &key) const
    {
        // RFC 5321 section 4.1.1.11: 555 for a MAIL or RCPT parameter not implemented.
        return styled(555, QStringLiteral("5.5.4"), QStringLiteral("Unsupported option: ") + key);
    }

    bool checkRcpt(const SmtpCommand &command)
    {
        if (!heloDone) {
            reply(needHelo());
            return false;
        }
        if (state != State::Mail && state != State::Rcpt) {
            reply(styled(503, QStringLiteral("5.5.1"), QStringLiteral("Need MAIL before RCPT"),
                         QStringLiteral("Error: need MAIL command")));
            return false;
        }
        if (!command.params.isEmpty()) {
            reply(unsupportedOption(command.params.firstKey()));
            return false;
        }
        // RFC 5321 section 4.5.3.1.8: at least 100 recipients must be taken; past the limit
        // the answer is 452 and the client sends the rest in another transaction.
        if (recipientCount >= config.maxRecipients) {
            reply(styled(452, QStringLiteral("4.5.3"), QStringLiteral("Too many recipients"),
                         QStringLiteral("Error: too many recipients")));
            return false;
        }
        return true;
    }

    bool checkData(const SmtpCommand &)
    {
        if (!heloDone) {
            reply(needHelo());
            return false;
        }
        if (state == State::Ready) {
            reply(styled(503, QStringLiteral("5.5.1"), QStringLiteral("Need MAIL command"),
                         QStringLiteral("Error: need RCPT command")));
            return false;
        }
        if (state == State::Mail) {
            reply(styled(503, QStringLiteral("5.5.1"), QStringLiteral("Need RCPT (recipient)"),
                         QStringLiteral("Error: need RCPT command")));
            return false;
        }
        return true;
    }

    bool checkAuth(const SmtpCommand &command)
    {
        if (!config.offerAuth) {
            reply(styled(502, QStringLiteral("5.5.1"), QStringLiteral("Authentication not enabled"),
                         QStringLiteral("Error: authentication not enabled")));
            return false;
        }
        if (!heloDone) {
            reply(needHelo());
            return false;
        }
        // RFC 4954 section 4: one successful AUTH per session, and not inside a transaction.
        if (authenticated()) {
            reply(styled(503, QStringLiteral("5.5.1"), QStringLiteral("Already authenticated"),
                         QStringLiteral("Error: already authenticated")));
            return false;
        }
        if (state == State::Mail || state == State::Rcpt) {
            reply(styled(503, QStringLiteral("5.5.1"),
                         QStringLiteral("Mail transaction in progress"),
                         QStringLiteral("Error: MAIL transaction in progress")));
            return false;
        }
        if (QStringView(command.argument).split(u' ', Qt::SkipEmptyParts).size() > 2) {
            reply(syntax(QStringLiteral("Syntax: ") + SmtpCommandParser::usage(SmtpVerb::Auth)));
            return false;
        }
        return true;
    }

    // ----- the commands: proceed -----

    void proceedHelo(const SmtpCommand &command)
    {
        std::optional<SmtpReply> override;
        if (refusedByPolicy(SmtpStage::Helo, command.argument, &override))
            return;
        // RFC 5321 section 4.1.4: HELO or EHLO in the middle of a transaction resets it.
        resetTransaction();
        heloDone = true;
        envelope.heloName = command.argument;
        envelope.extended = command.verb == SmtpVerb::Ehlo;
        setState(State::Ready);
        if (override) {
            reply(*override);
            return;
        }
        if (command.verb == SmtpVerb::Helo) {
            reply(styled(250, {},
                         QStringLiteral("Hello %1, pleased to meet you").arg(command.argument),
                         config.greeting));
            return;
        }
        // RFC 5321 section 4.1.1.1: the first line names the server, the others are the
        // extensions. RFC 2034 section 3: no enhanced codes on the EHLO reply. Classic style
        // answers EHLO plainly with no extension, except AUTH when the host offers it.
        SmtpReply answer;
        answer.code = 250;
        if (modern()) {
            answer.lines = QStringList{
                config.greeting,
                QStringLiteral("SIZE %1").arg(QString::number(config.maxMessageSize)), // RFC 1870
                QStringLiteral("8BITMIME"),                                            // RFC 6152
                QStringLiteral("PIPELINING"),                                          // RFC 2920
                QStringLiteral("ENHANCEDSTATUSCODES"),                                 // RFC 2034
                QStringLiteral("HELP"),
            };
        } else {
            answer.lines =
                QStringList{QStringLiteral("%1 Hello %2").arg(config.greeting, command.argument)};
        }
        if (config.offerAuth)
            answer.lines.append(QStringLiteral("AUTH PLAIN LOGIN")); // RFC 4954
        reply(answer);
    }

    void proceedMail(const SmtpCommand &command)
    {
        std::optional<SmtpReply> override;
        if (refusedByPolicy(SmtpStage::Mail, command.path, &override))
            return;
        envelope.sender = command.path;
        envelope.recipients.clear();
        recipientCount = 0;
        setState(State::Mail);
        const QString shown = command.path.isEmpty() ? QStringLiteral("<>") : command.path;
        reply(override.value_or(styled(250, QStringLiteral("2.1.0"),
                                       shown + QStringLiteral("... Sender ok"),
                                       QStringLiteral("Ok"))));
    }

    void proceedRcpt(const SmtpCommand &command)
    {
        const QString address = qualify(command.path);
        if (address.isEmpty()) {
            reply(syntax(QStringLiteral("Bad recipient address syntax"), QStringLiteral("5.1.3")));
            return;
        }
        std::optional<SmtpReply> override;
        if (refusedByPolicy(SmtpStage::Rcpt, address, &override))
            return;
        if (!backend->isLocalDomain(domainOf(address))) {
            // Not ours: only a client on our own network or an authenticated one may relay
            // through us (RFC 5321 section 3.6.2 leaves the policy to the server).
            if (!config.trustedClient && !authenticated()) {
                // Postfix answers 554, sendmail (the classic dialogue) 550.
                reply(
                    modern()
                        ? SmtpReply(554, u'<' + address + QStringLiteral(">: Relay access denied"),
                                    QStringLiteral("5.7.1"))
                        : SmtpReply(550, u'<' + address + QStringLiteral(">... Relaying denied")));
                return;
            }
        } else if (!listMembers(address) && !backend->hasMailbox(address)) {
            reply(userUnknown(address));
            return;
        }
        ++recipientCount;
        bool known = false;
        for (const QString &recipient : std::as_const(envelope.recipients))
            known = known || recipient.compare(address, Qt::CaseInsensitive) == 0;
        if (!known)
            envelope.recipients.append(address);
        setState(State::Rcpt);
        reply(override.value_or(styled(250, QStringLiteral("2.1.5"),
                                       address + QStringLiteral(" ... Recipient ok"),
                                       QStringLiteral("Ok"))));
    }

    void proceedData(const SmtpCommand &)
    {
        std::optional<SmtpReply> override;
        if (refusedByPolicy(SmtpStage::Data, QString(), &override))
            return;
        data.clear();
        dataTooBig = false;
        dataLineTooLong = false;
        setState(State::Data);
        // 354 is an intermediate reply: RFC 3463 has no class 3, so no enhanced code.
        reply(SmtpReply(354, modern() ? QStringLiteral("End data with <CR><LF>.<CR><LF>")
                                      : QStringLiteral("Enter mail, end with \".\" on a line by "
                                                       "itself")));
    }

    void proceedRset(const SmtpCommand &)
    {
        // RFC 5321 section 4.1.1.5: RSET drops the transaction but keeps the HELO.
        resetTransaction();
        setState(heloDone ? State::Ready : State::Greeting);
        reply(styled(250, QStringLiteral("2.0.0"), QStringLiteral("Ok")));
    }

    void proceedNoop(const SmtpCommand &)
    {
        reply(styled(250, QStringLiteral("2.0.0"), QStringLiteral("Ok")));
    }

    void proceedQuit(const SmtpCommand &)
    {
        setState(State::Closed);
        reply(styled(221, QStringLiteral("2.0.0"),
                     config.greeting + QStringLiteral(" closing connection"),
                     QStringLiteral("Bye")));
    }

    // RFC 5321 section 3.5.2 and 3.5.3: VRFY answers 250 only for an address it really
    // verified; 252 when it will not say; 502 when the command is turned off.
    void proceedVrfy(const SmtpCommand &command)
    {
        if (config.vrfyMode == 252) {
            reply(cannotVerify(QStringLiteral("VRFY user")));
            return;
        }
        if (config.vrfyMode != 0) {
            reply(disabled(QStringLiteral("VRFY")));
            return;
        }
        QString typed = command.argument;
        if (typed.startsWith(u'<') && typed.endsWith(u'>'))
            typed = typed.mid(1, typed.size() - 2);
        const QString address = qualify(typed);
        if (address.isEmpty()) {
            reply(styled(550, QStringLiteral("5.1.1"), typed + QStringLiteral("... User unknown"),
                         typed + QStringLiteral(": User unknown")));
            return;
        }
        if (!backend->isLocalDomain(domainOf(address))) {
            // Another domain's user cannot be verified here.
            reply(cannotVerify(QStringLiteral("VRFY user")));
            return;
        }
        const QString shown = backend->displayAddress(address);
        if (!shown.isEmpty()) {
            reply(styled(250, QStringLiteral("2.1.5"), shown));
        } else if (listMembers(address)) {
            reply(styled(250, QStringLiteral("2.1.5"), u'<' + address + u'>'));
        } else {
            reply(userUnknown(address));
        }
    }

    // RFC 5321 section 3.5.2: EXPN lists the members, one per line of a multi-line 250.
    void proceedExpn(const SmtpCommand &command)
    {
        if (config.expnMode == 252) {
            reply(cannotVerify(QStringLiteral("EXPN list")));
            return;
        }
        if (config.expnMode != 0) {
            reply(disabled(QStringLiteral("EXPN")));
            return;
        }
        QString typed = command.argument;
        if (typed.startsWith(u'<') && typed.endsWith(u'>'))
            typed = typed.mid(1, typed.size() - 2);
        QString address = qualify(typed);
        const std::optional<QStringList> members =
            address.isEmpty() ? std::nullopt : listMembers(address);
        if (!members || members->isEmpty()) {
            if (address.isEmpty())
                address = typed;
            reply(styled(550, QStringLiteral("5.1.1"),
                         u'<' + address + QStringLiteral(">... Not a mailing list"),
                         u'<' + address + QStringLiteral(">: Not a mailing list")));
            return;
        }
        SmtpReply answer = styled(250, QStringLiteral("2.1.5"), QString());
        answer.lines.clear();
        for (const QString &member : *members) {
            const QString shown = backend->displayAddress(member);
            answer.lines.append(shown.isEmpty() ? u'<' + member + u'>' : shown);
        }
        reply(answer);
    }

    void proceedHelp(const SmtpCommand &command)
    {
        SmtpReply answer = styled(214, QStringLiteral("2.0.0"), QString());
        answer.lines.clear();
        if (command.argument.isEmpty()) {
            answer.lines << QStringLiteral("This is Carteiro, a mail server for the classroom")
                         << QStringLiteral("Topics:")
                         << QStringLiteral("    HELO    EHLO    MAIL    RCPT    DATA")
                         << QStringLiteral("    RSET    NOOP    QUIT    HELP    VRFY")
                         << (config.offerAuth ? QStringLiteral("    EXPN    TURN    AUTH")
                                              : QStringLiteral("    EXPN    TURN"))
                         << QStringLiteral("For more info use \"HELP <topic>\".");
        } else {
            const std::optional<SmtpVerb> verb =
                SmtpCommandParser::verbFromName(command.argument.section(u' ', 0, 0));
            if (!verb) {
                reply(styled(504, QStringLiteral("5.5.1"),
                             QStringLiteral("HELP topic unknown: ") + command.argument));
                return;
            }
            for (const HelpTopic &entry : kHelpTopics) {
                if (entry.verb == *verb) {
                    answer.lines << SmtpCommandParser::usage(*verb)
                                 << QStringLiteral("    ") + QLatin1String(entry.text);
                }
            }
        }
        answer.lines << QStringLiteral("End of HELP info");
        reply(answer);
    }

    // RFC 5321 appendix F.1: TURN lets any client divert mail meant for another host, so it
    // is obsolete; section 4.2.4: a command the server does not implement gets 502.
    void proceedTurn(const SmtpCommand &)
    {
        reply(styled(502, QStringLiteral("5.5.1"), QStringLiteral("TURN not implemented")));
    }

    void proceedAuth(const SmtpCommand &command)
    {
        const QList<QStringView> words =
            QStringView(command.argument).split(u' ', Qt::SkipEmptyParts);
        const QString mechanism = words.value(0).toString().toUpper();
        const QString initial = words.value(1).toString();
        if (mechanism == u"PLAIN") {
            if (initial.isEmpty()) {
                // RFC 4954 section 4: an empty challenge asks for the response.
                authStep = AuthStep::PlainResponse;
                setState(State::AuthLogin);
                reply(SmtpReply(334, QString()));
                return;
            }
            const std::optional<QByteArray> decoded = decodeBase64(initial);
            if (!decoded) {
                reply(cannotDecode());
                return;
            }
            finishPlain(*decoded);
        } else if (mechanism == u"LOGIN") {
            setState(State::AuthLogin);
            if (initial.isEmpty()) {
                authStep = AuthStep::LoginUser;
                reply(SmtpReply(334, QStringLiteral("VXNlcm5hbWU6"))); // "Username:"
                return;
            }
            const std::optional<QByteArray> decoded = decodeBase64(initial);
            if (!decoded) {
                endAuth(cannotDecode());
                return;
            }
            authLoginUser = QString::fromUtf8(*decoded);
            authStep = AuthStep::LoginPassword;
            reply(SmtpReply(334, QStringLiteral("UGFzc3dvcmQ6"))); // "Password:"
        } else {
            // RFC 4954 section 4: 504 for a mechanism the server does not support.
            reply(styled(504, QStringLiteral("5.5.4"),
                         QStringLiteral("Unrecognized authentication type")));
        }
    }
};

const SmtpServerSession::Private::CommandEntry SmtpServerSession::Private::kCommands[] = {
    {SmtpVerb::Helo, &Private::checkAlways, &Private::proceedHelo},
    {SmtpVerb::Ehlo, &Private::checkAlways, &Private::proceedHelo},
    {SmtpVerb::Mail, &Private::checkMail, &Private::proceedMail},
    {SmtpVerb::Rcpt, &Private::checkRcpt, &Private::proceedRcpt},
    {SmtpVerb::Data, &Private::checkData, &Private::proceedData},
    {SmtpVerb::Rset, &Private::checkAlways, &Private::proceedRset},
    {SmtpVerb::Noop, &Private::checkAlways, &Private::proceedNoop},
    {SmtpVerb::Quit, &Private::checkAlways, &Private::proceedQuit},
    {SmtpVerb::Vrfy, &Private::checkAlways, &Private::proceedVrfy},
    {SmtpVerb::Expn, &Private::checkAlways, &Private::proceedExpn},
    {SmtpVerb::Help, &Private::checkAlways, &Private::proceedHelp},
    {SmtpVerb::Turn, &Private::checkAlways, &Private::proceedTurn},
    {SmtpVerb::Auth, &Private::checkAuth, &Private::proceedAuth},
};

const SmtpServerSession::Private::CommandEntry &
SmtpServerSession::Private::commandEntry(SmtpVerb verb)
{
    for (const CommandEntry &entry : kCommands) {
        if (entry.verb == verb)
            return entry;
    }
    Q_UNREACHABLE();
}

SmtpServerSession::SmtpServerSession(SmtpServerConfig config, SmtpServerBackend *backend)
    : d(std::make_unique<Private>(std::move(config), backend))
{
    Q_ASSERT(backend);
}

SmtpServerSession::~SmtpServerSession() = default;

QByteArray SmtpServerSession::open()
{
    if (d->opened)
        return {};
    d->opened = true;
    // RFC 5321 section 3.1: the server may refuse the whole session in its greeting; 554 keeps
    // the connection open until QUIT, 421 closes it.
    if (std::optional<SmtpReply> policy = d->backend->policyReply(SmtpStage::Connect, QString())) {
        if (!policy->isPositive())
            d->connectRejected = true;
        d->replyFromBackend(*policy);
    } else {
        d->reply(SmtpReply(220, d->modern() ? d->config.greeting + QStringLiteral(" ESMTP Carteiro")
                                            : d->config.greeting));
    }
    return std::exchange(d->output, {});
}

QByteArray SmtpServerSession::receive(const QByteArray &bytes)
{
    if (d->state == State::Closed)
        return {};
    d->framer.feed(bytes);
    // Every complete line is handled, so pipelined commands (RFC 2920) are answered in order;
    // once the session closes, whatever follows is ignored.
    while (d->state != State::Closed) {
        const std::optional<SmtpLineFramer::Line> line = d->framer.next(d->lineLimit());
        if (!line)
            break;
        d->handleLine(*line);
    }
    if (d->state == State::Closed)
        d->framer.clear();
    return std::exchange(d->output, {});
}

bool SmtpServerSession::closing() const
{
    return d->state == State::Closed;
}

QString SmtpServerSession::stage() const
{
    // The stage the dialogue has reached, as a fault names it: "connect" until HELO is
    // accepted, "helo" until MAIL, "mail" until a RCPT is accepted, "rcpt" until DATA is
    // answered with 354, "data" while the content arrives. A closed session has none.
    switch (d->state) {
    case State::Greeting:
        return QStringLiteral("connect");
    case State::Ready:
    case State::AuthLogin:
        return QStringLiteral("helo");
    case State::Mail:
        return QStringLiteral("mail");
    case State::Rcpt:
        return QStringLiteral("rcpt");
    case State::Data:
        return QStringLiteral("data");
    case State::Closed:
        break;
    }
    return {};
}

SmtpServerSession::State SmtpServerSession::state() const
{
    return d->state;
}

const SmtpEnvelope &SmtpServerSession::envelope() const
{
    return d->envelope;
}

} // namespace carteiro::core
