#include "app/dialogue/explanations.h"

#include <QRegularExpression>

namespace carteiro::app {

namespace {

struct Entry
{
    const char *key;
    const char *text;
};

// RFC 5321 section 4.1.1 (and RFC 4954 for AUTH, RFC 3207 for STARTTLS).
constexpr Entry kSmtpCommands[] = {
    {"HELO", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "HELO: the client says who it is (its host name) and opens the "
                               "SMTP session (RFC 5321 section 4.1.1.1).")},
    {"EHLO", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "EHLO: like HELO, but asks the server to list the extensions it "
                               "supports, one per reply line (RFC 5321 section 4.1.1.1).")},
    {"MAIL", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "MAIL FROM starts a mail transaction and gives the envelope "
                               "sender: the address that receives bounces. It need not be the "
                               "From: header the reader sees (RFC 5321 section 4.1.1.2).")},
    {"RCPT", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "RCPT TO names one recipient of the envelope: the mailbox the "
                               "message is delivered to. One RCPT per recipient; the To: and "
                               "Cc: headers are not read for this (RFC 5321 section 4.1.1.3).")},
    {"DATA", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "DATA: the client is ready to send the message itself (headers, "
                               "empty line, body), ended by a line with a single \".\" "
                               "(RFC 5321 section 4.1.1.4).")},
    {"RSET", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "RSET aborts the current mail transaction: sender, recipients "
                               "and data are forgotten; the session stays open "
                               "(RFC 5321 section 4.1.1.5).")},
    {"VRFY", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "VRFY asks whether a user or mailbox exists on this server "
                               "(RFC 5321 section 4.1.1.6). Many real servers refuse it to "
                               "hide their users from spammers.")},
    {"EXPN", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "EXPN asks the server to expand a mailing list into its members "
                               "(RFC 5321 section 4.1.1.7).")},
    {"HELP", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "HELP asks the server for helpful information, answered with "
                               "214 (RFC 5321 section 4.1.1.8).")},
    {"NOOP", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "NOOP does nothing but ask for a 250 OK: a way to check that "
                               "the server is still there (RFC 5321 section 4.1.1.9).")},
    {"QUIT", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "QUIT: the client is done; the server answers 221 and closes "
                               "the connection (RFC 5321 section 4.1.1.10).")},
    {"TURN", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "TURN asked to swap the roles of client and server. It was "
                               "removed for security reasons; servers answer 502 "
                               "(RFC 5321 appendix F.1).")},
    {"AUTH", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "AUTH: the client proves who the user is (for example with a "
                               "user name and password) before submitting mail (RFC 4954).")},
    {"STARTTLS", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                   "STARTTLS asks to encrypt the rest of the session with TLS "
                                   "(RFC 3207).")},
};

// RFC 1939 sections 4 to 7, RFC 2449 for CAPA.
constexpr Entry kPop3Commands[] = {
    {"USER", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "USER gives the name of the mailbox to open, in the "
                               "AUTHORIZATION state (RFC 1939 section 7).")},
    {"PASS", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "PASS gives the password, in clear text. If it is right the "
                               "server locks the mailbox and enters the TRANSACTION state "
                               "(RFC 1939 section 7).")},
    {"APOP", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "APOP logs in with a digest of the greeting's timestamp and the "
                               "secret, so the password never crosses the network "
                               "(RFC 1939 section 7).")},
    {"STAT", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "STAT asks how many messages there are and their total size in "
                               "octets (RFC 1939 section 5).")},
    {"LIST", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "LIST gives the number and size of each message, or of one "
                               "message when a number is given (RFC 1939 section 5).")},
    {"RETR", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "RETR downloads one whole message: headers, empty line and body, "
                               "ended by \".\" (RFC 1939 section 5).")},
    {"DELE", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "DELE marks a message as deleted; it is really removed only when "
                               "the session ends with QUIT (RFC 1939 section 5).")},
    {"TOP", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "TOP downloads the headers of a message and its first lines of "
                              "body (RFC 1939 section 7).")},
    {"UIDL", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "UIDL gives each message's unique id, which does not change "
                               "between sessions: how a client knows what it has already "
                               "downloaded (RFC 1939 section 7).")},
    {"NOOP", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "NOOP does nothing but get +OK back (RFC 1939 section 5).")},
    {"RSET", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "RSET unmarks every message marked as deleted in this session "
                               "(RFC 1939 section 5).")},
    {"QUIT", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "QUIT ends the session. From the TRANSACTION state it enters "
                               "UPDATE: messages marked with DELE are removed now "
                               "(RFC 1939 section 6).")},
    {"CAPA", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "CAPA asks the server which capabilities (extensions) it "
                               "supports (RFC 2449).")},
    {"AUTH", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "AUTH logs in with a SASL mechanism instead of USER/PASS "
                               "(RFC 5034).")},
};

