#include "core/mta/mta.h"

#include "core/imap/imapserversession.h"
#include "core/message/rfc5322.h"
#include "core/pop3/pop3serversession.h"

#include <QMap>

namespace carteiro::core {

namespace {

// The MTA as one SMTP session sees it: the client's host and the port it came in on.
class MtaSmtpBackend : public SmtpServerBackend
{
public:
    MtaSmtpBackend(Mta &mta, QString clientHost, int port)
        : m_mta(mta), m_clientHost(std::move(clientHost)), m_port(port)
    {}

    // "Local" to the SMTP session means "mail for it is taken here", relay domains included.
    bool isLocalDomain(const QString &domain) const override
    {
        return m_mta.acceptsMailFor(domain);
    }
    bool hasMailbox(const QString &address) const override { return m_mta.hasMailbox(address); }
    QString displayAddress(const QString &address) const override
    {
        return m_mta.displayAddress(address);
    }
    bool checkPassword(const QString &user, const QString &password) const override
    {
        return m_mta.checkPassword(user, password);
    }
    std::optional<SmtpReply> policyReply(SmtpStage stage, const QString &argument) override
    {
        return m_mta.policyReply(stage, argument);
    }
    std::optional<QString> acceptMessage(const SmtpEnvelope &envelope, const QByteArray &data,
                                         SmtpReply *failure) override
    {
        Q_UNUSED(failure);
        return m_mta.accept(envelope, data, m_clientHost, m_port);
    }

private:
    Mta &m_mta;
    QString m_clientHost;
    int m_port;
};

// An SMTP server session that owns the backend it talks to.
class MtaSmtpSession : public LineSession
{
public:
    MtaSmtpSession(std::unique_ptr<MtaSmtpBackend> backend, SmtpServerConfig config)
        : m_backend(std::move(backend)), m_session(std::move(config), m_backend.get())
    {}
    QByteArray open() override { return m_session.open(); }
    QByteArray receive(const QByteArray &bytes) override { return m_session.receive(bytes); }
    bool closing() const override { return m_session.closing(); }
    QString stage() const override { return m_session.stage(); }

private:
    std::unique_ptr<MtaSmtpBackend> m_backend;
    SmtpServerSession m_session;
};

QString stageName(SmtpStage stage)
{
    switch (stage) {
    case SmtpStage::Connect:
        return QStringLiteral("connect");
    case SmtpStage::Helo:
        return QStringLiteral("helo");
    case SmtpStage::Mail:
        return QStringLiteral("mail");
    case SmtpStage::Rcpt:
        return QStringLiteral("rcpt");
    case SmtpStage::Data:
        return QStringLiteral("data");
    }
    return {};
}

} // namespace

struct Mta::DomainDelivery
{
    QString domain;
    QStringList recipients;
    QList<MxRecord> hosts;
    int index = -1;
    QList<SmtpDeliveryResult> lastResults;
    QString lastHost;
};

struct Mta::AttemptState
{
    QString queueId;
    int pendingDomains = 0;
    QList<SmtpDeliveryResult> results;
    QMap<QString, QString> remoteMta; // recipient -> host that answered
};

Mta::Mta(MtaContext context, HostSpec spec, SmtpStyle style, RetryPolicy retry)
    : m_context(context), m_spec(std::move(spec)), m_style(style), m_retry(retry),
      m_random(context.simulation->randomStream("mta/" + m_spec.name.toUtf8()))
{
    for (const UserSpec &user : m_context.scenario->users)
        if (isLocalDomain(rfc5322::domainOf(user.address)))
            m_mailboxes.addAccount(user.address, user.name, user.password);
    m_mailboxes.setChangeListener([this](const QString &address, int count) {
        TraceEvent event;
        event.type = TraceEvent::Type::Mailbox;
        event.client = address;
        event.server = m_spec.name;
        event.count = count;
        event.text = QStringLiteral("%1 has %2 message(s) in INBOX")
                         .arg(address)
                         .arg(QString::number(count));
        m_context.network->record(std::move(event));
    });
}

Mta::~Mta() = default;

QString Mta::greeting() const
{
    return m_spec.greeting.isEmpty() ? m_spec.name : m_spec.greeting;
}

bool Mta::offersSubmission() const
{
    return m_spec.services.contains(QStringLiteral("submission"));
}

bool Mta::isLocalDomain(const QString &domain) const
{
    for (const QString &local : m_spec.localDomains)
        if (local.compare(domain, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool Mta::acceptsMailFor(const QString &domain) const
{
    return isLocalDomain(domain) || m_relayDomains.contains(domain.toLower());
}

bool Mta::hasMailbox(const QString &address) const
{
    const QString domain = rfc5322::domainOf(address);
    if (m_relayDomains.contains(domain) && !isLocalDomain(domain))
        return true; // a backup MX cannot know the users; the primary decides
    if (m_mailboxes.hasAccount(address))
        return true;
    for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it)
        if (it.key().compare(address, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString Mta::displayAddress(const QString &address) const
{
    const MailAccount *account = m_mailboxes.account(address);
    if (!account)
        return {};
    return account->name.isEmpty() ? QStringLiteral("<%1>").arg(account->address)
                                   : QStringLiteral("%1 <%2>").arg(account->name, account->address);
}

bool Mta::checkPassword(const QString &user, const QString &password) const
{
    QString address = user;
    if (!address.contains(QLatin1Char('@')) && !m_spec.localDomains.isEmpty())
        address += QLatin1Char('@') + m_spec.localDomains.first();
    const MailAccount *account = m_mailboxes.account(address);
    return account && account->password == password;
}

void Mta::listen()
{
    Network &network = *m_context.network;
    auto smtpOn = [this](int port) {
        return [this, port](const QString &client) { return openSmtpSession(client, port); };
    };
    if (m_spec.services.contains(QStringLiteral("smtp")))
        network.listen(m_spec.name, kSmtpPort, QStringLiteral("SMTP"), smtpOn(kSmtpPort));
    if (offersSubmission())
        network.listen(m_spec.name, kSubmissionPort, QStringLiteral("SMTP"),
                       smtpOn(kSubmissionPort));
    if (m_spec.services.contains(QStringLiteral("pop3")))
        network.listen(m_spec.name, kPop3Port, QStringLiteral("POP3"),
                       [this](const QString &client) { return openPop3Session(client); });
    if (m_spec.services.contains(QStringLiteral("imap")))
        network.listen(m_spec.name, kImapPort, QStringLiteral("IMAP"),
                       [this](const QString &client) { return openImapSession(client); });
}

std::unique_ptr<LineSession> Mta::openSmtpSession(const QString &clientHost, int port)
{
    SmtpServerConfig config;
    config.greeting = greeting();
    config.style = m_style;
    config.port = port;
    config.vrfyMode = m_spec.vrfyMode;
    config.expnMode = m_spec.expnMode;
    config.lists = m_spec.lists;
    config.maxRecipients = m_spec.maxRecipients;
    config.maxMessageSize = m_spec.maxMessageSize;
    config.trustedClient =
        m_trustedClients.contains(clientHost.toLower()) || isLoopbackPeer(clientHost);
    // Submission (RFC 6409) in modern style authenticates its users; classic style predates
    // AUTH and trusts its own network, as the textbook's servers did.
    config.offerAuth = m_style == SmtpStyle::Modern && port == kSubmissionPort;
    config.requireAuth = config.offerAuth;
    auto backend = std::make_unique<MtaSmtpBackend>(*this, clientHost, port);
    return std::make_unique<MtaSmtpSession>(std::move(backend), config);
}

std::unique_ptr<LineSession> Mta::openPop3Session(const QString &clientHost)
{
    Q_UNUSED(clientHost);
    Pop3ServerConfig config;
    config.hostname = greeting();
    config.localDomains = m_spec.localDomains;
    return std::make_unique<Pop3ServerSession>(config, &m_mailboxes);
}

std::unique_ptr<LineSession> Mta::openImapSession(const QString &clientHost)
{
    Q_UNUSED(clientHost);
    ImapServerConfig config;
    config.hostname = greeting();
    config.localDomains = m_spec.localDomains;
    return std::make_unique<ImapServerSession>(config, &m_mailboxes);
}

std::optional<SmtpReply> Mta::policyReply(SmtpStage stage, const QString &argument)
{
    const FaultTable &faults = *m_context.faults;
    if (const FaultSpec *reject = faults.reject(m_spec.name, stageName(stage), argument)) {
        QString text = reject->text;
        if (text.isEmpty())
            text = reject->code >= 500
                       ? QStringLiteral("%1 rejected")
                             .arg(argument.isEmpty() ? stageName(stage)
                                                     : QStringLiteral("<%1>").arg(argument))
                       : QStringLiteral("Service temporarily unavailable, try again later");
        return SmtpReply(reject->code, text);
    }
    // Only the server that holds the mailbox knows it is full.
    if (stage == SmtpStage::Rcpt && isLocalDomain(rfc5322::domainOf(argument))) {
        if (const FaultSpec *full = faults.mailboxFull(argument)) {
            // RFC 5321 section 4.2.2: 452 insufficient storage is temporary, 552 permanent.
            if (full->permanent)
                return SmtpReply(552, QStringLiteral("<%1>: Mailbox full").arg(argument),
                                 m_style == SmtpStyle::Modern ? QStringLiteral("5.2.2")
                                                              : QString());
            return SmtpReply(452,
                             QStringLiteral("<%1>: Mailbox full, try again later").arg(argument),
                             m_style == SmtpStyle::Modern ? QStringLiteral("4.2.2") : QString());
        }
    }
    return std::nullopt;
}

QString Mta::nextQueueId()
{
    // Postfix-like short hexadecimal ids, drawn from this MTA's own random stream.
    return QString::number(m_random() & 0xffffffffffull, 16).rightJustified(10, u'0').toUpper();
}

void Mta::record(TraceEvent::Type type, const QString &text, const QString &queueId,
                 const QString &other)
{
    TraceEvent event;
    event.type = type;
    event.protocol = QStringLiteral("SMTP");
    event.client = m_spec.name;
    event.server = other;
    event.text = text;
    event.messageId = queueId;
    event.count = int(m_queue.size());
    m_context.network->record(std::move(event));
}

QString Mta::accept(const SmtpEnvelope &envelope, const QByteArray &data, const QString &clientHost,
                    int port)
{
    const QString id = nextQueueId();
    const SimTime now = m_context.simulation->now();
    QString with = envelope.extended ? QStringLiteral("ESMTP") : QStringLiteral("SMTP");
    if (!envelope.authenticatedUser.isEmpty())
        with += QLatin1Char('A'); // RFC 3848: ESMTPA
    // "from HELO (HOST) by NAME (Carteiro) with ESMTP id ID for <RCPT>; DATE", built in one
    // buffer: this runs for every message of a storm.
    const QString date = rfc5322::formatDate(now);
    QString received;
    received.reserve(80 + envelope.heloName.size() + clientHost.size() + m_spec.name.size() +
                     id.size() + date.size() +
                     (envelope.recipients.size() == 1 ? envelope.recipients.first().size() : 0));
    received += u"from ";
    received += envelope.heloName;
    received += u" (";
    received += clientHost;
    received += u") by ";
    received += m_spec.name;
    received += u" (Carteiro) with ";
    received += with;
    received += u" id ";
    received += id;
    if (envelope.recipients.size() == 1) {
        received += u" for <";
        received += envelope.recipients.first();
        received += u'>';
    }
    received += u"; ";
    received += date;
    const QByteArray stamped = rfc5322::prependField(data, QStringLiteral("Received"), received);

    // Lists expand here, as sendmail's aliases do (seed 001: EXPN shows the same members).
    QStringList recipients;
    for (const QString &rcpt : envelope.recipients) {
        bool expanded = false;
        for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it) {
            if (it.key().compare(rcpt, Qt::CaseInsensitive) == 0) {
                recipients << it.value();
                expanded = true;
            }
        }
        if (!expanded)
            recipients << rcpt;
    }
    recipients.removeDuplicates();

    admit(id, envelope.sender, recipients, stamped,
          QStringLiteral("accepted %1 from <%2> for %3 (port %4)")
              .arg(id, envelope.sender, recipients.join(QStringLiteral(", ")))
              .arg(QString::number(port)),
          clientHost);
    return id;
}

void Mta::enqueue(const QString &sender, const QStringList &recipients, const QByteArray &data)
{
    const QString id = nextQueueId();
    admit(id, sender, recipients, data,
          QStringLiteral("queued %1 from <%2> for %3")
              .arg(id, sender, recipients.join(QStringLiteral(", "))));
}

void Mta::admit(const QString &id, const QString &sender, const QStringList &recipients,
                const QByteArray &data, const QString &description, const QString &from)
{
    // Local recipients get their copy now; the rest wait in the queue for delivery attempts.
    QStringList local;
    QStringList remote;
    for (const QString &rcpt : recipients)
        (isLocalDomain(rfc5322::domainOf(rcpt)) ? local : remote) << rcpt;
    const SimTime now = m_context.simulation->now();
    if (!remote.isEmpty()) {
        QueueEntry entry;
        entry.id = id;
        entry.sender = sender;
        entry.recipients = remote;
        entry.data = data;
        entry.queuedAt = now;
        m_queue.add(std::move(entry));
    }
    record(TraceEvent::Type::Queue, description, id, from);
    for (const QString &rcpt : local)
        deliverLocally(sender, rcpt, data, id);
    if (QueueEntry *queued = remote.isEmpty() ? nullptr : m_queue.find(id))
        scheduleAttempt(*queued, now);
}

void Mta::deliverLocally(const QString &sender, const QString &recipient, const QByteArray &data,
                         const QString &queueId)
{
    if (!m_mailboxes.hasAccount(recipient)) {
        // Accepted for a user who is not here (a list member, say): bounce it.
        FailedRecipient failure{
            recipient, QStringLiteral("5.1.1"),
            QStringLiteral("unknown user: \"%1\"").arg(rfc5322::localPartOf(recipient)), QString(),
            false};
        QueueEntry entry;
        entry.id = queueId;
        entry.sender = sender;
        entry.data = data;
        bounce(entry, {failure});
        return;
    }
    // RFC 5321 section 4.4: the final delivery records the reverse-path as Return-Path.
    const QByteArray final = rfc5322::prependField(data, QStringLiteral("Return-Path"),
                                                   QStringLiteral("<%1>").arg(sender));
    record(TraceEvent::Type::Deliver, QStringLiteral("delivered to %1 (INBOX)").arg(recipient),
           queueId);
    m_mailboxes.deliver(recipient, final, m_context.simulation->now());
}

void Mta::scheduleAttempt(QueueEntry &entry, SimTime at)
{
    entry.nextAttempt = at;
    const QString id = entry.id;
    entry.timer = m_context.simulation->scheduleAt(at, [this, id]() { attempt(id); });
}

void Mta::attempt(const QString &queueId)
{
    QueueEntry *entry = m_queue.find(queueId);
    if (!entry || entry->inFlight)
        return;
    entry->inFlight = true;
    ++entry->attempts;

    QMap<QString, QStringList> byDomain;
    for (const QString &rcpt : entry->recipients)
        byDomain[rfc5322::domainOf(rcpt)] << rcpt;

    auto state = std::make_shared<AttemptState>();
    state->queueId = queueId;
    state->pendingDomains = int(byDomain.size());
    for (auto it = byDomain.cbegin(); it != byDomain.cend(); ++it)
        startDomain(state, it.key(), it.value());
}

void Mta::startDomain(const std::shared_ptr<AttemptState> &state, const QString &domain,
                      const QStringList &recipients)
{
    auto delivery = std::make_shared<DomainDelivery>();
    delivery->domain = domain;
    delivery->recipients = recipients;
    // The lookup is answered one round trip to the DNS server later, if the scenario has one.
    const QString &dns = m_context.dnsHost;
    const SimTime delay = dns.isEmpty() ? 0 : 2 * m_context.network->latency(m_spec.name, dns);
    m_context.simulation->schedule(delay, [this, state, delivery]() {
        resolved(state, delivery, m_context.resolver->lookup(delivery->domain, &m_random));
    });
}

void Mta::resolved(const std::shared_ptr<AttemptState> &state,
                   const std::shared_ptr<DomainDelivery> &delivery, const MxAnswer &answer)
{
    TraceEvent event;
    event.type = TraceEvent::Type::Dns;
    event.protocol = QStringLiteral("DNS");
    event.client = m_spec.name;
    event.server = m_context.dnsHost;
    event.text = QStringLiteral("MX %1? -> %2").arg(delivery->domain, answer.describe());
    event.messageId = state->queueId;
    m_context.network->record(std::move(event));

    auto failAll = [&](SmtpDeliveryResult::Outcome outcome, const QString &why) {
        QList<SmtpDeliveryResult> results;
        for (const QString &rcpt : delivery->recipients)
            results.append(SmtpDeliveryResult{rcpt, outcome, why, false});
        domainDone(state, delivery, results, QString());
    };
    if (answer.status == MxAnswer::Status::NxDomain) {
        failAll(SmtpDeliveryResult::Outcome::PermanentFailure,
                QStringLiteral("Host or domain name not found. Name service error for name=%1 "
                               "type=MX: Host not found")
                    .arg(delivery->domain));
        return;
    }
    if (answer.status == MxAnswer::Status::ServFail) {
        failAll(SmtpDeliveryResult::Outcome::TemporaryFailure,
                QStringLiteral("Host or domain name not found. Name service error for name=%1 "
                               "type=MX: Host not found, try again")
                    .arg(delivery->domain));
        return;
    }
    // RFC 5321 section 5.1: an MTA that is itself one of the MX hosts only tries the hosts
    // more preferred than itself (a backup MX relays to the primary, never to itself).
    int ownPreference = -1;
    for (const MxRecord &record : answer.records)
        if (record.host.compare(m_spec.name, Qt::CaseInsensitive) == 0)
            ownPreference = record.preference;
    for (const MxRecord &record : answer.records)
        if (ownPreference < 0 || record.preference < ownPreference)
            delivery->hosts.append(record);
    if (delivery->hosts.isEmpty()) {
        failAll(SmtpDeliveryResult::Outcome::PermanentFailure,
                ownPreference >= 0
                    ? QStringLiteral("mail for %1 loops back to myself").arg(delivery->domain)
                    : QStringLiteral("no mail host for %1").arg(delivery->domain));
        return;
    }
    tryNextHost(state, delivery);
}

void Mta::tryNextHost(const std::shared_ptr<AttemptState> &state,
                      const std::shared_ptr<DomainDelivery> &delivery)
{
    ++delivery->index;
    if (delivery->index >= delivery->hosts.size()) {
        domainDone(state, delivery, delivery->lastResults, delivery->lastHost);
        return;
    }
    const QString host = delivery->hosts.at(delivery->index).host;
    const QueueEntry *entry = m_queue.find(state->queueId);
    if (!entry)
        return;
    SmtpOutgoing outgoing;
    outgoing.heloName = greeting();
    outgoing.style = m_style;
    outgoing.sender = entry->sender;
    outgoing.recipients = delivery->recipients;
    outgoing.data = entry->data;
    auto session = std::make_shared<SmtpClientSession>(
        outgoing, [this, state, delivery, host](const QList<SmtpDeliveryResult> &results) {
            // Deferred, not by the recipient's answer but by the host (unreachable, 421):
            // the next MX may do better (RFC 5321 section 5.1).
            bool hostLevel = !results.isEmpty();
            for (const SmtpDeliveryResult &r : results)
                hostLevel = hostLevel &&
                            r.outcome == SmtpDeliveryResult::Outcome::TemporaryFailure &&
                            (!r.fromServer || r.diagnostic.startsWith(QLatin1String("421")));
            delivery->lastResults = results;
            delivery->lastHost = host;
            // Leave the session's own callback before the next connection starts.
            m_context.simulation->schedule(0, [this, state, delivery, results, host, hostLevel]() {
                if (hostLevel)
                    tryNextHost(state, delivery);
                else
                    domainDone(state, delivery, results, host);
            });
        });
    m_context.network->connect(m_spec.name, host, kSmtpPort, session, state->queueId);
}

void Mta::domainDone(const std::shared_ptr<AttemptState> &state,
                     const std::shared_ptr<DomainDelivery> &delivery,
                     const QList<SmtpDeliveryResult> &results, const QString &remoteMta)
{
    Q_UNUSED(delivery);
    for (const SmtpDeliveryResult &result : results) {
        state->results.append(result);
        state->remoteMta.insert(result.recipient, result.fromServer ? remoteMta : QString());
    }
    if (--state->pendingDomains == 0)
        finishAttempt(state);
}

void Mta::finishAttempt(const std::shared_ptr<AttemptState> &state)
{
    QueueEntry *entry = m_queue.find(state->queueId);
    if (!entry)
        return;
    entry->inFlight = false;
    const SimTime now = m_context.simulation->now();
    QList<FailedRecipient> failures;
    QList<QPair<QString, QString>> delivered; // what to tell, and the host that took it
    QString lastError;
    bool deferred = false;
    for (const SmtpDeliveryResult &result : state->results) {
        const QString remote = state->remoteMta.value(result.recipient);
        switch (result.outcome) {
        case SmtpDeliveryResult::Outcome::Delivered:
            entry->recipients.removeAll(result.recipient);
            entry->history.append({now, QStringLiteral("delivered"), result.diagnostic});
            delivered.append({QStringLiteral("relayed %1 to %2: %3")
                                  .arg(result.recipient, remote, result.diagnostic),
                              remote});
            break;
        case SmtpDeliveryResult::Outcome::PermanentFailure:
            entry->recipients.removeAll(result.recipient);
            entry->history.append({now, QStringLiteral("bounced"), result.diagnostic});
            failures.append(
                {result.recipient,
                 DeliveryStatusNotification::statusOf(result.diagnostic, result.fromServer),
                 result.diagnostic, remote, result.fromServer});
            break;
        case SmtpDeliveryResult::Outcome::TemporaryFailure:
            deferred = true;
            lastError = result.diagnostic;
            break;
        }
    }
    if (deferred) {
        entry->lastError = lastError;
        entry->history.append({now, QStringLiteral("deferred"), lastError});
    }

    const SimTime giveUpAt = entry->queuedAt + m_retry.giveUpAfter;
    const bool expired = !entry->recipients.isEmpty() && entry->nextAttempt >= giveUpAt;
    // A message that is done leaves the queue first, so the events below tell the new length.
    QueueEntry done;
    if (entry->recipients.isEmpty() || expired) {
        done = *entry;
        m_queue.remove(done.id);
        entry = &done;
    }
    for (const auto &[text, remote] : std::as_const(delivered))
        record(TraceEvent::Type::Deliver, text, entry->id, remote);
    if (!failures.isEmpty())
        bounce(*entry, failures);
    if (entry->recipients.isEmpty())
        return;

    if (expired) {
        // The queue lifetime is over (seed 001: "caso insucesso, retira mensagem da fila e
        // notifica remetente").
        QList<FailedRecipient> lapsed;
        for (const QString &rcpt : std::as_const(entry->recipients)) {
            QString status = DeliveryStatusNotification::statusOf(entry->lastError, true);
            if (!status.startsWith(QLatin1Char('4')))
                status = QStringLiteral("4.4.7");
            lapsed.append(
                {rcpt, status,
                 QStringLiteral("delivery gave up after %1 attempts over %2; last error: %3")
                     .arg(QString::number(entry->attempts))
                     .arg(formatSimTime(now - entry->queuedAt), entry->lastError),
                 state->remoteMta.value(rcpt), false});
        }
        record(TraceEvent::Type::Retry,
               QStringLiteral("%1: giving up after %2 attempts")
                   .arg(entry->id)
                   .arg(QString::number(entry->attempts)),
               entry->id);
        bounce(*entry, lapsed);
        return;
    }
    // Attempts keep to the schedule (queued + k * every), whatever each attempt cost.
    const SimTime next = std::min(entry->nextAttempt + m_retry.every, giveUpAt);
    record(TraceEvent::Type::Retry,
           QStringLiteral("%1: attempt %2 deferred (%3); next attempt at %4")
               .arg(entry->id)
               .arg(QString::number(entry->attempts))
               .arg(lastError, formatSimTime(next)),
           entry->id);
    scheduleAttempt(*entry, next);
}

void Mta::bounce(const QueueEntry &entry, const QList<FailedRecipient> &failures)
{
    QStringList who;
    for (const FailedRecipient &f : failures)
        who << QStringLiteral("<%1> %2").arg(f.address, f.diagnostic);
    if (entry.sender.isEmpty()) {
        // RFC 5321 section 4.5.5: a bounce is never bounced; it is dropped with a log line.
        record(TraceEvent::Type::Bounce,
               QStringLiteral("%1 undeliverable, null sender: discarded (%2)")
                   .arg(entry.id, who.join(QStringLiteral("; "))),
               entry.id);
        return;
    }
    record(TraceEvent::Type::Bounce,
           QStringLiteral("%1 returned to <%2>: %3")
               .arg(entry.id, entry.sender, who.join(QStringLiteral("; "))),
           entry.id);
    const QByteArray dsn = DeliveryStatusNotification::compose(
        m_spec.name, entry.sender, failures, entry.data, m_context.simulation->now(), m_random);
    enqueue(QString(), {entry.sender}, dsn);
}

} // namespace carteiro::core
