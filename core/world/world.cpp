#include "core/world/world.h"

#include "core/agent/imapscriptclient.h"
#include "core/agent/telnetclient.h"
#include "core/message/rfc5322.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace carteiro::core {

World::World(Scenario scenario)
    : m_scenario(std::move(scenario)), m_simulation(m_scenario.seed),
      m_network(m_simulation, m_trace, m_faults)
{
    build();
}

World::~World()
{
    // Waiting events hold connections whose sessions use the MTAs' mailboxes: they go first,
    // while the MTAs are still there (a world may be dropped mid-run, e.g. when stepping back).
    m_simulation.clear();
    m_network.dropConnections();
}

void World::record(TraceEvent event)
{
    m_network.record(std::move(event));
}

void World::build()
{
    m_scenario.index();
    m_network.setDefaultLatency(m_scenario.latency);
    for (const LinkSpec &link : m_scenario.links)
        m_network.setLinkLatency(link.a, link.b, link.latency);
    m_resolver = std::make_unique<MxResolver>(m_scenario.dns, m_faults);

    MtaContext context;
    context.simulation = &m_simulation;
    context.network = &m_network;
    context.faults = &m_faults;
    context.resolver = m_resolver.get();
    context.scenario = &m_scenario;
    for (const HostSpec &host : m_scenario.hosts)
        if (host.role == HostRole::Dns && context.dnsHost.isEmpty())
            context.dnsHost = host.name;

    for (const HostSpec &host : m_scenario.hosts) {
        if (host.role != HostRole::Mta)
            continue;
        auto mta = std::make_unique<Mta>(context, host, host.style.value_or(m_scenario.style),
                                         host.retry.value_or(m_scenario.retry));
        // A host named as MX of a domain it does not hold is that domain's backup relay.
        for (const DnsZone &zone : m_scenario.dns)
            for (const MxRecord &mx : zone.mx)
                if (mx.host.compare(host.name, Qt::CaseInsensitive) == 0 &&
                    !mta->isLocalDomain(zone.domain))
                    mta->addRelayDomain(zone.domain);
        mta->listen();
        m_mtas[host.name.toLower()] = std::move(mta);
    }
    for (const HostSpec &host : m_scenario.hosts) {
        if (host.role != HostRole::Webmail)
            continue;
        auto webmail = std::make_unique<Webmail>(m_network, m_scenario, host,
                                                 [this](const QString &name) { return mta(name); });
        webmail->listen();
        // It sends on its users' behalf, as their own machines would.
        for (const QString &server : {webmail->smtpServer(), webmail->imapServer()})
            if (Mta *mta = this->mta(server))
                mta->addTrustedClient(host.name);
        m_webmails[host.name.toLower()] = std::move(webmail);
    }
    for (const HostSpec &host : m_scenario.hosts) {
        if (host.role != HostRole::Client)
            continue;
        if (!m_machineOf.contains(host.user.toLower()))
            m_machineOf.insert(host.user.toLower(), host.name);
        for (const QString &server : {host.submitTo, host.accessServer})
            if (Mta *mta = this->mta(server))
                mta->addTrustedClient(host.name);
    }

    std::vector<const Step *> ordered;
    for (const Step &step : m_scenario.steps)
        ordered.push_back(&step);
    // Steps play in time order; steps at the same time in file order.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Step *a, const Step *b) { return a->at < b->at; });
    for (const Step *step : ordered)
        schedule(*step);
}

Mta *World::mta(const QString &name) const
{
    auto found = m_mtas.find(name.toLower());
    return found == m_mtas.end() ? nullptr : found->second.get();
}

QList<Mta *> World::mtas() const
{
    QList<Mta *> all;
    for (const HostSpec &host : m_scenario.hosts)
        if (Mta *found = mta(host.name))
            all << found;
    return all;
}

Mta *World::homeOf(const QString &address) const
{
    const QString domain = rfc5322::domainOf(address);
    for (Mta *candidate : mtas())
        if (candidate->isLocalDomain(domain))
            return candidate;
    return nullptr;
}

Webmail *World::webmail(const QString &name) const
{
    auto found = m_webmails.find(name.toLower());
    return found == m_webmails.end() ? nullptr : found->second.get();
}

UserAgent *World::agentOn(const QString &host)
{
    auto &agent = m_agents[host.toLower()];
    if (!agent)
        agent = std::make_unique<UserAgent>(m_network, m_scenario, host,
                                            [this](const QString &name) { return mta(name); });
    return agent.get();
}

