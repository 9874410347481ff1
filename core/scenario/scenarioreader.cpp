#include "core/scenario/scenarioreader.h"

#include <QHash>
#include <QSet>

namespace carteiro::core {

namespace {

QStringList words(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QStringList &topLevelKeys()
{
    static const QStringList keys =
        words("carteiro title summary seed defaults dns hosts users links steps");
    return keys;
}

const QStringList &roleNames()
{
    static const QStringList names = words("mta client dns webmail");
    return names;
}

// The keys each role takes besides `role`.
QStringList roleKeys(const QString &role)
{
    if (role == QLatin1String("mta"))
        return words("local_domains greeting services vrfy expn lists max_recipients retry "
                     "style max_message_size");
    if (role == QLatin1String("client"))
        return words("user submit_to access");
    if (role == QLatin1String("webmail"))
        return words("submit_to access");
    return {};
}

HostRole roleFromName(const QString &role)
{
    if (role == QLatin1String("client"))
        return HostRole::Client;
    if (role == QLatin1String("dns"))
        return HostRole::Dns;
    if (role == QLatin1String("webmail"))
        return HostRole::Webmail;
    return HostRole::Mta;
}

QString roleName(HostRole role)
{
    switch (role) {
    case HostRole::Mta:
        return QStringLiteral("mta");
    case HostRole::Client:
        return QStringLiteral("client");
    case HostRole::Dns:
        return QStringLiteral("dns");
    case HostRole::Webmail:
        return QStringLiteral("webmail");
    }
    return {};
}

SmtpStyle styleFromName(const QString &style)
{
    return style == QLatin1String("modern") ? SmtpStyle::Modern : SmtpStyle::Classic;
}

const QStringList &styleNames()
{
    static const QStringList names = words("classic modern");
    return names;
}

const QStringList &stepActions()
{
    static const QStringList names = words("send fetch telnet note ask fault");
    return names;
}

const QStringList &stageNames()
{
    static const QStringList names = words("connect helo mail rcpt data");
    return names;
}

const QStringList &faultKinds()
{
    static const QStringList names =
        words("down refuse reject no-mx dns-fail mailbox-full slow drop");
    return names;
}

// The keys each fault kind takes besides kind, at, for and until (SCENARIO-FORMAT.md, Faults).
QStringList faultKeys(const QString &kind)
{
    static const QHash<QString, QStringList> keys = {
        {QStringLiteral("down"), words("host")},
        {QStringLiteral("refuse"), words("host port")},
        {QStringLiteral("reject"), words("host code text recipient sender stage")},
        {QStringLiteral("no-mx"), words("domain")},
        {QStringLiteral("dns-fail"), words("domain")},
        {QStringLiteral("mailbox-full"), words("user permanent")},
        {QStringLiteral("slow"), words("host between latency")},
        {QStringLiteral("drop"), words("host stage")},
    };
    return keys.value(kind);
}

// Of faultKeys(kind), the ones that must be there (slow's host-or-between is checked apart).
QStringList requiredFaultKeys(const QString &kind)
{
    if (kind == QLatin1String("reject"))
        return words("host code");
    if (kind == QLatin1String("no-mx") || kind == QLatin1String("dns-fail"))
        return words("domain");
    if (kind == QLatin1String("mailbox-full"))
        return words("user");
    if (kind == QLatin1String("slow"))
        return words("latency");
    return words("host");
}

QStringList unionOf(const QStringList &names, QStringList (*keysOf)(const QString &))
{
    QStringList all;
    for (const QString &name : names)
        for (const QString &key : keysOf(name))
            if (!all.contains(key))
                all.append(key);
    return all;
}

} // namespace

void ScenarioReader::read(const YAML::Node &document, Scenario &scenario)
{
    m_scenario = &scenario;
    const YamlField root{QString(), positionOf(document), document};
    if (document.IsNull()) {
        m_diagnostics.error({1, 1}, QStringLiteral("the file holds no scenario; a scenario "
                                                   "starts with 'carteiro: 1'"));
        return;
    }
    if (!document.IsMap()) {
        m_fields.error(root, QStringLiteral("expected a map of scenario keys (carteiro, title, "
                                            "hosts, steps, ...); got %1")
                                 .arg(FieldReader::describe(document)));
        return;
    }
    const YamlMap map(root, m_diagnostics);
    map.checkKeys(topLevelKeys());
    if (map.require(QStringLiteral("carteiro"),
                    QStringLiteral(" (the format version: 'carteiro: 1')")))
        readVersion(*map.find(QStringLiteral("carteiro")));
    if (const YamlField *field = map.find(QStringLiteral("title")))
        scenario.title = m_fields.text(*field).value_or(LocalizedText());
    if (const YamlField *field = map.find(QStringLiteral("summary")))
        scenario.summary = m_fields.text(*field).value_or(LocalizedText());
    if (const YamlField *field = map.find(QStringLiteral("seed")))
        scenario.seed = m_fields.unsignedInteger(*field).value_or(0);
    // defaults first: host retry policies start from defaults.retry.
    if (const YamlField *field = map.find(QStringLiteral("defaults")))
        readDefaults(*field);
    if (const YamlField *field = map.find(QStringLiteral("dns")))
        readDns(*field);
    if (const YamlField *field = map.find(QStringLiteral("hosts")))
        readHosts(*field);
    if (const YamlField *field = map.find(QStringLiteral("users")))
        readUsers(*field);
    if (const YamlField *field = map.find(QStringLiteral("links")))
        readLinks(*field);
    if (const YamlField *field = map.find(QStringLiteral("steps")))
        readSteps(*field);
    resolveReferences();
    applyFetchDefaults();
}

void ScenarioReader::readVersion(const YamlField &field)
{
    bool ok = false;
    const int version =
        field.value.IsScalar() ? QString::fromStdString(field.value.Scalar()).toInt(&ok) : 0;
    if (!ok) {
        m_fields.error(field, QStringLiteral("expected the format version 1; got %1")
                                  .arg(FieldReader::describe(field.value)));
    } else if (version != 1) {
        m_fields.error(field, QStringLiteral("unsupported format version %1; this Carteiro "
                                             "reads format 1")
                                  .arg(version));
    } else {
        m_scenario->version = version;
    }
}

void ScenarioReader::readDefaults(const YamlField &field)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(words("latency retry style"));
    if (const YamlField *latency = map.find(QStringLiteral("latency")))
        m_scenario->latency = m_fields.duration(*latency).value_or(m_scenario->latency);
    if (const YamlField *retry = map.find(QStringLiteral("retry")))
        m_scenario->retry = readRetry(*retry, m_scenario->retry).value_or(m_scenario->retry);
    if (const YamlField *style = map.find(QStringLiteral("style")))
        if (const auto name = m_fields.choice(*style, QStringLiteral("style"), styleNames()))
            m_scenario->style = styleFromName(*name);
}

std::optional<RetryPolicy> ScenarioReader::readRetry(const YamlField &field,
                                                     const RetryPolicy &base)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return std::nullopt;
    map.checkKeys(words("every give_up_after"));
    RetryPolicy policy = base;
    bool ok = true;
    if (const YamlField *every = map.find(QStringLiteral("every"))) {
        const auto value = m_fields.duration(*every);
        if (value && *value == 0) {
            // A zero interval would retry forever at the same instant.
            m_fields.error(*every, QStringLiteral("expected a duration above 0s; got %1")
                                       .arg(FieldReader::describe(every->value)));
            ok = false;
        } else if (value) {
            policy.every = *value;
        } else {
            ok = false;
        }
    }
    if (const YamlField *giveUp = map.find(QStringLiteral("give_up_after"))) {
        const auto value = m_fields.duration(*giveUp);
        ok = ok && value.has_value();
        policy.giveUpAfter = value.value_or(policy.giveUpAfter);
    }
    if (!ok)
        return std::nullopt;
    return policy;
}

