#include "core/webmail/webmail.h"

#include "core/agent/imapscriptclient.h"
#include "core/agent/useragent.h"
#include "core/imap/imapclientsession.h"
#include "core/imap/imapcommand.h"
#include "core/message/mimemessage.h"
#include "core/message/rfc5322.h"
#include "core/mta/mta.h"
#include "core/smtp/smtpclientsession.h"

#include <QLocale>

namespace carteiro::core {

namespace {

// The first text part a reader would show: text/plain, else text/html, depth first.
const MimePart *readableText(const MimePart &part, const QString &type)
{
    if (!part.isMultipart() && part.contentType == type &&
        part.disposition() != QLatin1String("attachment"))
        return &part;
    for (const MimePart &child : part.children)
        if (const MimePart *found = readableText(child, type))
            return found;
    return nullptr;
}

void attachmentsOf(const MimePart &part, QStringList *names)
{
    if (!part.isMultipart() && !part.filename().isEmpty())
        names->append(QStringLiteral("%1 (%2, %3 bytes)")
                          .arg(part.filename(), part.contentType)
                          .arg(part.decodedBody().size()));
    for (const MimePart &child : part.children)
        attachmentsOf(child, names);
}

// "/message/12" and "/message/12/delete": the UID, or 0.
quint32 uidIn(const QByteArray &path, const QByteArray &suffix)
{
    const QByteArray prefix = "/message/";
    if (!path.startsWith(prefix) || !path.endsWith(suffix))
        return 0;
    const QByteArray number = path.mid(prefix.size(), path.size() - prefix.size() - suffix.size());
    bool ok = false;
    const quint32 uid = number.toUInt(&ok);
    return ok ? uid : 0;
}

// LOGIN with each argument as an atom, a quoted string or a LITERAL+ literal (RFC 7888).
QString loginCommand(const QString &login, const QString &password)
{
    return QStringLiteral("LOGIN ") + QString::fromUtf8(imapClientAString(login.toUtf8())) +
           QLatin1Char(' ') + QString::fromUtf8(imapClientAString(password.toUtf8()));
}

QStringList addressesIn(const QString &field)
{
    QStringList addresses;
    for (const Mailbox &mailbox : mime::parseAddressList(field))
        if (!mailbox.address.isEmpty())
            addresses.append(mailbox.address);
    return addresses;
}

} // namespace

Webmail::Webmail(Network &network, const Scenario &scenario, HostSpec spec, MtaLookup mtas)
    : m_network(network), m_scenario(scenario), m_spec(std::move(spec)), m_mtas(std::move(mtas)),
      m_random(network.simulation().randomStream("webmail/" + m_spec.name.toUtf8()))
{}

Webmail::~Webmail() = default;

QString Webmail::imapServer() const
{
    return m_spec.accessServer;
}

QString Webmail::smtpServer() const
{
    return m_spec.submitTo.isEmpty() ? m_spec.accessServer : m_spec.submitTo;
}

void Webmail::listen()
{
    m_network.listen(m_spec.name, kHttpPort, QStringLiteral("HTTP"),
                     [this](const QString &) { return openHttpSession(); });
}

std::unique_ptr<LineSession> Webmail::openHttpSession()
{
    return std::make_unique<HttpServerSession>(*this);
}

HttpResponse Webmail::page(int status, const QString &title, const QString &body) const
{
    HttpResponse response;
    response.status = status;
    // RFC 9110 section 6.6.1: an origin server with a clock sends Date (IMF-fixdate).
    response.fields.add("Date", QLocale::c()
                                    .toString(rfc5322::wallClock(m_network.simulation().now()),
                                              QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                    .toLatin1());
    response.fields.add("Server", "Carteiro-Webmail");
    response.fields.add("Content-Type", "text/html; charset=utf-8");
    response.fields.add("Cache-Control", "no-store");
    // One element per line, so the dialogue shows the page as readable lines.
    const QString html = QStringLiteral("<!DOCTYPE html>\n<title>%1 - %2</title>\n%3")
                             .arg(title.toHtmlEscaped(), m_spec.name.toHtmlEscaped(), body);
    response.body = rfc5322::toCrlf(html.toUtf8());
    if (!response.body.endsWith("\r\n"))
        response.body += "\r\n";
    return response;
}

HttpResponse Webmail::redirect(const QByteArray &location) const
{
    // 303: after a form is posted, the browser GETs the next page (RFC 9110 section 15.4.4).
    HttpResponse response = page(
        303, QStringLiteral("See Other"),
        QStringLiteral("<a href=\"%1\">%1</a>").arg(QString::fromUtf8(location).toHtmlEscaped()));
    response.fields.add("Location", location);
    return response;
}

const Webmail::SignIn *Webmail::signInOf(const HttpRequest &request) const
{
    // "Cookie: sid=...; other=..." (RFC 6265 section 5.4).
    for (const QByteArray &cookie : request.fields.value("Cookie").split(';')) {
        const QByteArray pair = cookie.trimmed();
        if (pair.startsWith("sid=")) {
            const auto found = m_signIns.constFind(pair.mid(4));
            if (found != m_signIns.constEnd())
                return &found.value();
        }
    }
    return nullptr;
}

QString Webmail::loginFor(const QString &address) const
{
    return UserAgent::loginName(address, m_mtas(imapServer()));
}

void Webmail::handle(const HttpRequest &request, Respond respond)
{
    const QByteArray path = request.path();
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const SignIn *signIn = signInOf(request);

    // Which methods each page takes, for 405 and its Allow field (RFC 9110 section 15.5.6).
    QByteArrayList allowed;
    if (path == "/" || path == "/inbox" || path == "/compose" || uidIn(path, ""))
        allowed = {"GET", "HEAD"};
    else if (path == "/login" || path == "/send" || path == "/logout" || uidIn(path, "/delete"))
        allowed = {"POST"};
    if (allowed.isEmpty()) {
        respond(page(404, QStringLiteral("Not Found"),
                     QStringLiteral("<p>There is no page %1 here.</p>\n")
                         .arg(QString::fromUtf8(path).toHtmlEscaped())));
        return;
    }
    if (!allowed.contains(method)) {
        // RFC 9110 section 9.1: a method the server does not know at all is 501.
        static const QByteArrayList known{"GET",     "HEAD",  "POST",  "PUT",    "DELETE",
                                          "OPTIONS", "TRACE", "PATCH", "CONNECT"};
        const bool isKnown = known.contains(request.method);
        HttpResponse response =
            page(isKnown ? 405 : 501,
                 isKnown ? QStringLiteral("Method Not Allowed") : QStringLiteral("Not Implemented"),
                 QStringLiteral("<p>%1 takes %2.</p>\n")
                     .arg(QString::fromUtf8(path).toHtmlEscaped(),
                          QString::fromLatin1(allowed.join(", "))));
        if (isKnown)
            response.fields.add("Allow", allowed.join(", "));
        respond(response);
        return;
    }

    if (path == "/login") {
        login(request, respond);
        return;
    }
    if (path == "/logout") {
        for (auto it = m_signIns.begin(); it != m_signIns.end(); ++it)
            if (&it.value() == signIn) {
                m_signIns.erase(it);
                break;
            }
        HttpResponse response = redirect("/");
        response.fields.add("Set-Cookie", "sid=; Path=/; Max-Age=0");
        respond(response);
        return;
    }
    if (!signIn) {
        if (path == "/") {
            respond(page(200, QStringLiteral("Sign in"),
                         QStringLiteral("<h1>Webmail</h1>\n"
                                        "<form method=\"post\" action=\"/login\">\n"
                                        "<input name=\"user\"> <input name=\"password\" "
                                        "type=\"password\">\n"
                                        "<button>Sign in</button>\n"
                                        "</form>\n")));
        } else {
            respond(redirect("/")); // not signed in: back to the form
        }
        return;
    }
    const SignIn who = *signIn;
    if (path == "/") {
        respond(redirect("/inbox"));
    } else if (path == "/inbox") {
        inbox(who, respond);
    } else if (path == "/compose") {
        respond(page(200, QStringLiteral("New message"),
                     QStringLiteral("<form method=\"post\" action=\"/send\">\n"
                                    "<input name=\"to\"> <input name=\"cc\">\n"
                                    "<input name=\"subject\">\n"
                                    "<textarea name=\"body\"></textarea>\n"
                                    "<button>Send</button>\n"
                                    "</form>\n")));
    } else if (path == "/send") {
        send(who, request, respond);
    } else if (const quint32 uid = uidIn(path, "/delete")) {
        remove(who, uid, respond);
    } else {
        message(who, uidIn(path, ""), respond);
    }
}

void Webmail::login(const HttpRequest &request, Respond respond)
{
    const auto fields = form::decode(request.body);
    const QString address = form::value(fields, QStringLiteral("user")).trimmed();
    const QString password = form::value(fields, QStringLiteral("password"));
    if (address.isEmpty()) {
        respond(page(400, QStringLiteral("Bad Request"),
                     QStringLiteral("<p>The form must give a user.</p>")));
        return;
    }
    // The password is the mail server's to check: one IMAP LOGIN (seed 002: the webmail is a
    // client of the mail server like any other).
    const QString login = loginFor(address);
    auto client = std::make_shared<ImapScriptClient>(
        QStringList{loginCommand(login, password)},
        [this, address, password, respond](const ImapScriptClient::Outcome &outcome) {
            const bool accepted =
                !outcome.statuses.isEmpty() && outcome.statuses.first().startsWith("OK");
            if (!accepted) {
                const bool refused = !outcome.statuses.isEmpty();
                respond(page(refused ? 403 : 502,
                             refused ? QStringLiteral("Sign-in refused")
                                     : QStringLiteral("Mail server unreachable"),
                             QStringLiteral("<p class=\"error\">The mail server said: %1</p>\n"
                                            "<a href=\"/\">Try again</a>\n")
                                 .arg(outcome.failure.toHtmlEscaped())));
                return;
            }
            QByteArray sid;
            for (int i = 0; i < 2; ++i)
                sid += QByteArray::number(quint64(m_random()), 16).rightJustified(16, '0');
            m_signIns.insert(sid, SignIn{address, password});
            HttpResponse response = redirect("/inbox");
            // HttpOnly: page scripts cannot read it (RFC 6265 section 4.1.2.6).
            response.fields.add("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly");
            respond(response);
        });
    m_network.connect(m_spec.name, imapServer(), Mta::kImapPort, client);
}

void Webmail::inbox(const SignIn &signIn, Respond respond)
{
    auto session = std::make_shared<ImapClientSession>(
        loginFor(signIn.address), signIn.password, ImapClientSession::Mode::Headers,
        [this, signIn, respond](const ImapClientSession::Result &result) {
            if (!result.ok) {
                respond(page(502, QStringLiteral("Mail server unreachable"),
                             QStringLiteral("<p class=\"error\">The mail server said: %1</p>\n")
                                 .arg(result.error.toHtmlEscaped())));
                return;
            }
            QString rows;
            for (qsizetype i = 0; i < result.messages.size(); ++i) {
                const MimePart header = MimeParser::parse(result.messages.at(i));
                const bool seen = result.flags.at(i).contains(QStringLiteral("\\Seen"));
                rows += QStringLiteral("<tr class=\"%1\"><td>%2</td><td><a href=\"/message/%3\">"
                                       "%4</a></td><td>%5</td></tr>\n")
                            .arg(seen ? QStringLiteral("seen") : QStringLiteral("unseen"),
                                 header.decodedHeader(QStringLiteral("From")).toHtmlEscaped())
                            .arg(result.uids.at(i))
                            .arg(header.decodedHeader(QStringLiteral("Subject")).toHtmlEscaped(),
                                 header.header(QStringLiteral("Date")).toHtmlEscaped());
            }
            respond(page(200, QStringLiteral("Inbox (%1)").arg(result.messages.size()),
                         QStringLiteral("<h1>Inbox of %1</h1>\n<table>\n%2</table>\n"
                                        "<a href=\"/compose\">New message</a>\n")
                             .arg(signIn.address.toHtmlEscaped(), rows)));
        });
    m_network.connect(m_spec.name, imapServer(), Mta::kImapPort, session);
}

void Webmail::message(const SignIn &signIn, quint32 uid, Respond respond)
{
    // BODY[] rather than BODY.PEEK[]: showing the message marks it \Seen (RFC 3501 6.4.5).
    auto session = std::make_shared<ImapClientSession>(
        loginFor(signIn.address), signIn.password, ImapClientSession::Mode::Read,
        [this, uid, respond](const ImapClientSession::Result &result) {
            if (!result.ok) {
                respond(page(502, QStringLiteral("Mail server unreachable"),
                             QStringLiteral("<p class=\"error\">The mail server said: %1</p>\n")
                                 .arg(result.error.toHtmlEscaped())));
                return;
            }
            if (result.messages.isEmpty()) {
                respond(
                    page(404, QStringLiteral("Not Found"),
                         QStringLiteral("<p>There is no message %1 in the inbox.</p>\n").arg(uid)));
                return;
            }
            const MimePart mail = MimeParser::parse(result.messages.first());
            const MimePart *text = readableText(mail, QStringLiteral("text/plain"));
            if (!text)
                text = readableText(mail, QStringLiteral("text/html"));
            QStringList attachments;
            attachmentsOf(mail, &attachments);
            QString body = QStringLiteral("<h1>%1</h1>\n<p>From: %2<br>To: %3<br>Date: %4</p>\n")
                               .arg(mail.decodedHeader(QStringLiteral("Subject")).toHtmlEscaped(),
                                    mail.decodedHeader(QStringLiteral("From")).toHtmlEscaped(),
                                    mail.decodedHeader(QStringLiteral("To")).toHtmlEscaped(),
                                    mail.header(QStringLiteral("Date")).toHtmlEscaped());
            body += QStringLiteral("<pre>\n%1</pre>\n")
                        .arg((text ? text->text() : QString()).toHtmlEscaped());
            if (!attachments.isEmpty())
                body += QStringLiteral("<p>Attachments: %1</p>\n")
                            .arg(attachments.join(QStringLiteral(", ")).toHtmlEscaped());
            body += QStringLiteral("<form method=\"post\" action=\"/message/%1/delete\">"
                                   "<button>Delete</button></form>\n"
                                   "<a href=\"/inbox\">Inbox</a>\n")
                        .arg(uid);
            respond(page(200, mail.decodedHeader(QStringLiteral("Subject")), body));
        });
    session->setUid(uid);
    m_network.connect(m_spec.name, imapServer(), Mta::kImapPort, session);
}

void Webmail::remove(const SignIn &signIn, quint32 uid, Respond respond)
{
    auto client = std::make_shared<ImapScriptClient>(
        QStringList{
            loginCommand(loginFor(signIn.address), signIn.password), QStringLiteral("SELECT INBOX"),
            QStringLiteral("UID STORE %1 +FLAGS (\\Deleted)").arg(uid), QStringLiteral("EXPUNGE")},
        [this, respond](const ImapScriptClient::Outcome &outcome) {
            if (!outcome.ok) {
                respond(page(502, QStringLiteral("Not deleted"),
                             QStringLiteral("<p class=\"error\">The mail server said: %1</p>\n")
                                 .arg(outcome.failure.toHtmlEscaped())));
                return;
            }
            respond(redirect("/inbox"));
        });
    m_network.connect(m_spec.name, imapServer(), Mta::kImapPort, client);
}

void Webmail::send(const SignIn &signIn, const HttpRequest &request, Respond respond)
{
    const auto fields = form::decode(request.body);
    SendStep step;
    step.from = signIn.address;
    step.to = addressesIn(form::value(fields, QStringLiteral("to")));
    step.cc = addressesIn(form::value(fields, QStringLiteral("cc")));
    step.bcc = addressesIn(form::value(fields, QStringLiteral("bcc")));
    step.subject = form::value(fields, QStringLiteral("subject"));
    step.body = form::value(fields, QStringLiteral("body"));
    step.html = form::value(fields, QStringLiteral("html"));
    if (step.to.isEmpty() && step.cc.isEmpty() && step.bcc.isEmpty()) {
        respond(page(400, QStringLiteral("Bad Request"),
                     QStringLiteral("<p class=\"error\">A message needs a recipient.</p>\n")));
        return;
    }
    SmtpOutgoing outgoing = UserAgent::composeOutgoing(step, m_spec.name, m_scenario, m_random,
                                                       m_network.simulation().now());
    const int port =
        UserAgent::prepareSubmission(m_mtas(smtpServer()), m_scenario.user(step.from), outgoing);
    const QByteArray data = outgoing.data;
    auto session = std::make_shared<SmtpClientSession>(
        outgoing, [this, signIn, data, respond](const QList<SmtpDeliveryResult> &results) {
            QStringList refused;
            for (const SmtpDeliveryResult &r : results)
                if (r.outcome != SmtpDeliveryResult::Outcome::Delivered)
                    refused << QStringLiteral("<%1> %2").arg(r.recipient, r.diagnostic);
            if (!refused.isEmpty()) {
                respond(page(200, QStringLiteral("Not sent"),
                             QStringLiteral("<p class=\"error\">Not sent: %1</p>\n"
                                            "<a href=\"/compose\">New message</a>\n")
                                 .arg(refused.join(QStringLiteral("; ")).toHtmlEscaped())));
                return;
            }
            keepCopy(signIn, data, respond);
        });
    m_network.connect(m_spec.name, smtpServer(), port, session);
}

void Webmail::keepCopy(const SignIn &signIn, const QByteArray &message, Respond respond)
{
    // A copy in Sent, as mail programs keep one (APPEND with a LITERAL+ literal, RFC 7888).
    // CREATE may answer NO when Sent exists already; only the APPEND's answer matters.
    const QString append = QStringLiteral("APPEND Sent (\\Seen) {%1+}\r\n").arg(message.size()) +
                           QString::fromUtf8(message);
    auto client = std::make_shared<ImapScriptClient>(
        QStringList{loginCommand(loginFor(signIn.address), signIn.password),
                    QStringLiteral("CREATE Sent"), append},
        [this, respond](const ImapScriptClient::Outcome &) { respond(redirect("/inbox")); });
    m_network.connect(m_spec.name, imapServer(), Mta::kImapPort, client);
}

} // namespace carteiro::core
