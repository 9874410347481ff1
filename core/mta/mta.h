#pragma once

#include "core/dns/mxresolver.h"
#include "core/mailbox/mailboxstore.h"
#include "core/mta/deliverystatus.h"
#include "core/mta/mailqueue.h"
#include "core/net/network.h"
#include "core/scenario/scenario.h"
#include "core/smtp/smtpclientsession.h"
#include "core/smtp/smtpserversession.h"

#include <QSet>

#include <memory>
#include <random>

namespace carteiro::core {

// What an MTA needs of the world around it.
struct MtaContext
{
    Simulation *simulation = nullptr;
    Network *network = nullptr;
    FaultTable *faults = nullptr;
    const MxResolver *resolver = nullptr;
    const Scenario *scenario = nullptr;
    QString dnsHost; // the scenario's DNS server, if it has one: lookups cost a round trip
};

// A mail server: SMTP server on 25 (relay) and 587 (submission), the queue with its retry
// schedule, local delivery into mailboxes, bounces, and the POP3 server on 110.
class Mta
{
public:
    static constexpr int kSmtpPort = 25;
    static constexpr int kSubmissionPort = 587; // RFC 6409
    static constexpr int kPop3Port = 110;
    static constexpr int kImapPort = 143;

    Mta(MtaContext context, HostSpec spec, SmtpStyle style, RetryPolicy retry);
    ~Mta();

    const QString &name() const { return m_spec.name; }
    const HostSpec &spec() const { return m_spec; }
    SmtpStyle style() const { return m_style; }
    const RetryPolicy &retryPolicy() const { return m_retry; }
    QString greeting() const;
    bool offersSubmission() const;
    bool isLocalDomain(const QString &domain) const;
    // Local domains and the domains this host is a backup MX for.
    bool acceptsMailFor(const QString &domain) const;
    // Domains this host is a backup MX for: it accepts their mail and relays it on.
    void addRelayDomain(const QString &domain) { m_relayDomains.insert(domain.toLower()); }
    // Client machines whose user agents submit here: they may relay (Postfix's mynetworks).
    void addTrustedClient(const QString &host) { m_trustedClients.insert(host.toLower()); }

    void listen();
    // A fresh server session as the host configures it; the network's listeners and the
    // CLI's `talk` both use these.
    std::unique_ptr<LineSession> openSmtpSession(const QString &clientHost, int port);
    std::unique_ptr<LineSession> openPop3Session(const QString &clientHost);
    std::unique_ptr<LineSession> openImapSession(const QString &clientHost);

    MailboxStore &mailboxes() { return m_mailboxes; }
    const MailboxStore &mailboxes() const { return m_mailboxes; }
    const MailQueue &queue() const { return m_queue; }

    // Takes a message accepted over SMTP: adds the Received field, delivers locally or queues
    // for relay. Returns the queue id.
    QString accept(const SmtpEnvelope &envelope, const QByteArray &data, const QString &clientHost,
                   int port);
    std::optional<SmtpReply> policyReply(SmtpStage stage, const QString &argument);
    bool hasMailbox(const QString &address) const;
    QString displayAddress(const QString &address) const;
    bool checkPassword(const QString &user, const QString &password) const;

private:
    struct AttemptState;
    struct DomainDelivery;

    QString nextQueueId();
    void enqueue(const QString &sender, const QStringList &recipients, const QByteArray &data);
    void admit(const QString &id, const QString &sender, const QStringList &recipients,
               const QByteArray &data, const QString &description, const QString &from = {});
    void deliverLocally(const QString &sender, const QString &recipient, const QByteArray &data,
                        const QString &queueId);
    void scheduleAttempt(QueueEntry &entry, SimTime at);
    void attempt(const QString &queueId);
    void startDomain(const std::shared_ptr<AttemptState> &state, const QString &domain,
                     const QStringList &recipients);
    void resolved(const std::shared_ptr<AttemptState> &state,
                  const std::shared_ptr<DomainDelivery> &delivery, const MxAnswer &answer);
    void tryNextHost(const std::shared_ptr<AttemptState> &state,
                     const std::shared_ptr<DomainDelivery> &delivery);
    void domainDone(const std::shared_ptr<AttemptState> &state,
                    const std::shared_ptr<DomainDelivery> &delivery,
                    const QList<SmtpDeliveryResult> &results, const QString &remoteMta);
    void finishAttempt(const std::shared_ptr<AttemptState> &state);
    void bounce(const QueueEntry &entry, const QList<FailedRecipient> &failures);
    void record(TraceEvent::Type type, const QString &text, const QString &queueId,
                const QString &other = {});

    MtaContext m_context;
    HostSpec m_spec;
    SmtpStyle m_style;
    RetryPolicy m_retry;
    MailboxStore m_mailboxes;
    MailQueue m_queue;
    QSet<QString> m_relayDomains;
    QSet<QString> m_trustedClients;
    std::mt19937_64 m_random;
};

} // namespace carteiro::core
