#pragma once

// Internal to core/scenario: the host and user names a scenario mentions, checked once every
// section is read, so `dns:` may name hosts that `hosts:` defines further down.

#include "core/scenario/scenario.h"
#include "core/scenario/yamlfields.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace carteiro::core {

class ScenarioReferences
{
public:
    enum class Kind {
        Host,        // any defined host
        MtaHost,     // a defined host of role mta
        WebmailHost, // a defined host of role webmail
        MailHost,    // a host of role mta or webmail (a client's submit_to)
        User,        // a defined user
    };

    // `what` names an MtaHost reference in role errors ("MX host 'alice-pc' has role client");
    // `ifUndefined`, when set, replaces "undefined host 'x'".
    void add(Kind kind, const QString &name, SourcePos pos, const QString &what = {},
             const QString &ifUndefined = {});
    // Reads a list of two different host names (a link, a slow fault) and adds both.
    std::optional<QStringList> readHostPair(FieldReader &fields, const YamlField &field);
    // Reports every name that is not defined, or not of the role it needs to be.
    void resolve(const Scenario &scenario, ScenarioDiagnostics &diagnostics) const;

private:
    struct Reference
    {
        Kind kind = Kind::Host;
        QString name;
        SourcePos pos;
        QString what;
        QString ifUndefined;
    };
    QList<Reference> m_references;
};

} // namespace carteiro::core
