#pragma once

#include "core/net/faulttable.h"
#include "core/net/linesession.h"
#include "core/sim/simulation.h"
#include "core/trace/trace.h"

#include <QHash>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <unordered_map>

namespace carteiro::core {

// The live lab names a real client by its address and port: "127.0.0.1:54321",
// "[::1]:54321". One on this machine's loopback is on every MTA's own network, as Postfix's
// default mynetworks has it, and may relay.
bool isLoopbackPeer(const QString &client);

// Hosts joined by links with latency, and TCP-like connections between them: connect,
// refused, timed out, bytes delivered in order after the link's one-way delay, close.
// Every line that crosses a connection is written to the trace.
class Network
{
public:
    using SessionFactory = std::function<std::unique_ptr<LineSession>(const QString &clientHost)>;

    // How long a connect() to an unreachable host waits (Postfix's smtp_connect_timeout).
    static constexpr SimTime kConnectTimeout = 30 * kSecond;

    Network(Simulation &simulation, Trace &trace, FaultTable &faults);
    ~Network();

    struct Connection;

    void setDefaultLatency(SimTime latency) { m_defaultLatency = latency; }
    void setLinkLatency(const QString &a, const QString &b, SimTime latency);
    // One-way delay between two hosts now, slow faults included.
    SimTime latency(const QString &a, const QString &b) const;

    void listen(const QString &host, int port, const QString &protocol, SessionFactory factory);
    bool isListening(const QString &host, int port) const;
    QString protocolAt(const QString &host, int port) const;

    // Opens a connection; the client session hears either its first bytes (the greeting)
    // or connectFailed(). messageId tags the trace events with the queue id they serve.
    void connect(const QString &from, const QString &to, int port,
                 std::shared_ptr<ClientSession> client, const QString &messageId = {});

    // A connection from a real program outside the simulation (the live lab), accepted by a
    // server of the scenario. Its bytes come from a socket and are handed to the server's
    // session at once, at the simulation's current time, without a link delay (the real
    // network had its own); every line is recorded in the trace as a simulated one is, so the
    // canvas, the dialogue and the exports show it. Faults apply: a down or refusing host
    // accepts nothing, a drop fault cuts the connection, reject faults answer as configured.
    class LiveLink
    {
    public:
        ~LiveLink(); // closes the connection if it is still open ("closed by" the client)
        LiveLink(const LiveLink &) = delete;
        LiveLink &operator=(const LiveLink &) = delete;

        const QString &protocol() const;
        // The server's first bytes (the greeting), recorded.
        QByteArray open();
        // The client's bytes, in any split; returns the server's answer, recorded.
        QByteArray receive(const QByteArray &bytes);
        // The server has closed (after the bytes returned), or a fault cut the connection.
        bool closing() const;
        bool cut() const;
        // Bytes the live server writes of its own accord (an idle timeout's last reply).
        void serverSays(const QByteArray &bytes);
        // Ends the connection with a reason for the trace; does nothing if already closed.
        void close(const QString &why);
        // A server that answers later (the webmail) writes through this.
        void setWriter(LineSession::Writer writer);
        bool busy() const;

    private:
        friend class Network;
        LiveLink(Network &network, std::shared_ptr<Connection> connection);
        Network &m_network;
        std::shared_ptr<Connection> m_connection;
    };
    // Null when the host does not listen on that port or a fault keeps it from accepting;
    // `refusal` then says why (and the trace has the failed connect).
    std::unique_ptr<LiveLink> acceptLive(const QString &client, const QString &server, int port,
                                         QString *refusal = nullptr);

    // Forgets the connections it keeps open for servers that answer later (when a world is
    // dropped mid-run, before the nodes their sessions belong to).
    void dropConnections();

    // What the trace says about a connection, read back from the events this class records
    // (the capture export rebuilds the TCP packets from them). A connect event's time is when
    // the server's host answered the SYN (SYN-ACK or RST) and its arrival when that answer
    // reached the client; a timed-out connect has no answer and is stamped when the client
    // gave up, kConnectTimeout after its first SYN.
    enum class ConnectOutcome { Established, Refused, TimedOut };
    static ConnectOutcome connectOutcome(const TraceEvent &connect);
    // Who ended a connection: one side closed it, or a drop fault cut it at the server.
    enum class CloseCause { ByClient, ByServer, Cut };
    static CloseCause closeCause(const TraceEvent &close);

    // Records a trace event stamped with the current time.
    void record(TraceEvent event);
    Simulation &simulation() { return m_simulation; }

private:
    void transmit(const std::shared_ptr<Connection> &connection, bool fromClient,
                  const QByteArray &bytes);
    void recordLines(Connection &connection, bool fromClient, const QByteArray &bytes,
                     SimTime arrival);
    void recordLiveInput(Connection &connection, const QByteArray &bytes);
    void recordLiveLine(Connection &connection, const char *text, qsizetype length);
    void arriveAtServer(const std::shared_ptr<Connection> &connection, const QByteArray &bytes);
    void serverWrote(const std::shared_ptr<Connection> &connection, const QByteArray &bytes);
    void arriveAtClient(const std::shared_ptr<Connection> &connection, const QByteArray &bytes);
    void close(const std::shared_ptr<Connection> &connection, const QString &why);

    static QString linkKey(const QString &a, const QString &b);
    struct Listener;
    const Listener *listenerAt(const QString &host, int port) const;

    Simulation &m_simulation;
    Trace &m_trace;
    FaultTable &m_faults;
    SimTime m_defaultLatency = 20;
    QHash<QString, SimTime> m_links;
    struct Listener
    {
        QString protocol;
        SessionFactory factory;
    };
    std::map<std::pair<QString, int>, Listener> m_listeners;
    quint64 m_nextConnection = 1;
    std::unordered_map<quint64, std::shared_ptr<Connection>> m_waitingServers;
};

} // namespace carteiro::core