void ScenarioReader::readDns(const YamlField &field)
{
    if (field.value.IsNull())
        return;
    const YamlMap map(field, m_diagnostics, Qt::CaseInsensitive);
    for (const YamlField &zone : map.fields())
        readZone(zone);
}

void ScenarioReader::readZone(const YamlField &field)
{
    DnsZone zone;
    zone.domain = field.key;
    zone.pos = field.keyPos;
    SourcePos addressPos = field.keyPos;
    if (!field.value.IsNull()) { // a listed domain with nothing: it exists, without mail
        const YamlMap map(field, m_diagnostics);
        map.checkKeys(words("mx a"));
        if (const YamlField *mx = map.find(QStringLiteral("mx"))) {
            for (const YamlField &item : m_fields.list(*mx).value_or(QList<YamlField>())) {
                MxRecord record;
                if (item.value.IsScalar()) { // extension: a bare host name, preference 10
                    record.host = QString::fromStdString(item.value.Scalar());
                    refer(Reference::Kind::MtaHost, record.host, item.keyPos,
                          QStringLiteral("MX host"));
                    zone.mx.append(record);
                    continue;
                }
                const YamlMap recordMap(item, m_diagnostics);
                if (!recordMap.isValid())
                    continue;
                recordMap.checkKeys(words("host pref"));
                if (recordMap.require(QStringLiteral("host"))) {
                    const YamlField &host = *recordMap.find(QStringLiteral("host"));
                    record.host = m_fields.string(host).value_or(QString());
                    if (!record.host.isEmpty())
                        refer(Reference::Kind::MtaHost, record.host, host.valuePos(),
                              QStringLiteral("MX host"));
                }
                if (const YamlField *pref = recordMap.find(QStringLiteral("pref")))
                    record.preference = int(m_fields.integer(*pref, 0, 65535, QStringLiteral("pref"))
                                                .value_or(record.preference));
                zone.mx.append(record);
            }
        }
        if (const YamlField *address = map.find(QStringLiteral("a"))) {
            zone.hasAddress = m_fields.boolean(*address).value_or(false);
            addressPos = address->valuePos();
        }
    }
    // RFC 5321 section 5.1: no MX but an address, so the domain's own host takes the mail.
    if (zone.hasAddress && zone.mx.isEmpty())
        refer(Reference::Kind::MtaHost, zone.domain, addressPos,
              QStringLiteral("the domain's own host"),
              QStringLiteral("domain '%1' has 'a: true' and no mx, so its mail goes to a host "
                             "named '%1'; no such host is defined")
                  .arg(zone.domain));
    m_scenario->dns.append(zone);
}

