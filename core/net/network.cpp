#include "core/net/network.h"

#include <QByteArrayList>

namespace carteiro::core {

struct Network::Connection
{
    quint64 id = 0;
    QString client;
    QString server;
    int port = 0;
    QString protocol;
    QString messageId;
    std::shared_ptr<ClientSession> clientSession;
    std::unique_ptr<LineSession> serverSession;
    bool closed = false;
    Trace::Names names; // the trace's ids for protocol, hosts and queue id, looked up once
    // Bytes sent later never overtake bytes sent earlier, even if a slow fault ends between.
    SimTime lastArrivalAtServer = 0;
    SimTime lastArrivalAtClient = 0;
};

namespace {

// A connect or close event about one connection, stamped by Network::record.
TraceEvent connectionEvent(const Network::Connection &connection, TraceEvent::Type type,
                           const QString &text)
{
    TraceEvent event;
    event.type = type;
    event.protocol = connection.protocol;
    event.client = connection.client;
    event.server = connection.server;
    event.port = connection.port;
    event.connection = connection.id;
    event.messageId = connection.messageId;
    event.text = text;
    return event;
}

} // namespace

Network::Network(Simulation &simulation, Trace &trace, FaultTable &faults)
    : m_simulation(simulation), m_trace(trace), m_faults(faults)
{}

Network::~Network() = default;

QString Network::linkKey(const QString &a, const QString &b)
{
    const QString x = a.toLower();
    const QString y = b.toLower();
    return x < y ? x + QLatin1Char('|') + y : y + QLatin1Char('|') + x;
}

void Network::setLinkLatency(const QString &a, const QString &b, SimTime latency)
{
    m_links.insert(linkKey(a, b), latency);
}

SimTime Network::latency(const QString &a, const QString &b) const
{
    const SimTime base =
        m_links.isEmpty() ? m_defaultLatency : m_links.value(linkKey(a, b), m_defaultLatency);
    return base + m_faults.extraLatency(a, b);
}

void Network::listen(const QString &host, int port, const QString &protocol, SessionFactory factory)
{
    m_listeners[{host.toLower(), port}] = Listener{protocol, std::move(factory)};
}

const Network::Listener *Network::listenerAt(const QString &host, int port) const
{
    auto found = m_listeners.find({host.toLower(), port});
    return found == m_listeners.end() ? nullptr : &found->second;
}

bool Network::isListening(const QString &host, int port) const
{
    return listenerAt(host, port) != nullptr;
}

QString Network::protocolAt(const QString &host, int port) const
{
    const Listener *listener = listenerAt(host, port);
    return listener ? listener->protocol : QString();
}

void Network::record(TraceEvent event)
{
    event.time = m_simulation.now();
    m_trace.append(event);
}

void Network::connect(const QString &from, const QString &to, int port,
                      std::shared_ptr<ClientSession> client, const QString &messageId)
{
    auto connection = std::make_shared<Connection>();
    connection->id = m_nextConnection++;
    connection->client = from;
    connection->server = to;
    connection->port = port;
    connection->messageId = messageId;
    connection->clientSession = std::move(client);
    // Listeners are never taken away, so the one found now is the one that accepts.
    const Listener *listener = listenerAt(to, port);
    connection->protocol = listener ? listener->protocol : QString();
    if (connection->protocol.isEmpty())
        connection->protocol = port == 110   ? QStringLiteral("POP3")
                               : port == 143 ? QStringLiteral("IMAP")
                                             : QStringLiteral("SMTP");

    connection->names =
        m_trace.names(connection->protocol, connection->client, connection->server, messageId);

    const SimTime oneWay = latency(from, to);
    if (m_faults.isDown(to)) {
        // No SYN-ACK ever comes back: the client gives up after its connect timeout.
        m_simulation.schedule(kConnectTimeout, [this, connection]() {
            const QString why = QStringLiteral("connect to %1 port %2: connection timed out")
                                    .arg(connection->server)
                                    .arg(QString::number(connection->port));
            record(connectionEvent(*connection, TraceEvent::Type::Connect, why));
            connection->clientSession->connectFailed(why);
        });
        return;
    }
    if (m_faults.refuses(to, port) || !listener) {
        // The host answers the SYN with RST one round trip later.
        m_simulation.schedule(2 * oneWay, [this, connection]() {
            const QString why = QStringLiteral("connect to %1 port %2: connection refused")
                                    .arg(connection->server)
                                    .arg(QString::number(connection->port));
            record(connectionEvent(*connection, TraceEvent::Type::Connect, why));
            connection->clientSession->connectFailed(why);
        });
        return;
    }
    // The server accepts when the SYN arrives; its greeting follows at once.
    m_simulation.schedule(oneWay, [this, connection, listener]() {
        if (m_faults.isDown(connection->server)) {
            connection->clientSession->connectFailed(QStringLiteral("connection failed"));
            return;
        }
        connection->serverSession = listener->factory(connection->client);
        record(connectionEvent(*connection, TraceEvent::Type::Connect,
                               QStringLiteral("TCP connection to %1 port %2 established")
                                   .arg(connection->server)
                                   .arg(QString::number(connection->port))));
        const QByteArray greeting = connection->serverSession->open();
        if (!greeting.isEmpty())
            transmit(connection, false, greeting);
        if (connection->serverSession->closing())
            close(connection, QStringLiteral("server closed the connection"));
    });
}

void Network::transmit(const std::shared_ptr<Connection> &connection, bool fromClient,
                       const QByteArray &bytes)
{
    if (connection->closed || bytes.isEmpty())
        return;
    const SimTime now = m_simulation.now();
    SimTime arrival = now + latency(connection->client, connection->server);
    SimTime &last = fromClient ? connection->lastArrivalAtServer : connection->lastArrivalAtClient;
    arrival = std::max(arrival, last);
    last = arrival;

    // One trace line per protocol line; a trailing partial line is recorded as it is.
    int start = 0;
    while (start < bytes.size()) {
        int end = bytes.indexOf('\n', start);
        const int next = end < 0 ? int(bytes.size()) : end + 1;
        if (end < 0)
            end = int(bytes.size());
        int stop = end;
        if (stop > start && bytes.at(stop - 1) == '\r')
            --stop;
        m_trace.appendLine(now, arrival, connection->names, fromClient, bytes.constData() + start,
                           stop - start, connection->id, connection->port);
        start = next;
    }

    m_simulation.scheduleAt(arrival, [this, connection, fromClient, bytes]() {
        if (fromClient)
            arriveAtServer(connection, bytes);
        else
            arriveAtClient(connection, bytes);
    });
}

void Network::arriveAtServer(const std::shared_ptr<Connection> &connection, const QByteArray &bytes)
{
    if (connection->closed)
        return;
    LineSession &server = *connection->serverSession;
    if (m_faults.drops(connection->server, server.stage())) {
        close(connection,
              QStringLiteral("connection cut by a drop fault at %1").arg(server.stage()));
        const SimTime delay = latency(connection->client, connection->server);
        m_simulation.schedule(delay,
                              [connection]() { connection->clientSession->connectionLost(); });
        return;
    }
    const QByteArray reply = server.receive(bytes);
    transmit(connection, false, reply);
    if (server.closing()) {
        const bool clientDone = connection->clientSession->closing();
        close(connection, QStringLiteral("closed by %1").arg(connection->server));
        if (!clientDone) {
            // The client learns of the close after the last reply has reached it.
            const SimTime delay = latency(connection->client, connection->server);
            m_simulation.schedule(delay, [connection]() {
                if (!connection->clientSession->closing())
                    connection->clientSession->connectionLost();
            });
        }
    }
}

void Network::arriveAtClient(const std::shared_ptr<Connection> &connection, const QByteArray &bytes)
{
    ClientSession &client = *connection->clientSession;
    // Replies still in flight when the server closed are read all the same.
    const QByteArray request = client.receive(bytes);
    if (connection->closed)
        return;
    transmit(connection, true, request);
    if (client.closing())
        close(connection, QStringLiteral("closed by %1").arg(connection->client));
}

void Network::close(const std::shared_ptr<Connection> &connection, const QString &why)
{
    if (connection->closed)
        return;
    connection->closed = true;
    record(connectionEvent(*connection, TraceEvent::Type::Close, why));
}

} // namespace carteiro::core
