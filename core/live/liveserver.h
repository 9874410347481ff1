#pragma once

#include "core/live/liveclock.h"
#include "core/net/network.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>

#include <vector>

class QTcpServer;
class QTcpSocket;

namespace carteiro::core {

class World;
class LiveConnection;

// How the live lab listens. Each service of each host gets a real port: the first host that
// offers a service (in the scenario's order) gets the service's base port, the next ones the
// ports that follow (mail.crepes.fr smtp 2525, mail.hamburger.edu smtp 2526). A port set
// for one host overrides that; 0 lets the system pick a free port (the endpoints say which).
struct LiveOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    double speed = LiveClock::kDefaultSpeed;
    QMap<QString, int> basePorts; // by service: smtp, submission, pop3, imap, http
    QMap<QString, int> hostPorts; // by "host:service"
    // Postfix's default_process_limit: beyond it a client is told to come back later.
    int maxConnections = 100; // per listening port
    // RFC 5321 section 4.5.3.2.7: a server waits at least 5 minutes for the next command;
    // RFC 1939 section 3 asks POP3 for at least 10 minutes, RFC 3501 section 5.4 IMAP for 30
    // (one value here: a classroom lab wants idle sockets back sooner).
    int idleTimeoutMs = 5 * 60 * 1000;

    static int defaultBasePort(const QString &service); // 2525, 2587, 2110, 2143, 8080
};

// One real listening port standing for a host's service.
struct LiveEndpoint
{
    QString host;         // the scenario's host
    QString service;      // smtp | submission | pop3 | imap | http
    QString protocol;     // SMTP | POP3 | IMAP | HTTP
    int scenarioPort = 0; // 25, 587, 110, 143, 80
    QString greeting;     // the name a server gives in its replies
    QHostAddress address;
    quint16 port = 0; // where it listens for real
};

// The live lab: the scenario's servers on real sockets. A real client's session goes through
// the world's network like a simulated one (Network::acceptLive): its lines are in the trace,
// its mail is queued, routed by MX, retried, bounced and delivered by the simulation, whose
// clock follows the wall clock (LiveClock). The world must outlive this object.
class LiveServer : public QObject
{
    Q_OBJECT

public:
    LiveServer(World &world, LiveOptions options, QObject *parent = nullptr);
    ~LiveServer() override;

    // The endpoints the scenario asks for, before start() binds them.
    static QList<LiveEndpoint> plan(const World &world, const LiveOptions &options);

    // Listens on every endpoint and starts the clock; on failure nothing listens and `error`
    // says which port could not be opened.
    bool start(QString *error);
    // Closes every port and connection; the world stays as it is.
    void stop();
    bool isListening() const { return !m_listeners.empty(); }

    const QList<LiveEndpoint> &endpoints() const { return m_endpoints; }
    LiveClock &clock() { return m_clock; }
    World &world() { return m_world; }
    const LiveOptions &options() const { return m_options; }

    struct Counters
    {
        quint64 accepted = 0;     // connections handed to the world
        quint64 busy = 0;         // turned away: too many connections
        quint64 refused = 0;      // a fault kept the host from accepting
        quint64 idleTimeouts = 0; // closed after the idle timeout
    };
    const Counters &counters() const { return m_counters; }
    int openConnections() const;

    // A protocol's last words when the server turns a client away or gives up on it.
    static QByteArray busyReply(const QString &protocol, const QString &greeting);
    static QByteArray idleReply(const QString &protocol, const QString &greeting);
    // "127.0.0.1:54321", "[::1]:54321"
    static QString peerName(const QTcpSocket &socket);

signals:
    // A connection was accepted or ended (for windows that show the count).
    void connectionsChanged(int open);

private:
    friend class LiveConnection;
    struct Listener
    {
        QTcpServer *server = nullptr;
        int endpoint = 0;
        int open = 0;
    };
    void acceptOn(std::size_t listener);
    void connectionEnded(std::size_t listener);
    void countIdleTimeout() { ++m_counters.idleTimeouts; }

    World &m_world;
    LiveOptions m_options;
    LiveClock m_clock;
    QList<LiveEndpoint> m_endpoints;
    std::vector<Listener> m_listeners;
    Counters m_counters;
};

} // namespace carteiro::core