void ScenarioReader::readHosts(const YamlField &field)
{
    if (field.value.IsNull())
        return;
    const YamlMap map(field, m_diagnostics, Qt::CaseInsensitive);
    for (const YamlField &host : map.fields())
        readHost(host);
}

void ScenarioReader::readHost(const YamlField &field)
{
    HostSpec host;
    host.name = field.key;
    host.pos = field.keyPos;
    const YamlMap map(field, m_diagnostics);
    if (map.isValid()) {
        QString role;
        if (map.require(QStringLiteral("role"), QStringLiteral(" (mta, client, dns or webmail)")))
            role = m_fields.choice(*map.find(QStringLiteral("role")), QStringLiteral("role"),
                                   roleNames())
                       .value_or(QString());
        host.role = roleFromName(role);
        // With no valid role, accept the keys of every role rather than pile up errors.
        QStringList allowed = role.isEmpty() ? unionOf(roleNames(), roleKeys) : roleKeys(role);
        allowed.prepend(QStringLiteral("role"));
        map.checkKeys(allowed, [&](const QString &key) {
            QStringList owners;
            for (const QString &other : roleNames())
                if (roleKeys(other).contains(key))
                    owners.append(other);
            if (owners.isEmpty())
                return QString();
            return QStringLiteral("key '%1' applies to hosts of role %2, not %3")
                .arg(key, owners.join(QLatin1String(" or ")), role);
        });
        readMtaKeys(map, host, allowed);
        readClientKeys(map, host, allowed);
        if (role == QLatin1String("client"))
            map.require(QStringLiteral("user"),
                        QStringLiteral(" (a client host needs its user's address)"));
    }
    m_scenario->hosts.append(host);
}

