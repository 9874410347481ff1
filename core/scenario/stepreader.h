#pragma once

// Internal to core/scenario: reads the `steps:` timeline, each step with its one action.

#include "core/scenario/scenario.h"
#include "core/scenario/scenarioreferences.h"
#include "core/scenario/yamlfields.h"

#include <QList>

namespace carteiro::core {

class StepReader
{
public:
    // `hosts` are the scenario's hosts, already read: a fetch without `protocol` takes its
    // user's client's.
    StepReader(FieldReader &fields, ScenarioReferences &references, const QList<HostSpec> &hosts)
        : m_fields(fields), m_diagnostics(fields.diagnostics()), m_references(references),
          m_hosts(hosts)
    {}

    // The steps in file order (the runner orders them by `at`); a step too broken to place on
    // the timeline is left out, its errors reported.
    QList<Step> read(const YamlField &field);

private:
    std::optional<Step> readStep(const YamlField &field);
    void readSend(const YamlField &field, SendStep &send);
    void readFetch(const YamlField &field, FetchStep &fetch);
    void readTelnet(const YamlField &field, TelnetStep &telnet);
    void readImap(const YamlField &field, ImapStep &imap);
    void readAsk(const YamlField &field, AskStep &ask);
    void readFault(const YamlField &field, FaultSpec &fault, SimTime stepAt);

    FieldReader &m_fields;
    ScenarioDiagnostics &m_diagnostics;
    ScenarioReferences &m_references;
    const QList<HostSpec> &m_hosts;
};

} // namespace carteiro::core
