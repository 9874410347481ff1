#pragma once

// Internal to core/scenario: turns one parsed YAML document into a Scenario, section by
// section (the timeline through StepReader), and checks every host and user it names.

#include "core/scenario/scenario.h"
#include "core/scenario/scenarioreferences.h"
#include "core/scenario/yamlfields.h"

#include <yaml-cpp/yaml.h>

namespace carteiro::core {

class ScenarioReader
{
public:
    explicit ScenarioReader(ScenarioDiagnostics &diagnostics)
        : m_diagnostics(diagnostics), m_fields(diagnostics)
    {}

    // Fills `scenario` with everything that could be read; every problem goes to the
    // diagnostics.
    void read(const YAML::Node &document, Scenario &scenario);

private:
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

    ScenarioDiagnostics &m_diagnostics;
    FieldReader m_fields;
    Scenario *m_scenario = nullptr;
    ScenarioReferences m_references;
};

} // namespace carteiro::core