void ScenarioReader::readMtaKeys(const YamlMap &map, HostSpec &host, const QStringList &allowed)
{
    const auto take = [&](const char *key) {
        return allowed.contains(QLatin1String(key)) ? map.find(QLatin1String(key)) : nullptr;
    };
    if (const YamlField *field = take("local_domains"))
        host.localDomains = m_fields.stringList(*field).value_or(QStringList());
    if (const YamlField *field = take("greeting"))
        host.greeting = m_fields.string(*field).value_or(QString());
    if (const YamlField *field = take("services")) {
        if (const auto items = m_fields.list(*field)) {
            host.services.clear();
            for (const YamlField &item : *items) {
                const auto service = m_fields.choice(item, QStringLiteral("service"),
                                                     words("smtp submission pop3 imap"));
                if (service && !host.services.contains(*service))
                    host.services.append(*service);
            }
        }
    }
    if (const YamlField *field = take("vrfy"))
        host.vrfyMode = readPolicyMode(*field, 0, 252).value_or(host.vrfyMode);
    if (const YamlField *field = take("expn"))
        host.expnMode = readPolicyMode(*field, 0, 502).value_or(host.expnMode);
    if (const YamlField *field = take("lists"))
        readLists(*field, host); // after local_domains, which it is checked against
    if (const YamlField *field = take("max_recipients"))
        host.maxRecipients = int(m_fields.integer(*field, 1, 100'000, QStringLiteral("max_recipients"))
                                     .value_or(host.maxRecipients));
    if (const YamlField *field = take("retry"))
        if (const auto policy = readRetry(*field, m_scenario->retry))
            host.retry = policy;
    if (const YamlField *field = take("style"))
        if (const auto name = m_fields.choice(*field, QStringLiteral("style"), styleNames()))
            host.style = styleFromName(*name);
    if (const YamlField *field = take("max_message_size")) {
        const auto size = m_fields.size(*field);
        if (size && *size == 0)
            m_fields.error(*field, QStringLiteral("expected a size above 0; got %1")
                                       .arg(FieldReader::describe(field->value)));
        else if (size)
            host.maxMessageSize = *size;
    }
}

void ScenarioReader::readClientKeys(const YamlMap &map, HostSpec &host,
                                    const QStringList &allowed)
{
    const auto take = [&](const char *key) {
        return allowed.contains(QLatin1String(key)) ? map.find(QLatin1String(key)) : nullptr;
    };
    if (const YamlField *field = take("user")) {
        host.user = m_fields.address(*field).value_or(QString());
        if (!host.user.isEmpty())
            refer(Reference::Kind::User, host.user, field->valuePos());
    }
    if (const YamlField *field = take("submit_to")) {
        host.submitTo = m_fields.string(*field).value_or(QString());
        if (!host.submitTo.isEmpty())
            refer(Reference::Kind::MtaHost, host.submitTo, field->valuePos(),
                  QStringLiteral("submit_to host"));
    }
    if (const YamlField *field = take("access")) {
        const YamlMap access(*field, m_diagnostics);
        if (!access.isValid())
            return;
        access.checkKeys(words("protocol server"));
        host.accessProtocol = QStringLiteral("pop3");
        if (const YamlField *protocol = access.find(QStringLiteral("protocol")))
            host.accessProtocol = m_fields.choice(*protocol, QStringLiteral("protocol"),
                                                  words("pop3 imap"))
                                      .value_or(host.accessProtocol);
        if (access.require(QStringLiteral("server"))) {
            const YamlField &server = *access.find(QStringLiteral("server"));
            host.accessServer = m_fields.string(server).value_or(QString());
            if (!host.accessServer.isEmpty())
                refer(Reference::Kind::MtaHost, host.accessServer, server.valuePos(),
                      QStringLiteral("access server"));
        }
    }
}

std::optional<int> ScenarioReader::readPolicyMode(const YamlField &field, int whenTrue,
                                                  int whenFalse)
{
    // true: the command is answered; 252: "cannot verify" (RFC 5321 section 3.5.3); 502:
    // not implemented. `false` is the refusal each command usually gets in the wild.
    if (field.value.IsScalar()) {
        const QString text = QString::fromStdString(field.value.Scalar()).trimmed().toLower();
        if (text == QLatin1String("252"))
            return 252;
        if (text == QLatin1String("502"))
            return 502;
        if (text == QLatin1String("true") || text == QLatin1String("yes") ||
            text == QLatin1String("on"))
            return whenTrue;
        if (text == QLatin1String("false") || text == QLatin1String("no") ||
            text == QLatin1String("off"))
            return whenFalse;
    }
    m_fields.error(field, QStringLiteral("expected true, false, 252 or 502; got %1")
                              .arg(FieldReader::describe(field.value)));
    return std::nullopt;
}

void ScenarioReader::readLists(const YamlField &field, HostSpec &host)
{
    const YamlMap map(field, m_diagnostics, Qt::CaseInsensitive);
    for (const YamlField &list : map.fields()) {
        if (!looksLikeAddress(list.key)) {
            m_diagnostics.error(list.keyPos, QStringLiteral("expected a list address like "
                                                            "staff@crepes.fr; got '%1'")
                                                 .arg(list.key));
        } else {
            const QString domain = list.key.section(QLatin1Char('@'), 1);
            if (host.localDomains.isEmpty())
                m_diagnostics.error(list.keyPos,
                                    QStringLiteral("list '%1' needs a local domain, but this "
                                                   "host has no local_domains")
                                        .arg(list.key));
            else if (!host.localDomains.contains(domain, Qt::CaseInsensitive))
                m_diagnostics.error(list.keyPos,
                                    QStringLiteral("list '%1' is not in a local domain of this "
                                                   "host (%2)")
                                        .arg(list.key, host.localDomains.join(QLatin1String(", "))));
        }
        QStringList members;
        for (const YamlField &member : m_fields.list(list).value_or(QList<YamlField>()))
            if (const auto address = m_fields.address(member))
                members.append(*address);
        host.lists.insert(list.key, members);
    }
}

void ScenarioReader::readUsers(const YamlField &field)
{
    if (field.value.IsNull())
        return;
    const YamlMap map(field, m_diagnostics, Qt::CaseInsensitive);
    for (const YamlField &entry : map.fields()) {
        UserSpec user;
        user.address = entry.key;
        user.pos = entry.keyPos;
        if (!entry.key.contains(QLatin1Char('@')))
            m_diagnostics.error(entry.keyPos, QStringLiteral("user address '%1' needs an '@', "
                                                             "like alice@crepes.fr")
                                                  .arg(entry.key));
        else if (!looksLikeAddress(entry.key))
            m_diagnostics.error(entry.keyPos, QStringLiteral("expected a user address like "
                                                             "alice@crepes.fr; got '%1'")
                                                  .arg(entry.key));
        if (!entry.value.IsNull()) { // `bob@hamburger.edu:` alone is a user with no name
            const YamlMap details(entry, m_diagnostics);
            details.checkKeys(words("name password"));
            if (const YamlField *name = details.find(QStringLiteral("name")))
                user.name = m_fields.string(*name).value_or(QString());
            if (const YamlField *password = details.find(QStringLiteral("password")))
                user.password = m_fields.string(*password).value_or(QString());
        }
        m_scenario->users.append(user);
    }
}

std::optional<QStringList> ScenarioReader::readHostPair(const YamlField &field)
{
    const QString expected = QStringLiteral("expected a list of two hosts; got %1");
    if (!field.value.IsSequence()) {
        m_fields.error(field, expected.arg(FieldReader::describe(field.value)));
        return std::nullopt;
    }
    if (field.value.size() != 2) {
        m_fields.error(field, expected.arg(QStringLiteral("%1 items").arg(field.value.size())));
        return std::nullopt;
    }
    QStringList hosts;
    for (const YamlField &item : m_fields.list(field).value_or(QList<YamlField>())) {
        const auto name = m_fields.string(item);
        if (!name)
            return std::nullopt;
        refer(Reference::Kind::Host, *name, item.keyPos);
        hosts.append(*name);
    }
    if (hosts.size() == 2 && hosts[0].compare(hosts[1], Qt::CaseInsensitive) == 0) {
        m_fields.error(field, QStringLiteral("expected two different hosts; got '%1' twice")
                                  .arg(hosts[0]));
        return std::nullopt;
    }
    return hosts;
}

void ScenarioReader::readLinks(const YamlField &field)
{
    QHash<QString, int> seen; // "a|b" (sorted, lower case) -> line
    for (const YamlField &item : m_fields.list(field).value_or(QList<YamlField>())) {
        const YamlMap map(item, m_diagnostics);
        if (!map.isValid())
            continue;
        map.checkKeys(words("between latency"));
        LinkSpec link;
        link.pos = item.keyPos;
        bool ok = map.require(QStringLiteral("between"));
        ok = map.require(QStringLiteral("latency")) && ok;
        if (const YamlField *between = map.find(QStringLiteral("between"))) {
            if (const auto pair = readHostPair(*between)) {
                link.a = pair->at(0);
                link.b = pair->at(1);
                QStringList key{link.a.toLower(), link.b.toLower()};
                key.sort();
                const QString folded = key.join(QLatin1Char('|'));
                if (seen.contains(folded)) {
                    m_fields.error(*between, QStringLiteral("duplicate link between %1 and %2 "
                                                            "(first at line %3)")
                                                 .arg(link.a, link.b)
                                                 .arg(seen.value(folded)));
                    ok = false;
                }
                seen.insert(folded, item.keyPos.line);
            } else {
                ok = false;
            }
        }
        if (const YamlField *latency = map.find(QStringLiteral("latency"))) {
            const auto value = m_fields.duration(*latency);
            ok = ok && value.has_value();
            link.latency = value.value_or(0);
        }
        if (ok)
            m_scenario->links.append(link);
    }
}

void ScenarioReader::readSteps(const YamlField &field)
{
    for (const YamlField &item : m_fields.list(field).value_or(QList<YamlField>()))
        readStep(item);
}

void ScenarioReader::readStep(const YamlField &field)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    QStringList allowed = stepActions();
    allowed.prepend(QStringLiteral("at"));
    map.checkKeys(allowed);
    Step step;
    step.pos = field.keyPos;
    if (const YamlField *at = map.find(QStringLiteral("at")))
        step.at = m_fields.duration(*at).value_or(0);
    QList<const YamlField *> actions;
    bool hasUnknownKey = false;
    for (const YamlField &entry : map.fields()) {
        if (stepActions().contains(entry.key))
            actions.append(&entry);
        else if (entry.key != QLatin1String("at"))
            hasUnknownKey = true;
    }
    if (actions.isEmpty()) {
        if (!hasUnknownKey) // a misspelt action was already reported, with a suggestion
            m_diagnostics.error(map.pos(), QStringLiteral("a step needs one action: %1")
                                               .arg(quotedAlternatives(stepActions())));
        return;
    }
    for (int i = 1; i < actions.size(); ++i)
        m_diagnostics.error(actions[i]->keyPos,
                            QStringLiteral("a step takes exactly one action; this one has both "
                                           "'%1' and '%2'")
                                .arg(actions[0]->key, actions[i]->key));
    const YamlField &action = *actions[0];
    const int index = int(m_scenario->steps.size());
    if (action.key == QLatin1String("send")) {
        step.kind = Step::Kind::Send;
        readSend(action, step.send);
    } else if (action.key == QLatin1String("fetch")) {
        step.kind = Step::Kind::Fetch;
        readFetch(action, step.fetch, index);
    } else if (action.key == QLatin1String("telnet")) {
        step.kind = Step::Kind::Telnet;
        readTelnet(action, step.telnet);
    } else if (action.key == QLatin1String("note")) {
        step.kind = Step::Kind::Note;
        step.note = m_fields.text(action).value_or(LocalizedText());
    } else if (action.key == QLatin1String("ask")) {
        step.kind = Step::Kind::Ask;
        readAsk(action, step.ask);
    } else {
        step.kind = Step::Kind::Fault;
        readFault(action, step.fault, step.at);
    }
    m_scenario->steps.append(step);
}