UserAgent *World::agentFor(const QString &user)
{
    const QString machine = m_machineOf.value(user.toLower());
    if (!machine.isEmpty())
        return agentOn(machine);
    // A user without a machine of their own in the scenario still has a mail program.
    return agentOn(rfc5322::localPartOf(user).toLower() + QStringLiteral("-pc"));
}

UserAgent *World::agentFor(const QString &user, const QString &device)
{
    return device.isEmpty() ? agentFor(user) : agentOn(device);
}

QString World::accessServerOf(const UserAgent *agent, const QString &user) const
{
    // The machine's configured server, else the MTA that holds the user's domain.
    const HostSpec *host = m_scenario.host(agent->host());
    if (host && !host->accessServer.isEmpty())
        return host->accessServer;
    const Mta *home = homeOf(user);
    return home ? home->name() : QString();
}

QString World::webmailOf(const UserAgent *agent, const QString &user) const
{
    // The machine's webmail site, else one that reads the user's own mail server.
    const HostSpec *host = m_scenario.host(agent->host());
    if (host && host->accessProtocol == QLatin1String("http"))
        return host->accessServer;
    const Mta *home = homeOf(user);
    for (const auto &[name, site] : m_webmails)
        if (home && site->imapServer().compare(home->name(), Qt::CaseInsensitive) == 0)
            return site->name();
    return m_webmails.empty() ? QString() : m_webmails.begin()->second->name();
}

void World::schedule(const Step &step)
{
    switch (step.kind) {
    case Step::Kind::Send:
        m_simulation.scheduleAt(step.at, [this, send = step.send]() {
            UserAgent *agent = agentFor(send.from);
            const HostSpec *host = m_scenario.host(agent->host());
            QString submitTo = host ? host->submitTo : QString();
            if (submitTo.isEmpty())
                if (Mta *home = homeOf(send.from))
                    submitTo = home->name();
            if (webmail(submitTo))
                agent->browse(submitTo, send.from, &send, nullptr);
            else
                agent->send(send, submitTo);
        });
        break;
    case Step::Kind::Fetch:
        m_simulation.scheduleAt(step.at, [this, fetch = step.fetch]() {
            UserAgent *agent = agentFor(fetch.user, fetch.device);
            if (fetch.protocol == QLatin1String("http"))
                agent->browse(webmailOf(agent, fetch.user), fetch.user, nullptr, &fetch);
            else
                agent->fetch(fetch, accessServerOf(agent, fetch.user));
        });
        break;
    case Step::Kind::Telnet:
        m_simulation.scheduleAt(step.at, [this, telnet = step.telnet]() {
            const bool pop3 =
                m_network.protocolAt(telnet.to, telnet.port) == QLatin1String("POP3") ||
                telnet.port == Mta::kPop3Port;
            auto client = std::make_shared<TelnetClient>(telnet.lines, pop3);
            m_network.connect(telnet.from, telnet.to, telnet.port, client);
        });
        break;
    case Step::Kind::Imap:
        m_simulation.scheduleAt(step.at, [this, imap = step.imap]() { runImap(imap); });
        break;
    case Step::Kind::Note:
        m_simulation.scheduleAt(step.at, [this, note = step.note]() {
            TraceEvent event;
            event.type = TraceEvent::Type::Note;
            event.text = note.en.isEmpty() ? note.pt : note.en;
            event.extra = QStringList{note.pt};
            record(event);
        });
        break;
    case Step::Kind::Ask:
        m_simulation.scheduleAt(step.at, [this, ask = step.ask]() {
            TraceEvent event;
            event.type = TraceEvent::Type::Ask;
            event.text = ask.question.en.isEmpty() ? ask.question.pt : ask.question.en;
            event.extra = ask.choices;
            event.extra << ask.answer;
            record(event);
        });
        break;
    case Step::Kind::Fault:
        scheduleFault(step);
        break;
    }
}

