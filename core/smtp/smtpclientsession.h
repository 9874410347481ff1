#pragma once

#include "core/net/linesession.h"
#include "core/smtp/smtpreply.h"
#include "core/smtp/smtpstyle.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace carteiro::core {

// One message to hand over to an SMTP server.
struct SmtpOutgoing
{
    QString heloName; // the client's own name, said after HELO/EHLO
    SmtpStyle style = SmtpStyle::Classic;
    QString sender; // empty for the null reverse-path <> (bounces)
    QStringList recipients;
    QByteArray data;  // headers and body with CRLF line ends, not yet dot-stuffed
    QString authUser; // when set and the server offers AUTH PLAIN, authenticate first
    QString authPassword;
};

// What happened to each recipient once the session is over.
struct SmtpDeliveryResult
{
    enum class Outcome { Delivered, TemporaryFailure, PermanentFailure };
    QString recipient;
    Outcome outcome = Outcome::TemporaryFailure;
    QString diagnostic;      // the server's reply ("550 5.1.1 ...") or the network error
    bool fromServer = false; // the diagnostic is a server reply, not a network failure
};

// The SMTP client of RFC 5321: greeting, HELO or EHLO, optional AUTH PLAIN, MAIL, one RCPT per
// recipient, DATA, the dot-stuffed message, QUIT. It acts on entering each state; the reply
// handler switches on state and reply class: 2xx advances, 4xx is temporary, 5xx permanent.
class SmtpClientSession : public ClientSession
{
public:
    using Finished = std::function<void(const QList<SmtpDeliveryResult> &)>;

    SmtpClientSession(SmtpOutgoing outgoing, Finished finished);
    ~SmtpClientSession() override;

    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override;
    // The stage the dialogue is in: "connect", "helo" (with AUTH), "mail", "rcpt", "data";
    // empty once QUIT is sent.
    QString stage() const override;
    void connectFailed(const QString &reason) override;
    void connectionLost() override;

    bool isFinished() const;
    const QList<SmtpDeliveryResult> &results() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carteiro::core