void ScenarioReader::readSend(const YamlField &field, SendStep &send)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(words("from to cc bcc subject body attach"));
    if (map.require(QStringLiteral("from"))) {
        const YamlField &from = *map.find(QStringLiteral("from"));
        send.from = m_fields.address(from).value_or(QString());
        if (!send.from.isEmpty())
            refer(Reference::Kind::User, send.from, from.valuePos());
    }
    // Recipients are checked for shape only: an unknown user at a local domain (550) or a
    // domain that does not exist (NXDOMAIN) is something a scenario may want to show.
    bool recipientsOk = true;
    const auto readRecipients = [&](const char *key, QStringList &into) {
        const YamlField *recipients = map.find(QLatin1String(key));
        if (!recipients)
            return;
        QList<YamlField> items;
        if (recipients->value.IsScalar())
            items.append(*recipients);
        else if (const auto list = m_fields.list(*recipients))
            items = *list;
        else
            recipientsOk = false;
        for (const YamlField &item : items) {
            if (const auto address = m_fields.address(item))
                into.append(*address);
            else
                recipientsOk = false;
        }
    };
    readRecipients("to", send.to);
    readRecipients("cc", send.cc);
    readRecipients("bcc", send.bcc);
    if (recipientsOk && send.to.isEmpty() && send.cc.isEmpty() && send.bcc.isEmpty())
        m_diagnostics.error(map.pos(), QStringLiteral("a send needs at least one recipient in "
                                                      "'to', 'cc' or 'bcc'"));
    if (const YamlField *subject = map.find(QStringLiteral("subject")))
        send.subject = m_fields.string(*subject).value_or(QString());
    if (const YamlField *body = map.find(QStringLiteral("body")))
        send.body = m_fields.string(*body).value_or(QString());
    const YamlField *attach = map.find(QStringLiteral("attach"));
    if (!attach)
        return;
    for (const YamlField &item : m_fields.list(*attach).value_or(QList<YamlField>())) {
        const YamlMap attachment(item, m_diagnostics);
        if (!attachment.isValid())
            continue;
        attachment.checkKeys(words("name type size"));
        AttachmentSpec spec;
        if (attachment.require(QStringLiteral("name")))
            spec.name = m_fields.string(*attachment.find(QStringLiteral("name")))
                            .value_or(QString());
        if (const YamlField *type = attachment.find(QStringLiteral("type"))) {
            const auto value = m_fields.string(*type);
            if (value && !value->contains(QLatin1Char('/')))
                m_fields.error(*type, QStringLiteral("expected a MIME type like image/jpeg; "
                                                     "got %1")
                                          .arg(FieldReader::describe(type->value)));
            else if (value)
                spec.type = *value;
        }
        if (attachment.require(QStringLiteral("size")))
            spec.size = m_fields.size(*attachment.find(QStringLiteral("size"))).value_or(0);
        send.attachments.append(spec);
    }
}

