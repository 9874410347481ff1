#pragma once

// Internal to core/scenario: turns one parsed YAML document into a Scenario, section by
// section, and checks that every host and user it names is defined.

#include "core/scenario/scenario.h"
#include "core/scenario/yamlfields.h"

#include <yaml-cpp/yaml.h>

namespace carteiro::core {

class ScenarioReader
{
public:
    explicit ScenarioReader(ScenarioDiagnostics &diagnostics)
        : m_diagnostics(diagnostics), m_fields(diagnostics)
    {
    }

    // Fills `scenario` with everything that could be read; every problem goes to the
    // diagnostics.
    void read(const YAML::Node &document, Scenario &scenario);

private:
    // A name that must resolve once every section is read, so `hosts:` may follow `dns:`.
    struct Reference
    {
        enum class Kind { Host, MtaHost, User };
        Kind kind = Kind::Host;
        QString name;
        SourcePos pos;
        QString what;         // "MX host", "submit_to": names the reference in role errors
        QString ifUndefined;  // replaces "undefined host 'x'" when set
    };

    void readVersion(const YamlField &field);
    void readDefaults(const YamlField &field);
    std::optional<RetryPolicy> readRetry(const YamlField &field, const RetryPolicy &base);
    void readDns(const YamlField &field);
    void readZone(const YamlField &field);
    void readHosts(const YamlField &field);
    void readHost(const YamlField &field);
    // Each reads only the keys in `allowed` (the host's role), which checkKeys() vetted.
    void readMtaKeys(const YamlMap &map, HostSpec &host, const QStringList &allowed);
    void readClientKeys(const YamlMap &map, HostSpec &host, const QStringList &allowed);
    std::optional<int> readPolicyMode(const YamlField &field, int whenTrue, int whenFalse);
    void readLists(const YamlField &field, HostSpec &host);
    void readUsers(const YamlField &field);
    void readLinks(const YamlField &field);
    void readSteps(const YamlField &field);
    void readStep(const YamlField &field);
    void readSend(const YamlField &field, SendStep &send);
    void readFetch(const YamlField &field, FetchStep &fetch, int stepIndex);
    void readTelnet(const YamlField &field, TelnetStep &telnet);
    void readAsk(const YamlField &field, AskStep &ask);
    void readFault(const YamlField &field, FaultSpec &fault, SimTime stepAt);
    std::optional<QStringList> readHostPair(const YamlField &field);

    void refer(Reference::Kind kind, const QString &name, SourcePos pos,
               const QString &what = {}, const QString &ifUndefined = {});
    void resolveReferences();
    void applyFetchDefaults();

    ScenarioDiagnostics &m_diagnostics;
    FieldReader m_fields;
    Scenario *m_scenario = nullptr;
    QList<Reference> m_references;
    QList<int> m_fetchesWithoutProtocol; // step indices: protocol comes from the user's client
};

} // namespace carteiro::core