struct CodeEntry
{
    int code;
    const char *text;
};

// RFC 5321 section 4.2.2 and 4.2.3; 235, 334, 530 and 535 from RFC 4954.
constexpr CodeEntry kSmtpCodes[] = {
    {211, QT_TRANSLATE_NOOP("carteiro::app::Explanations", "211: system status, or help.")},
    {214,
     QT_TRANSLATE_NOOP("carteiro::app::Explanations", "214: a help message, for a human reader.")},
    {220, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "220: service ready. The server greets first, naming its domain; "
                            "now the client may speak.")},
    {221, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "221: service closing the connection, after QUIT.")},
    {235,
     QT_TRANSLATE_NOOP("carteiro::app::Explanations", "235: authentication succeeded (RFC 4954).")},
    {250, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "250: requested mail action okay, completed.")},
    {251, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "251: user not local; the server will forward the message.")},
    {252, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "252: cannot verify the user, but the server will accept the "
                            "message and try to deliver it.")},
    {334, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "334: an authentication challenge; the client answers it "
                            "(RFC 4954).")},
    {354, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "354: start mail input, end with <CRLF>.<CRLF>. What the client "
                            "sends next is the message itself, not commands.")},
    {421, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "421: service not available, closing the connection; the client "
                            "keeps the message and tries again later.")},
    {450, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "450: mailbox unavailable for now (busy, or greylisting); try "
                            "again later.")},
    {451, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "451: action aborted: local error in processing; try again "
                            "later.")},
    {452, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "452: insufficient system storage; try again later.")},
    {455, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "455: the server cannot accommodate the parameters now.")},
    {500, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "500: syntax error, command unrecognized: the server does not know "
                            "this command (or the line is too long).")},
    {501, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "501: syntax error in the parameters or arguments.")},
    {502, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "502: command not implemented: the server knows it but does not "
                            "do it.")},
    {503, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "503: bad sequence of commands: the command came out of order "
                            "(for example RCPT before MAIL, or DATA with no recipient).")},
    {504,
     QT_TRANSLATE_NOOP("carteiro::app::Explanations", "504: command parameter not implemented.")},
    {530, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "530: authentication required before this command (RFC 4954).")},
    {535, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "535: authentication credentials invalid (RFC 4954).")},
    {550, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "550: requested action not taken: mailbox unavailable (no such "
                            "user, or refused by policy). Permanent: the sender gets a "
                            "bounce.")},
    {551, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "551: user not local; the reply says where to try.")},
    {552, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "552: action aborted: exceeded storage allocation (mailbox full "
                            "or message too big).")},
    {553, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "553: mailbox name not allowed (bad address syntax).")},
    {554, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "554: transaction failed (or, as a greeting, no SMTP service "
                            "here).")},
    {555, QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                            "555: MAIL FROM or RCPT TO parameters not recognized or not "
                            "implemented.")},
};