namespace {

// A mailbox name as an IMAP astring: quoted when it is not a plain atom (RFC 3501 section 9).
QString imapName(const QString &name)
{
    static const QRegularExpression atom(QStringLiteral("^[A-Za-z0-9._/-]+$"));
    if (atom.match(name).hasMatch())
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// What a mail program sends for each folder action (RFC 3501 section 6.3 and 6.4).
QStringList imapCommands(const ImapStep &imap, const QString &login, const QString &password)
{
    QStringList commands{QStringLiteral("LOGIN %1 %2").arg(imapName(login), imapName(password)),
                         QStringLiteral("SELECT %1").arg(imapName(imap.mailbox))};
    for (const ImapAction &a : imap.actions) {
        const QString flags = QStringLiteral("(%1)").arg(a.flags.join(QLatin1Char(' ')));
        if (a.kind == QLatin1String("create"))
            commands << QStringLiteral("CREATE %1").arg(imapName(a.folder));
        else if (a.kind == QLatin1String("delete-folder"))
            commands << QStringLiteral("DELETE %1").arg(imapName(a.folder));
        else if (a.kind == QLatin1String("rename"))
            commands << QStringLiteral("RENAME %1 %2").arg(imapName(a.folder), imapName(a.target));
        else if (a.kind == QLatin1String("copy"))
            commands << QStringLiteral("COPY %1 %2").arg(a.message).arg(imapName(a.folder));
        else if (a.kind == QLatin1String("move"))
            // IMAP4rev1 has no MOVE: copy, mark deleted, expunge (RFC 6851 adds MOVE later).
            commands << QStringLiteral("COPY %1 %2").arg(a.message).arg(imapName(a.folder))
                     << QStringLiteral("STORE %1 +FLAGS (\\Deleted)").arg(a.message)
                     << QStringLiteral("EXPUNGE");
        else if (a.kind == QLatin1String("flag"))
            commands << QStringLiteral("STORE %1 +FLAGS %2").arg(a.message).arg(flags);
        else if (a.kind == QLatin1String("unflag"))
            commands << QStringLiteral("STORE %1 -FLAGS %2").arg(a.message).arg(flags);
        else if (a.kind == QLatin1String("delete"))
            commands << QStringLiteral("STORE %1 +FLAGS (\\Deleted)").arg(a.message);
        else if (a.kind == QLatin1String("expunge"))
            commands << QStringLiteral("EXPUNGE");
    }
    return commands;
}

} // namespace

void World::runImap(const ImapStep &imap)
{
    UserAgent *agent = agentFor(imap.user, imap.device);
    const QString server = accessServerOf(agent, imap.user);
    const UserSpec *user = m_scenario.user(imap.user);
    const QString login = UserAgent::loginName(imap.user, mta(server));
    const QString device = agent->host();
    auto client = std::make_shared<ImapScriptClient>(
        imapCommands(imap, login, user ? user->password : QString()),
        [this, device, server](const ImapScriptClient::Outcome &outcome) {
            if (outcome.ok)
                return;
            TraceEvent event;
            event.type = TraceEvent::Type::Close;
            event.protocol = QStringLiteral("IMAP");
            event.client = device;
            event.server = server;
            event.text = QStringLiteral("mail program reports: %1").arg(outcome.failure);
            record(event);
        });
    m_network.connect(device, server, Mta::kImapPort, client);
}

void World::scheduleFault(const Step &step)
{
    const FaultSpec fault = step.fault;
    const SimTime start = step.at + fault.at;
    auto id = std::make_shared<FaultTable::FaultId>(0);
    auto faultEvent = [](const FaultSpec &f, const QString &text) {
        TraceEvent event;
        event.type = TraceEvent::Type::Fault;
        event.server = f.host.isEmpty() ? f.domain.isEmpty() ? f.user : f.domain : f.host;
        event.text = text;
        return event;
    };
    m_simulation.scheduleAt(start, [this, fault, id, faultEvent]() {
        *id = m_faults.activate(fault);
        record(faultEvent(fault, FaultTable::describe(fault)));
    });
    std::optional<SimTime> end;
    if (fault.duration)
        end = start + *fault.duration;
    else if (fault.until)
        end = *fault.until;
    if (end) {
        m_simulation.scheduleAt(std::max(*end, start), [this, fault, id, faultEvent]() {
            // Ended early already (a live host brought back up).
            if (!m_faults.isActive(*id))
                return;
            m_faults.deactivate(*id);
            record(faultEvent(fault, FaultTable::describeEnd(fault)));
        });
    }
}

void World::injectFault(const FaultSpec &fault)
{
    Step step;
    step.kind = Step::Kind::Fault;
    step.at = m_simulation.now();
    step.fault = fault;
    scheduleFault(step);
}

bool World::bringUp(const QString &host)
{
    const std::vector<FaultTable::FaultId> ids = m_faults.activeOn(host, QStringLiteral("down"));
    for (const FaultTable::FaultId id : ids)
        m_faults.deactivate(id);
    if (ids.empty())
        return false;
    FaultSpec fault;
    fault.kind = QStringLiteral("down");
    fault.host = host;
    TraceEvent event;
    event.type = TraceEvent::Type::Fault;
    event.server = host;
    event.text = FaultTable::describeEnd(fault);
    record(event);
    return true;
}

quint64 World::run()
{
    return m_simulation.run();
}

void World::runUntilTraceSize(std::size_t events)
{
    while (m_trace.size() < events && m_simulation.step()) {
    }
}

std::unique_ptr<LineSession> World::openServerSession(const QString &host, int port, QString *error)
{
    if (Webmail *site = webmail(host)) {
        if (port == kHttpPort)
            return site->openHttpSession();
        if (error)
            *error = QStringLiteral("connect to %1 port %2: connection refused (a webmail "
                                    "serves HTTP on port %3)")
                         .arg(host)
                         .arg(port)
                         .arg(kHttpPort);
        return nullptr;
    }
    Mta *server = mta(host);
    if (!server) {
        if (error)
            *error = QStringLiteral("%1 is not a mail server in this scenario").arg(host);
        return nullptr;
    }
    const QStringList &services = server->spec().services;
    if (port == Mta::kSmtpPort && services.contains(QStringLiteral("smtp")))
        return server->openSmtpSession(QStringLiteral("student-pc"), port);
    if (port == Mta::kSubmissionPort && services.contains(QStringLiteral("submission")))
        return server->openSmtpSession(QStringLiteral("student-pc"), port);
    if (port == Mta::kPop3Port && services.contains(QStringLiteral("pop3")))
        return server->openPop3Session(QStringLiteral("student-pc"));
    if (port == Mta::kImapPort && services.contains(QStringLiteral("imap")))
        return server->openImapSession(QStringLiteral("student-pc"));
    if (error)
        *error = QStringLiteral("connect to %1 port %2: connection refused (services: %3)")
                     .arg(host)
                     .arg(port)
                     .arg(services.join(QStringLiteral(", ")));
    return nullptr;
}

QJsonObject World::state() const
{
    QJsonObject mailboxes;
    QJsonObject queues;
    for (Mta *server : mtas()) {
        for (const QString &address : server->mailboxes().addresses()) {
            const MailAccount *account = server->mailboxes().account(address);
            QJsonObject folders;
            for (auto it = account->folders.cbegin(); it != account->folders.cend(); ++it) {
                QJsonArray messages;
                for (const StoredMessage &message : it.value().messages) {
                    QJsonArray headers;
                    for (const HeaderField &field : rfc5322::parseHeaders(message.raw))
                        headers.append(QJsonArray{field.first, field.second});
                    QJsonObject entry;
                    entry.insert(QStringLiteral("uid"), qint64(message.uid));
                    entry.insert(QStringLiteral("from"),
                                 rfc5322::headerValue(message.raw, QStringLiteral("From")));
                    entry.insert(QStringLiteral("to"),
                                 rfc5322::headerValue(message.raw, QStringLiteral("To")));
                    entry.insert(QStringLiteral("subject"),
                                 rfc5322::headerValue(message.raw, QStringLiteral("Subject")));
                    entry.insert(QStringLiteral("headers"), headers);
                    entry.insert(QStringLiteral("flags"),
                                 QJsonArray::fromStringList(message.flags));
                    entry.insert(QStringLiteral("arrived"), message.arrived);
                    entry.insert(QStringLiteral("raw"), QString::fromUtf8(message.raw));
                    messages.append(entry);
                }
                folders.insert(it.key(), messages);
            }
            mailboxes.insert(address, folders);
        }
        QJsonArray entries;
        for (const QueueEntry &entry : server->queue().entries()) {
            QJsonObject item;
            item.insert(QStringLiteral("id"), entry.id);
            item.insert(QStringLiteral("sender"), entry.sender);
            item.insert(QStringLiteral("recipients"), QJsonArray::fromStringList(entry.recipients));
            item.insert(QStringLiteral("attempts"), entry.attempts);
            item.insert(QStringLiteral("queued_at"), entry.queuedAt);
            item.insert(QStringLiteral("next_retry"), entry.nextAttempt);
            item.insert(QStringLiteral("last_error"), entry.lastError);
            entries.append(item);
        }
        queues.insert(server->name(), entries);
    }
    QJsonObject state;
    state.insert(QStringLiteral("mailboxes"), mailboxes);
    state.insert(QStringLiteral("queues"), queues);
    return state;
}

} // namespace carteiro::core
