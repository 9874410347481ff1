#include "core/scenario/scenarioreferences.h"

#include <QHash>
#include <QSet>

namespace carteiro::core {

namespace {

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

} // namespace

std::optional<QStringList> ScenarioReferences::readHostPair(FieldReader &fields,
                                                            const YamlField &field)
{
    const QString expected = QStringLiteral("expected a list of two hosts; got %1");
    if (!field.value.IsSequence()) {
        fields.error(field, expected.arg(FieldReader::describe(field.value)));
        return std::nullopt;
    }
    if (field.value.size() != 2) {
        fields.error(field, expected.arg(QStringLiteral("%1 items").arg(field.value.size())));
        return std::nullopt;
    }
    QStringList hosts;
    for (const YamlField &item : fields.list(field).value_or(QList<YamlField>())) {
        const auto name = fields.string(item);
        if (!name)
            return std::nullopt;
        add(Kind::Host, *name, item.keyPos);
        hosts.append(*name);
    }
    if (hosts.size() == 2 && hosts[0].compare(hosts[1], Qt::CaseInsensitive) == 0) {
        fields.error(field,
                     QStringLiteral("expected two different hosts; got '%1' twice").arg(hosts[0]));
        return std::nullopt;
    }
    return hosts;
}

void ScenarioReferences::add(Kind kind, const QString &name, SourcePos pos, const QString &what,
                             const QString &ifUndefined)
{
    m_references.append(Reference{kind, name, pos, what, ifUndefined});
}

void ScenarioReferences::resolve(const Scenario &scenario, ScenarioDiagnostics &diagnostics) const
{
    // Names compare case-insensitively, as Scenario::host() and user() do.
    QStringList hostNames;
    QHash<QString, const HostSpec *> hosts;
    for (const HostSpec &host : scenario.hosts) {
        hostNames.append(host.name);
        hosts.insert(host.name.toLower(), &host);
    }
    QStringList addresses;
    QSet<QString> users;
    for (const UserSpec &user : scenario.users) {
        addresses.append(user.address);
        users.insert(user.address.toLower());
    }
    for (const Reference &reference : m_references) {
        if (reference.kind == Kind::User) {
            if (users.contains(reference.name.toLower()))
                continue;
            QString hint = didYouMean(reference.name, addresses);
            if (hint.isEmpty())
                hint = QStringLiteral(" (users are listed under 'users')");
            diagnostics.error(reference.pos,
                              QStringLiteral("undefined user '%1'").arg(reference.name) + hint);
            continue;
        }
        const HostSpec *host = hosts.value(reference.name.toLower());
        if (!host) {
            if (!reference.ifUndefined.isEmpty()) {
                diagnostics.error(reference.pos, reference.ifUndefined);
                continue;
            }
            QString hint = didYouMean(reference.name, hostNames);
            if (hint.isEmpty())
                hint = QStringLiteral(" (hosts are listed under 'hosts')");
            diagnostics.error(reference.pos,
                              QStringLiteral("undefined host '%1'").arg(reference.name) + hint);
        } else if (reference.kind == Kind::MtaHost && host->role != HostRole::Mta) {
            diagnostics.error(reference.pos,
                              QStringLiteral("%1 '%2' has role %3; it must be an mta")
                                  .arg(reference.what, reference.name, roleName(host->role)));
        } else if (reference.kind == Kind::WebmailHost && host->role != HostRole::Webmail) {
            diagnostics.error(reference.pos,
                              QStringLiteral("%1 '%2' has role %3; it must be a webmail")
                                  .arg(reference.what, reference.name, roleName(host->role)));
        } else if (reference.kind == Kind::MailHost && host->role != HostRole::Mta &&
                   host->role != HostRole::Webmail) {
            diagnostics.error(reference.pos,
                              QStringLiteral("%1 '%2' has role %3; it must be an mta or a webmail")
                                  .arg(reference.what, reference.name, roleName(host->role)));
        }
    }
}

} // namespace carteiro::core