void ScenarioReader::readFetch(const YamlField &field, FetchStep &fetch, int stepIndex)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(words("user protocol mode"));
    if (map.require(QStringLiteral("user"))) {
        const YamlField &user = *map.find(QStringLiteral("user"));
        fetch.user = m_fields.address(user).value_or(QString());
        if (!fetch.user.isEmpty())
            refer(Reference::Kind::User, fetch.user, user.valuePos());
    }
    if (const YamlField *protocol = map.find(QStringLiteral("protocol")))
        fetch.protocol = m_fields.choice(*protocol, QStringLiteral("protocol"), words("pop3 imap"))
                             .value_or(fetch.protocol);
    else
        m_fetchesWithoutProtocol.append(stepIndex);
    if (const YamlField *mode = map.find(QStringLiteral("mode")))
        if (const auto name = m_fields.choice(*mode, QStringLiteral("mode"), words("delete keep")))
            fetch.deleteAfter = *name == QLatin1String("delete");
}

void ScenarioReader::readTelnet(const YamlField &field, TelnetStep &telnet)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(words("from to port lines"));
    for (const char *end : {"from", "to"}) {
        if (!map.require(QLatin1String(end)))
            continue;
        const YamlField &host = *map.find(QLatin1String(end));
        const QString name = m_fields.string(host).value_or(QString());
        if (!name.isEmpty())
            refer(Reference::Kind::Host, name, host.valuePos());
        (qstrcmp(end, "from") == 0 ? telnet.from : telnet.to) = name;
    }
    if (const YamlField *port = map.find(QStringLiteral("port")))
        telnet.port = int(m_fields.integer(*port, 1, 65535, QStringLiteral("port"))
                              .value_or(telnet.port));
    if (const YamlField *lines = map.find(QStringLiteral("lines")))
        telnet.lines = m_fields.stringList(*lines, true).value_or(QStringList());
}

