#include "core/scenario/scenarioreader.h"

#include "core/scenario/stepreader.h"

#include <QHash>
#include <QSet>

namespace carteiro::core {

namespace {

const QStringList &topLevelKeys()
{
    static const QStringList keys =
        wordList("carteiro title summary seed defaults dns hosts users links steps");
    return keys;
}

const QStringList &roleNames()
{
    static const QStringList names = wordList("mta client dns webmail");
    return names;
}

// The keys each role takes besides `role`.
QStringList roleKeys(const QString &role)
{
    if (role == QLatin1String("mta"))
        return wordList("local_domains greeting services vrfy expn lists max_recipients retry "
                        "style max_message_size");
    if (role == QLatin1String("client"))
        return wordList("user submit_to access");
    if (role == QLatin1String("webmail"))
        return wordList("submit_to access");
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

SmtpStyle styleFromName(const QString &style)
{
    return style == QLatin1String("modern") ? SmtpStyle::Modern : SmtpStyle::Classic;
}

const QStringList &styleNames()
{
    static const QStringList names = wordList("classic modern");
    return names;
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
        scenario.steps = StepReader(m_fields, m_references, scenario.hosts).read(*field);
    m_references.resolve(scenario, m_diagnostics);
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
    map.checkKeys(wordList("latency retry style"));
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
    map.checkKeys(wordList("every give_up_after"));
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
        map.checkKeys(wordList("mx a"));
        if (const YamlField *mx = map.find(QStringLiteral("mx"))) {
            for (const YamlField &item : m_fields.list(*mx).value_or(QList<YamlField>())) {
                MxRecord record;
                if (item.value.IsScalar()) { // extension: a bare host name, preference 10
                    record.host = QString::fromStdString(item.value.Scalar());
                    m_references.add(ScenarioReferences::Kind::MtaHost, record.host, item.keyPos,
                                     QStringLiteral("MX host"));
                    zone.mx.append(record);
                    continue;
                }
                const YamlMap recordMap(item, m_diagnostics);
                if (!recordMap.isValid())
                    continue;
                recordMap.checkKeys(wordList("host pref"));
                if (recordMap.require(QStringLiteral("host"))) {
                    const YamlField &host = *recordMap.find(QStringLiteral("host"));
                    record.host = m_fields.string(host).value_or(QString());
                    if (!record.host.isEmpty())
                        m_references.add(ScenarioReferences::Kind::MtaHost, record.host,
                                         host.valuePos(), QStringLiteral("MX host"));
                }
                if (const YamlField *pref = recordMap.find(QStringLiteral("pref")))
                    record.preference =
                        int(m_fields.integer(*pref, 0, 65535, QStringLiteral("pref"))
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
        m_references.add(
            ScenarioReferences::Kind::MtaHost, zone.domain, addressPos,
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
            role =
                m_fields
                    .choice(*map.find(QStringLiteral("role")), QStringLiteral("role"), roleNames())
                    .value_or(QString());
        host.role = roleFromName(role);
        // With no valid role, accept the keys of every role rather than pile up errors.
        QStringList allowed = role.isEmpty() ? keyUnion(roleNames(), roleKeys) : roleKeys(role);
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
        if (role == QLatin1String("webmail"))
            map.require(QStringLiteral("access"),
                        QStringLiteral(" (a webmail host reads mail from a server: "
                                       "access: {server: ...})"));
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
                                                     wordList("smtp submission pop3 imap"));
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
        host.maxRecipients =
            int(m_fields.integer(*field, 1, 100'000, QStringLiteral("max_recipients"))
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

void ScenarioReader::readClientKeys(const YamlMap &map, HostSpec &host, const QStringList &allowed)
{
    const bool webmail = host.role == HostRole::Webmail;
    const auto take = [&](const char *key) {
        return allowed.contains(QLatin1String(key)) ? map.find(QLatin1String(key)) : nullptr;
    };
    if (const YamlField *field = take("user")) {
        host.user = m_fields.address(*field).value_or(QString());
        if (!host.user.isEmpty())
            m_references.add(ScenarioReferences::Kind::User, host.user, field->valuePos());
    }
    if (const YamlField *field = take("submit_to")) {
        host.submitTo = m_fields.string(*field).value_or(QString());
        // A client may send through a webmail site; a webmail sends through an MTA.
        if (!host.submitTo.isEmpty())
            m_references.add(webmail ? ScenarioReferences::Kind::MtaHost
                                     : ScenarioReferences::Kind::MailHost,
                             host.submitTo, field->valuePos(), QStringLiteral("submit_to host"));
    }
    if (const YamlField *field = take("access")) {
        const YamlMap access(*field, m_diagnostics);
        if (!access.isValid())
            return;
        access.checkKeys(wordList("protocol server"));
        // A webmail reads the mail server by IMAP; a client by POP3, IMAP, or HTTP from a
        // webmail site.
        host.accessProtocol = webmail ? QStringLiteral("imap") : QStringLiteral("pop3");
        if (const YamlField *protocol = access.find(QStringLiteral("protocol")))
            host.accessProtocol =
                m_fields
                    .choice(*protocol, QStringLiteral("protocol"),
                            webmail ? wordList("imap") : wordList("pop3 imap http"))
                    .value_or(host.accessProtocol);
        if (access.require(QStringLiteral("server"))) {
            const YamlField &server = *access.find(QStringLiteral("server"));
            host.accessServer = m_fields.string(server).value_or(QString());
            const bool http = host.accessProtocol == QLatin1String("http");
            if (!host.accessServer.isEmpty())
                m_references.add(http ? ScenarioReferences::Kind::WebmailHost
                                      : ScenarioReferences::Kind::MtaHost,
                                 host.accessServer, server.valuePos(),
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
                m_diagnostics.error(
                    list.keyPos, QStringLiteral("list '%1' is not in a local domain of this "
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
            details.checkKeys(wordList("name password"));
            if (const YamlField *name = details.find(QStringLiteral("name")))
                user.name = m_fields.string(*name).value_or(QString());
            if (const YamlField *password = details.find(QStringLiteral("password")))
                user.password = m_fields.string(*password).value_or(QString());
        }
        m_scenario->users.append(user);
    }
}

void ScenarioReader::readLinks(const YamlField &field)
{
    QHash<QString, int> seen; // "a|b" (sorted, lower case) -> line
    for (const YamlField &item : m_fields.list(field).value_or(QList<YamlField>())) {
        const YamlMap map(item, m_diagnostics);
        if (!map.isValid())
            continue;
        map.checkKeys(wordList("between latency"));
        LinkSpec link;
        link.pos = item.keyPos;
        bool ok = map.require(QStringLiteral("between"));
        ok = map.require(QStringLiteral("latency")) && ok;
        if (const YamlField *between = map.find(QStringLiteral("between"))) {
            if (const auto pair = m_references.readHostPair(m_fields, *between)) {
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

} // namespace carteiro::core
