#pragma once

#include "core/http/httpserversession.h"
#include "core/net/network.h"
#include "core/scenario/scenario.h"

#include <QHash>

#include <functional>
#include <random>

namespace carteiro::core {

class Mta;

// A webmail server (seed 002: "aplicações CGI executadas por um servidor HTTP"): it answers a
// browser over HTTP/1.1 and, for each page, speaks IMAP to the mail server behind it (and
// SMTP to send), one connection per page as a CGI program does. Pages:
//   GET  /                        the sign-in form (or a redirect to /inbox when signed in)
//   POST /login                   checks the password with an IMAP LOGIN, sets a cookie
//   GET  /inbox                   the message list (FETCH of the headers)
//   GET  /message/UID             one message (FETCH BODY[]: now \Seen)
//   POST /message/UID/delete      STORE \Deleted and EXPUNGE
//   GET  /compose, POST /send     a new message, submitted by SMTP, a copy kept in Sent
//   POST /logout                  forgets the sign-in
class Webmail : public HttpApplication
{
public:
    using MtaLookup = std::function<Mta *(const QString &name)>;

    Webmail(Network &network, const Scenario &scenario, HostSpec spec, MtaLookup mtas);
    ~Webmail() override;

    const QString &name() const { return m_spec.name; }
    const HostSpec &spec() const { return m_spec; }
    // The mail server it reads from (IMAP) and the one it sends through (SMTP).
    QString imapServer() const;
    QString smtpServer() const;

    void listen();
    std::unique_ptr<LineSession> openHttpSession();

    void handle(const HttpRequest &request, Respond respond) override;

private:
    struct SignIn
    {
        QString address;
        QString password;
    };

    HttpResponse page(int status, const QString &title, const QString &body) const;
    HttpResponse redirect(const QByteArray &location) const;
    const SignIn *signInOf(const HttpRequest &request) const;
    QString loginFor(const QString &address) const;

    void login(const HttpRequest &request, Respond respond);
    void inbox(const SignIn &signIn, Respond respond);
    void message(const SignIn &signIn, quint32 uid, Respond respond);
    void remove(const SignIn &signIn, quint32 uid, Respond respond);
    void send(const SignIn &signIn, const HttpRequest &request, Respond respond);
    void keepCopy(const SignIn &signIn, const QByteArray &message, Respond respond);

    Network &m_network;
    const Scenario &m_scenario;
    HostSpec m_spec;
    MtaLookup m_mtas;
    std::mt19937_64 m_random;
    QHash<QByteArray, SignIn> m_signIns; // by session cookie
};

} // namespace carteiro::core