void ScenarioReader::readAsk(const YamlField &field, AskStep &ask)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(words("question choices answer"));
    if (map.require(QStringLiteral("question")))
        ask.question =
            m_fields.text(*map.find(QStringLiteral("question"))).value_or(LocalizedText());
    bool choicesOk = false;
    if (map.require(QStringLiteral("choices"))) {
        const YamlField &choices = *map.find(QStringLiteral("choices"));
        if (const auto list = m_fields.stringList(choices)) {
            ask.choices = *list;
            choicesOk = !list->isEmpty();
            if (list->isEmpty())
                m_fields.error(choices, QStringLiteral("expected at least one choice; got an "
                                                       "empty list"));
        }
    }
    if (map.require(QStringLiteral("answer"))) {
        const YamlField &answer = *map.find(QStringLiteral("answer"));
        ask.answer = m_fields.string(answer).value_or(QString());
        if (choicesOk && !ask.answer.isNull() && !ask.choices.contains(ask.answer))
            m_fields.error(answer, QStringLiteral("answer '%1' is not one of the choices %2")
                                       .arg(ask.answer, quotedAlternatives(ask.choices)));
    }
}

void ScenarioReader::readFault(const YamlField &field, FaultSpec &fault, SimTime stepAt)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    if (map.require(QStringLiteral("kind"), QStringLiteral(" (%1)").arg(quotedAlternatives(
                                                                 faultKinds()))))
        fault.kind = m_fields.choice(*map.find(QStringLiteral("kind")),
                                     QStringLiteral("fault kind"), faultKinds())
                         .value_or(QString());
    const QString &kind = fault.kind;
    QStringList allowed = kind.isEmpty() ? unionOf(faultKinds(), faultKeys) : faultKeys(kind);
    allowed = words("kind at for until") + allowed;
    map.checkKeys(allowed, [&](const QString &key) {
        if (kind.isEmpty() || !unionOf(faultKinds(), faultKeys).contains(key))
            return QString();
        return QStringLiteral("key '%1' does not apply to a fault of kind %2").arg(key, kind);
    });
    const auto take = [&](const char *key) {
        return allowed.contains(QLatin1String(key)) ? map.find(QLatin1String(key)) : nullptr;
    };
    if (!kind.isEmpty()) {
        const QString detail = QStringLiteral(" for a fault of kind %1").arg(kind);
        for (const QString &key : requiredFaultKeys(kind))
            map.require(key, detail);
        if (kind == QLatin1String("slow") && !take("host") && !take("between"))
            m_diagnostics.error(map.pos(), QStringLiteral("missing required key 'host' or "
                                                          "'between'")
                                               + detail);
    }
    // Keys that exclude one another: the second one found is the error.
    const auto exclusive = [&](const QStringList &keys) {
        const YamlField *first = nullptr;
        for (const YamlField &entry : map.fields()) {
            if (!keys.contains(entry.key))
                continue;
            if (first)
                m_diagnostics.error(entry.keyPos, QStringLiteral("use only one of %1; this "
                                                                 "fault already has '%2'")
                                                      .arg(quotedAlternatives(keys), first->key));
            else
                first = &entry;
        }
    };
    exclusive(words("for until"));
    exclusive(words("host between"));
    exclusive(words("recipient sender stage"));

    if (const YamlField *host = take("host")) {
        fault.host = m_fields.string(*host).value_or(QString());
        if (!fault.host.isEmpty())
            refer(Reference::Kind::Host, fault.host, host->valuePos());
    }
    if (const YamlField *port = take("port"))
        fault.port = int(m_fields.integer(*port, 1, 65535, QStringLiteral("port")).value_or(0));
    if (const YamlField *code = take("code"))
        fault.code =
            int(m_fields.integer(*code, 400, 599, QStringLiteral("reject code")).value_or(0));
    if (const YamlField *text = take("text"))
        fault.text = m_fields.string(*text).value_or(QString());
    if (const YamlField *recipient = take("recipient"))
        fault.recipient = m_fields.address(*recipient).value_or(QString());
    if (const YamlField *sender = take("sender"))
        fault.sender = m_fields.address(*sender).value_or(QString());
    if (const YamlField *stage = take("stage"))
        fault.stage =
            m_fields.choice(*stage, QStringLiteral("stage"), stageNames()).value_or(QString());
    if (const YamlField *domain = take("domain"))
        fault.domain = m_fields.string(*domain).value_or(QString());
    if (const YamlField *user = take("user")) {
        fault.user = m_fields.address(*user).value_or(QString());
        if (!fault.user.isEmpty())
            refer(Reference::Kind::User, fault.user, user->valuePos());
    }
    if (const YamlField *permanent = take("permanent"))
        fault.permanent = m_fields.boolean(*permanent).value_or(false);
    if (const YamlField *between = take("between"))
        fault.between = readHostPair(*between).value_or(QStringList());
    if (const YamlField *latency = take("latency"))
        fault.latency = m_fields.duration(*latency).value_or(0);
    if (const YamlField *at = take("at"))
        fault.at = m_fields.duration(*at).value_or(0);
    if (const YamlField *duration = take("for"))
        fault.duration = m_fields.duration(*duration);
    if (const YamlField *until = take("until")) {
        fault.until = m_fields.duration(*until);
        const SimTime start = stepAt + fault.at;
        if (fault.until && *fault.until < start)
            m_fields.error(*until, QStringLiteral("'until' %1 comes before the fault starts "
                                                  "at %2")
                                       .arg(formatDuration(*fault.until),
                                            formatDuration(start)));
    }
    // The stage a reject answers: RCPT for one recipient (and by default), MAIL for one
    // sender. A drop cuts mid-DATA unless told otherwise.
    if (kind == QLatin1String("reject") && fault.stage.isEmpty())
        fault.stage = fault.sender.isEmpty() ? QStringLiteral("rcpt") : QStringLiteral("mail");
    if (kind == QLatin1String("drop") && fault.stage.isEmpty())
        fault.stage = QStringLiteral("data");
}

