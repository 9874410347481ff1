#pragma once

#include "core/agent/useragent.h"
#include "core/dns/mxresolver.h"
#include "core/mta/mta.h"
#include "core/net/faulttable.h"
#include "core/net/network.h"
#include "core/scenario/scenario.h"
#include "core/sim/simulation.h"
#include "core/trace/trace.h"
#include "core/webmail/webmail.h"

#include <QJsonObject>

#include <map>
#include <memory>

namespace carteiro::core {

// A scenario brought to life: the simulation, the network with its hosts, every MTA with its
// queue and mailboxes, the user agents, the faults, and the steps scheduled in virtual time.
// An ordinary object: the CLI, each test and the GUI hold their own.
class World
{
public:
    explicit World(Scenario scenario);
    ~World();

    Simulation &simulation() { return m_simulation; }
    const Trace &trace() const { return m_trace; }
    const Scenario &scenario() const { return m_scenario; }
    Network &network() { return m_network; }
    FaultTable &faults() { return m_faults; }
    const FaultTable &faults() const { return m_faults; }

    // Plays to the end (every queue empty or given up). Returns the number of events run.
    quint64 run();
    // Plays until the trace holds at least `events` entries (or nothing is left), so a fresh
    // world shows the state of a run at that position: stepping back is replaying forward.
    void runUntilTraceSize(std::size_t events);

    Mta *mta(const QString &name) const;
    QList<Mta *> mtas() const;
    Webmail *webmail(const QString &name) const;
    // The MTA whose local domains include this address's domain.
    Mta *homeOf(const QString &address) const;

    // A server session of host:port as the scenario configures it, for `talk`; null with a
    // reason when the host does not serve that port.
    std::unique_ptr<LineSession> openServerSession(const QString &host, int port, QString *error);

    // The live lab changes a world as it runs. A fault that starts now, as a step at this
    // moment would (it ends after its `for`, or at its `until`, or never).
    void injectFault(const FaultSpec &fault);
    // The down faults on the host in force now end now; false when there were none.
    bool bringUp(const QString &host);

    // The end state for `--state`: mailboxes and queues.
    QJsonObject state() const;

private:
    void build();
    void schedule(const Step &step);
    void scheduleFault(const Step &step);
    void runImap(const ImapStep &imap);
    UserAgent *agentFor(const QString &user);
    UserAgent *agentFor(const QString &user, const QString &device);
    QString accessServerOf(const UserAgent *agent, const QString &user) const;
    QString webmailOf(const UserAgent *agent, const QString &user) const;
    UserAgent *agentOn(const QString &host);
    void record(TraceEvent event);

    Scenario m_scenario;
    Simulation m_simulation;
    Trace m_trace;
    FaultTable m_faults;
    Network m_network;
    std::unique_ptr<MxResolver> m_resolver;
    std::map<QString, std::unique_ptr<Mta>> m_mtas;         // by lower-case name
    std::map<QString, std::unique_ptr<Webmail>> m_webmails; // by lower-case name
    std::map<QString, std::unique_ptr<UserAgent>> m_agents;
    QHash<QString, QString> m_machineOf; // user address -> the client host they use
};

} // namespace carteiro::core
