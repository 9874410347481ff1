#pragma once

#include "core/net/linesession.h"
#include "core/smtp/smtpreply.h"
#include "core/smtp/smtpstyle.h"

#include <QMap>
#include <QStringList>

#include <memory>
#include <optional>

namespace carteiro::core {

// What the server knows of its host; set from the scenario's host entry.
struct SmtpServerConfig
{
    QString greeting = QStringLiteral("localhost"); // the text after 220, and the name in replies
    SmtpStyle style = SmtpStyle::Classic;
    int port = 25; // 587 is submission (RFC 6409)
    // VRFY / EXPN: 0 answers from the user table / lists; 252 or 502 refuses with that code.
    int vrfyMode = 0;
    int expnMode = 502;
    QMap<QString, QStringList> lists;   // list address -> member addresses
    int maxRecipients = 100;            // RFC 5321 4.5.3.1.8: at least 100
    qint64 maxMessageSize = 10'485'760; // octets, advertised by SIZE (RFC 1870)
    int softErrorLimit = 10;            // bad commands before each reply is delayed (Postfix)
    int hardErrorLimit = 20;            // bad commands before 421 and close (Postfix)
    // The client is on this MTA's own network (one of its user agents' machines): it may relay
    // without authentication, as Postfix's mynetworks allows.
    bool trustedClient = false;
    // Modern style on port 587: AUTH PLAIN LOGIN offered, and required before MAIL.
    bool offerAuth = false;
    bool requireAuth = false;
};

// The stages a fault can target.
enum class SmtpStage { Connect, Helo, Mail, Rcpt, Data };

struct SmtpEnvelope
{
    QString heloName;      // what the client said after HELO/EHLO
    bool extended = false; // EHLO rather than HELO
    QString authenticatedUser;
    QString sender; // reverse-path without <>; empty for the null path <>
    QStringList recipients;
};

// The host behind the session: users, domains, the queue, and injected faults.
class SmtpServerBackend
{
public:
    virtual ~SmtpServerBackend() = default;

    virtual bool isLocalDomain(const QString &domain) const = 0;
    // A local address that has a mailbox (case-insensitive local part).
    virtual bool hasMailbox(const QString &address) const = 0;
    // "Bob <bob@hamburger.edu>" for VRFY, or empty when unknown.
    virtual QString displayAddress(const QString &address) const = 0;
    virtual bool checkPassword(const QString &user, const QString &password) const = 0;
    // A reply that overrides the normal one at a stage (an injected reject or a full mailbox);
    // argument is the address for mail/rcpt, the HELO name for helo, empty otherwise.
    virtual std::optional<SmtpReply> policyReply(SmtpStage stage, const QString &argument)
    {
        Q_UNUSED(stage);
        Q_UNUSED(argument);
        return std::nullopt;
    }
    // Takes the message (headers and body, dot-stuffing removed, CRLF line ends). Returns the
    // queue id on success, or the failure reply.
    virtual std::optional<QString> acceptMessage(const SmtpEnvelope &envelope,
                                                 const QByteArray &data, SmtpReply *failure) = 0;
};

// The SMTP server of RFC 5321 as a state machine (see LineSession).
class SmtpServerSession : public LineSession
{
public:
    enum class State { Greeting, Ready, Mail, Rcpt, Data, AuthLogin, Closed };

    SmtpServerSession(SmtpServerConfig config, SmtpServerBackend *backend);
    ~SmtpServerSession() override;

    QByteArray open() override;
    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override;
    QString stage() const override;

    State state() const;
    const SmtpEnvelope &envelope() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carteiro::core