void ScenarioReader::refer(Reference::Kind kind, const QString &name, SourcePos pos,
                           const QString &what, const QString &ifUndefined)
{
    m_references.append(Reference{kind, name, pos, what, ifUndefined});
}

void ScenarioReader::resolveReferences()
{
    QStringList hostNames;
    for (const HostSpec &host : m_scenario->hosts)
        hostNames.append(host.name);
    QStringList addresses;
    for (const UserSpec &user : m_scenario->users)
        addresses.append(user.address);
    for (const Reference &reference : m_references) {
        if (reference.kind == Reference::Kind::User) {
            if (m_scenario->user(reference.name))
                continue;
            QString hint = didYouMean(reference.name, addresses);
            if (hint.isEmpty())
                hint = QStringLiteral(" (users are listed under 'users')");
            m_diagnostics.error(reference.pos,
                                QStringLiteral("undefined user '%1'").arg(reference.name) + hint);
            continue;
        }
        const HostSpec *host = m_scenario->host(reference.name);
        if (!host) {
            if (!reference.ifUndefined.isEmpty()) {
                m_diagnostics.error(reference.pos, reference.ifUndefined);
                continue;
            }
            QString hint = didYouMean(reference.name, hostNames);
            if (hint.isEmpty())
                hint = QStringLiteral(" (hosts are listed under 'hosts')");
            m_diagnostics.error(reference.pos,
                                QStringLiteral("undefined host '%1'").arg(reference.name) + hint);
        } else if (reference.kind == Reference::Kind::MtaHost && host->role != HostRole::Mta) {
            m_diagnostics.error(reference.pos,
                                QStringLiteral("%1 '%2' has role %3; it must be an mta")
                                    .arg(reference.what, reference.name, roleName(host->role)));
        }
    }
}

void ScenarioReader::applyFetchDefaults()
{
    // A fetch without `protocol` uses what the user's own client is set up with.
    for (int index : m_fetchesWithoutProtocol) {
        FetchStep &fetch = m_scenario->steps[index].fetch;
        for (const HostSpec &host : m_scenario->hosts) {
            if (host.role == HostRole::Client && !host.accessProtocol.isEmpty() &&
                host.user.compare(fetch.user, Qt::CaseInsensitive) == 0) {
                fetch.protocol = host.accessProtocol;
                break;
            }
        }
    }
}

} // namespace carteiro::core