// RFC 5322 section 3.6, RFC 2045 for MIME, RFC 5321 section 4.4 for trace fields.
constexpr Entry kHeaderFields[] = {
    {"from", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "From: the author as the reader's program shows it. The "
                               "envelope sender (MAIL FROM) is separate: it can differ, and "
                               "bounces go there.")},
    {"to", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                             "To: the primary recipients as the reader sees them. Delivery "
                             "follows the envelope's RCPT TO, not this field.")},
    {"cc", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                             "Cc: recipients of a copy, shown to everyone.")},
    {"subject", QT_TRANSLATE_NOOP("carteiro::app::Explanations", "Subject: the topic.")},
    {"date", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "Date: when the author's program finished the message.")},
    {"message-id", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                     "Message-ID: a unique identifier for this message, made "
                                     "by the first program that handled it.")},
    {"received", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                   "Received: a trace field that each mail server adds at the "
                                   "top when it accepts the message: read from the bottom up, "
                                   "they tell the path (RFC 5321 section 4.4).")},
    {"return-path", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                      "Return-Path: the envelope sender (MAIL FROM), recorded "
                                      "by the final server at delivery (RFC 5321 section "
                                      "4.4).")},
    {"reply-to", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                   "Reply-To: where answers should go, if not to From.")},
    {"mime-version", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                       "MIME-Version: the body follows MIME (RFC 2045).")},
    {"content-type", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                       "Content-Type: what kind of data the body is and its "
                                       "character set (RFC 2045).")},
    {"content-transfer-encoding",
     QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                       "Content-Transfer-Encoding: how the body was encoded to travel as "
                       "7-bit text lines (RFC 2045).")},
};

// RFC 9110 section 9.3: the methods a browser and a webmail use.
constexpr Entry kHttpMethods[] = {
    {"GET", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "GET asks for the page at this path; it changes nothing on the "
                              "server (RFC 9110 section 9.3.1).")},
    {"HEAD", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "HEAD asks for the same answer as GET without the body (RFC 9110 "
                               "section 9.3.2).")},
    {"POST", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "POST sends data for the server to act on: here a form's fields, "
                               "in the body after the empty line (RFC 9110 section 9.3.3).")},
};

// RFC 9110 section 15: the status codes Carteiro's web server sends.
constexpr Entry kHttpStatus[] = {
    {"200",
     QT_TRANSLATE_NOOP("carteiro::app::Explanations", "200 OK: the page follows in the body.")},
    {"204", QT_TRANSLATE_NOOP("carteiro::app::Explanations", "204 No Content: done, no body.")},
    {"303", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "303 See Other: the form was handled; the browser now GETs the "
                              "page named in Location (RFC 9110 section 15.4.4).")},
    {"400", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "400 Bad Request: the request breaks HTTP's syntax; the server "
                              "closes the connection.")},
    {"403", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "403 Forbidden: the server understood and refuses, here because "
                              "the mail server did not accept the password.")},
    {"404", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "404 Not Found: there is nothing at this path.")},
    {"405", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "405 Method Not Allowed: the path exists but not for this method; "
                              "the Allow field lists the ones it takes.")},
    {"411", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "411 Length Required: a body was sent without Content-Length.")},
    {"413", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "413 Content Too Large: the body is larger than the server "
                              "accepts.")},
    {"414", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "414 URI Too Long: the request line is longer than the server "
                              "reads.")},
    {"431",
     QT_TRANSLATE_NOOP("carteiro::app::Explanations", "431 Request Header Fields Too Large.")},
    {"501", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "501 Not Implemented: the server does not know this method.")},
    {"502", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                              "502 Bad Gateway: the webmail could not get an answer from the mail "
                              "server behind it.")},
    {"505", QT_TRANSLATE_NOOP("carteiro::app::Explanations", "505 HTTP Version Not Supported.")},
};

// RFC 9110 and RFC 6265: the fields a webmail's dialogue shows.
constexpr Entry kHttpFields[] = {
    {"host", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "Host: which site the browser wants; one server may hold many "
                               "(required in HTTP/1.1, RFC 9112 section 3.2).")},
    {"cookie", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                 "Cookie: the browser sends back what the server set, so the "
                                 "server knows it is the same signed-in person (RFC 6265).")},
    {"set-cookie",
     QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                       "Set-Cookie: the server gives the browser a session id to send back "
                       "with every request; HTTP itself keeps no memory (RFC 6265).")},
    {"location", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                   "Location: where the browser goes next after a 303.")},
    {"content-length",
     QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                       "Content-Length: the size of the body in octets, so the other side "
                       "knows where it ends and the connection can carry the next request.")},
    {"content-type", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                       "Content-Type: what the body is (an HTML page, a form's "
                                       "fields) and its character set.")},
    {"connection", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                                     "Connection: close ends the connection after this "
                                     "answer; without it HTTP/1.1 keeps it open.")},
    {"date", QT_TRANSLATE_NOOP("carteiro::app::Explanations",
                               "Date: when the server sent the answer, in GMT.")},
};

template <typename Table> QString lookUp(const Table &table, const QString &key)
{
    for (const Entry &entry : table)
        if (key == QLatin1String(entry.key))
            return Explanations::tr(entry.text);
    return {};
}

int smtpCode(const QString &text)
{
    if (text.size() < 3 || !text[0].isDigit() || !text[1].isDigit() || !text[2].isDigit())
        return 0;
    if (text.size() > 3 && text[3] != QLatin1Char(' ') && text[3] != QLatin1Char('-'))
        return 0;
    return text.left(3).toInt();
}

QString firstWord(const QString &text)
{
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    return (space < 0 ? text : text.left(space)).toUpper();
}

// A header field: printable ASCII without spaces or ':', then ':' (RFC 5322 section 2.2).
QString headerName(const QString &text)
{
    static const QRegularExpression field(QStringLiteral("^([!-9;-~]+):"));
    const QRegularExpressionMatch match = field.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

LineReading DialogueReader::readHttp(bool fromClient, const QString &text)
{
    // Each side writes a start line, fields, an empty line and a body (RFC 9112 section 2.1).
    static const QRegularExpression request(QStringLiteral("^([A-Z]+) \\S+ HTTP/1\\.\\d$"));
    static const QRegularExpression status(QStringLiteral("^HTTP/1\\.\\d (\\d{3})\\b"));
    LineReading reading;
    bool &inFields = fromClient ? m_httpRequestFields : m_httpResponseFields;
    const QRegularExpressionMatch start = (fromClient ? request : status).match(text);
    if (start.hasMatch()) {
        inFields = true;
        if (fromClient) {
            reading.role = LineRole::Command;
            reading.verb = start.captured(1);
            m_lastCommand = reading.verb;
        } else {
            reading.role = LineRole::Reply;
            reading.code = start.captured(1).toInt();
            reading.verb = m_lastCommand;
        }
        return reading;
    }
    if (inFields) {
        if (text.isEmpty()) {
            inFields = false;
            reading.role = LineRole::Separator;
            return reading;
        }
        reading.field = headerName(text);
        reading.role = reading.field.isEmpty() ? LineRole::Other : LineRole::Header;
        return reading;
    }
    reading.role = LineRole::Body;
    return reading;
}

LineReading DialogueReader::read(bool fromClient, const QString &text)
{
    if (m_protocol == QLatin1String("HTTP"))
        return readHttp(fromClient, text);
    LineReading reading;
    const bool pop3 = m_protocol == QLatin1String("POP3");
    const bool smtp = m_protocol == QLatin1String("SMTP");
    const bool contentSide = pop3 ? !fromClient : fromClient;

    if ((m_mode == Mode::MessageHeaders || m_mode == Mode::MessageBody) && contentSide) {
        reading.verb = m_lastCommand;
        if (text == QLatin1String(".")) {
            reading.role = LineRole::EndOfData;
            m_mode = Mode::Commands;
            m_lastCommand = smtp ? QStringLiteral(".") : m_lastCommand;
            return reading;
        }
        // Dot-stuffing (RFC 5321 section 4.5.2): a leading ".." is one "." of content.
        const QString line = text.startsWith(QLatin1String("..")) ? text.mid(1) : text;
        if (m_mode == Mode::MessageHeaders) {
            if (line.isEmpty()) {
                reading.role = LineRole::Separator;
                m_mode = Mode::MessageBody;
                return reading;
            }
            if (line[0] == QLatin1Char(' ') || line[0] == QLatin1Char('\t')) {
                reading.role = LineRole::HeaderFolded;
                return reading;
            }
            reading.field = headerName(line);
            if (!reading.field.isEmpty()) {
                reading.role = LineRole::Header;
                return reading;
            }
            m_mode = Mode::MessageBody;
        }
        reading.role = LineRole::Body;
        return reading;
    }
    if (m_mode == Mode::Listing && !fromClient) {
        reading.verb = m_lastCommand;
        reading.role = text == QLatin1String(".") ? LineRole::EndOfData : LineRole::Listing;
        if (reading.role == LineRole::EndOfData)
            m_mode = Mode::Commands;
        return reading;
    }

    if (fromClient) {
        reading.role = LineRole::Command;
        reading.verb = firstWord(text);
        m_lastCommand = reading.verb;
        m_pendingMultiLine.clear();
        if (pop3) {
            const bool hasArgument = text.trimmed().contains(QLatin1Char(' '));
            if (reading.verb == QLatin1String("RETR") || reading.verb == QLatin1String("TOP"))
                m_pendingMultiLine = QStringLiteral("message");
            else if (reading.verb == QLatin1String("CAPA") ||
                     ((reading.verb == QLatin1String("LIST") ||
                       reading.verb == QLatin1String("UIDL")) &&
                      !hasArgument))
                m_pendingMultiLine = QStringLiteral("listing");
        }
        return reading;
    }

    reading.role = LineRole::Reply;
    reading.verb = m_lastCommand;
    if (pop3) {
        if (text.startsWith(QLatin1String("+OK")))
            reading.code = 1;
        else if (text.startsWith(QLatin1String("-ERR")))
            reading.code = -1;
        if (reading.code == 1 && m_pendingMultiLine == QLatin1String("message"))
            m_mode = Mode::MessageHeaders;
        else if (reading.code == 1 && m_pendingMultiLine == QLatin1String("listing"))
            m_mode = Mode::Listing;
        m_pendingMultiLine.clear();
        return reading;
    }
    reading.code = smtpCode(text);
    reading.continued = text.size() > 3 && text[3] == QLatin1Char('-');
    static const QRegularExpression enhanced(
        QStringLiteral("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b"));
    const QRegularExpressionMatch match = enhanced.match(text);
    if (match.hasMatch())
        reading.enhanced = match.captured(1);
    if (reading.code == 354)
        m_mode = Mode::MessageHeaders;
    return reading;
}

QString Explanations::smtpCommand(const QString &verb)
{
    const QString text = lookUp(kSmtpCommands, verb);
    if (!text.isEmpty())
        return text;
    return tr("%1 is not an SMTP command: the server answers 500, command unrecognized "
              "(RFC 5321 section 4.2.4).")
        .arg(verb);
}

QString Explanations::pop3Command(const QString &verb)
{
    const QString text = lookUp(kPop3Commands, verb);
    if (!text.isEmpty())
        return text;
    return tr("%1 is not a POP3 command: the server answers -ERR.").arg(verb);
}

QString Explanations::smtpReply(int code)
{
    for (const CodeEntry &entry : kSmtpCodes)
        if (entry.code == code)
            return tr(entry.text);
    return tr("%1: a reply code without a fixed meaning; its first digit tells the class.")
        .arg(code);
}

QString Explanations::smtpReplyClass(int code)
{
    switch (code / 100) {
    case 2:
        return tr("2yz, positive completion: the action is done; the client goes on "
                  "(RFC 5321 section 4.2.1).");
    case 3:
        return tr("3yz, positive intermediate: accepted so far; the server waits for more "
                  "(RFC 5321 section 4.2.1).");
    case 4:
        return tr("4yz, transient negative completion: not now, try again later; the message "
                  "stays in the sender's queue (RFC 5321 section 4.2.1).");
    case 5:
        return tr("5yz, permanent negative completion: do not repeat it as it is; a message "
                  "that cannot go on is bounced to its sender (RFC 5321 section 4.2.1).");
    }
    return {};
}

QString Explanations::enhancedStatus(const QString &code)
{
    const QStringList parts = code.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    QString klass;
    switch (parts[0].toInt()) {
    case 2:
        klass = tr("success");
        break;
    case 4:
        klass = tr("persistent transient failure");
        break;
    case 5:
        klass = tr("permanent failure");
        break;
    }
    QString subject;
    switch (parts[1].toInt()) {
    case 0:
        subject = tr("other or undefined status");
        break;
    case 1:
        subject = tr("addressing status");
        break;
    case 2:
        subject = tr("mailbox status");
        break;
    case 3:
        subject = tr("mail system status");
        break;
    case 4:
        subject = tr("network and routing status");
        break;
    case 5:
        subject = tr("mail delivery protocol status");
        break;
    case 6:
        subject = tr("message content or media status");
        break;
    case 7:
        subject = tr("security or policy status");
        break;
    }
    return tr("Enhanced status code %1: %2, %3 (RFC 3463).").arg(code, klass, subject);
}

QString Explanations::headerField(const QString &field)
{
    return lookUp(kHeaderFields, field.toLower());
}

QColor Explanations::replyColour(int code)
{
    if (code == 1)
        return QColor(0x1b, 0x7a, 0x2e);
    if (code == -1)
        return QColor(0xc6, 0x28, 0x28);
    switch (code / 100) {
    case 2:
        return QColor(0x1b, 0x7a, 0x2e); // green
    case 3:
        return QColor(0x1f, 0x5f, 0xbf); // blue
    case 4:
        return QColor(0xc2, 0x5e, 0x00); // orange
    case 5:
        return QColor(0xc6, 0x28, 0x28); // red
    }
    return {};
}

Explanations::Text Explanations::explainHttp(bool fromClient, const LineReading &reading)
{
    Text out;
    const QString part = fromClient ? tr("request") : tr("answer");
    switch (reading.role) {
    case LineRole::Command:
        out.title = tr("%1 \u2014 HTTP request (RFC 9110)").arg(reading.verb);
        out.body = lookUp(kHttpMethods, reading.verb);
        if (out.body.isEmpty())
            out.body =
                tr("%1 is not a method this server knows: it answers 501.").arg(reading.verb);
        out.body += QLatin1Char(' ') + tr("The request line is: method, path, version.");
        break;
    case LineRole::Reply:
        out.title = tr("%1 \u2014 HTTP status (RFC 9110 section 15)").arg(reading.code);
        out.body = lookUp(kHttpStatus, QString::number(reading.code));
        if (!reading.verb.isEmpty())
            out.body += QLatin1Char(' ') + tr("It answers %1.").arg(reading.verb);
        break;
    case LineRole::Header:
        out.title = tr("%1: \u2014 HTTP field of the %2").arg(reading.field, part);
        out.body = lookUp(kHttpFields, reading.field.toLower());
        break;
    case LineRole::Separator:
        out.title = tr("Empty line \u2014 end of the HTTP fields (RFC 9112 section 2.1)");
        out.body =
            tr("What follows is the body of the %1; Content-Length says how long it is.").arg(part);
        break;
    default:
        out.title = fromClient ? tr("Body of the request: the form's fields")
                               : tr("Body of the answer: the page's HTML");
        out.body = fromClient ? tr("A form's fields as name=value pairs joined by &, with "
                                   "special characters %-encoded (application/"
                                   "x-www-form-urlencoded).")
                              : tr("The browser draws this page. The webmail built it from "
                                   "what the mail server answered over IMAP.");
        break;
    }
    return out;
}

Explanations::Text Explanations::explain(const QString &protocol, bool fromClient,
                                         const QString &text, const LineReading &reading)
{
    if (protocol.compare(QLatin1String("HTTP"), Qt::CaseInsensitive) == 0)
        return explainHttp(fromClient, reading);
    const bool pop3 = protocol.compare(QLatin1String("POP3"), Qt::CaseInsensitive) == 0;
    const bool smtp = protocol.compare(QLatin1String("SMTP"), Qt::CaseInsensitive) == 0;
    Text out;
    const QString answers =
        reading.verb.isEmpty()
            ? tr("It answers the opening of the connection: the greeting.")
            : (reading.verb == QLatin1String(".")
                   ? tr("It answers the end of the message data (the line \".\"): with 250 "
                        "the server has taken responsibility for delivering it.")
                   : tr("It answers %1.").arg(reading.verb));
    const QString content = pop3 ? tr("This line is part of the downloaded message, not a "
                                      "POP3 command or reply.")
                                 : tr("This line is part of the message (sent after DATA), "
                                      "not of the SMTP envelope: servers carry it without "
                                      "acting on it.");
    switch (reading.role) {
    case LineRole::Command:
        if (smtp) {
            const bool envelope =
                reading.verb == QLatin1String("MAIL") || reading.verb == QLatin1String("RCPT");
            out.title = envelope ? tr("%1 \u2014 envelope (SMTP, RFC 5321)").arg(reading.verb)
                                 : tr("%1 \u2014 SMTP command (RFC 5321)").arg(reading.verb);
            out.body = smtpCommand(reading.verb);
        } else if (pop3) {
            out.title = tr("%1 \u2014 POP3 command (RFC 1939)").arg(reading.verb);
            out.body = pop3Command(reading.verb);
        } else {
            out.title = tr("%1 \u2014 %2 command").arg(reading.verb, protocol);
        }
        break;
    case LineRole::Reply:
        if (pop3) {
            if (reading.code == 1) {
                out.title = tr("+OK \u2014 positive status (POP3, RFC 1939)");
                out.body = tr("+OK: the command worked (RFC 1939 section 3).");
            } else if (reading.code == -1) {
                out.title = tr("-ERR \u2014 negative status (POP3, RFC 1939)");
                out.body = tr("-ERR: the command failed: wrong password, no such message, or "
                              "a command in the wrong state (RFC 1939 section 3).");
            } else {
                out.title = tr("POP3 reply");
            }
            if (reading.verb.isEmpty() && reading.code == 1)
                out.body += QLatin1Char(' ') +
                            tr("The greeting: the session starts in the AUTHORIZATION state "
                               "(RFC 1939 section 4).");
            else if (!reading.verb.isEmpty())
                out.body += QLatin1Char(' ') + answers;
        } else if (smtp && reading.code > 0) {
            out.title = tr("%1 \u2014 SMTP reply (RFC 5321 section 4.2)").arg(reading.code);
            out.body = smtpReply(reading.code) + QLatin1Char(' ') + smtpReplyClass(reading.code) +
                       QLatin1Char(' ') + answers;
            if (!reading.enhanced.isEmpty())
                out.body += QLatin1Char(' ') + enhancedStatus(reading.enhanced);
            if (reading.continued)
                out.body +=
                    QLatin1Char(' ') + tr("The \"-\" after the code means more lines of this reply "
                                          "follow; the last has a space (RFC 5321 section 4.2.1).");
        } else {
            out.title = tr("%1 reply").arg(protocol);
        }
        break;
    case LineRole::Header:
        out.title = tr("%1: \u2014 header (part of the message, RFC 5322)").arg(reading.field);
        out.body = content + QLatin1Char(' ') +
                   tr("Header fields come first in the message, one \"Name: value\" per line "
                      "(RFC 5322 section 2.2).");
        if (!headerField(reading.field).isEmpty())
            out.body += QLatin1Char(' ') + headerField(reading.field);
        break;
    case LineRole::HeaderFolded:
        out.title = tr("Folded header line (part of the message, RFC 5322)");
        out.body = content + QLatin1Char(' ') +
                   tr("A line that starts with a space continues the header field above it "
                      "(RFC 5322 section 2.2.3).");
        break;
    case LineRole::Separator:
        out.title = tr("Empty line \u2014 end of the headers (RFC 5322)");
        out.body = content + QLatin1Char(' ') +
                   tr("The first empty line separates the header fields from the body "
                      "(RFC 5322 section 2.1).");
        break;
    case LineRole::Body:
        out.title = tr("Body line (part of the message, RFC 5322)");
        out.body = content + QLatin1Char(' ') +
                   tr("The body is the text the reader reads, after the empty line.");
        break;
    case LineRole::EndOfData:
        if (pop3) {
            out.title = tr(". \u2014 end of a multi-line answer (RFC 1939 section 3)");
            out.body = tr("A line with a single \".\" ends the multi-line answer; lines of "
                          "content that start with \".\" get a second one (dot-stuffing).");
        } else {
            out.title = tr(". \u2014 end of the message data (RFC 5321 section 4.1.1.4)");
            out.body = tr("<CRLF>.<CRLF> ends the message. Now the server answers: 250 "
                          "accepts responsibility for the message. A content line that "
                          "starts with \".\" is sent with a second one (dot-stuffing, RFC "
                          "5321 section 4.5.2).");
        }
        break;
    case LineRole::Listing:
        out.title = tr("Line of a multi-line answer to %1 (RFC 1939)").arg(reading.verb);
        out.body = reading.verb == QLatin1String("UIDL")
                       ? tr("A message number and its unique id.")
                       : (reading.verb == QLatin1String("CAPA")
                              ? tr("One capability the server supports (RFC 2449).")
                              : tr("A message number and its size in octets."));
        break;
    case LineRole::Other:
        out.title = fromClient ? tr("Client line") : tr("Server line");
        break;
    }
    Q_UNUSED(text);
    return out;
}

} // namespace carteiro::app
