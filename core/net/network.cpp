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
    // A live connection's client is a real program: its bytes come in any split, so its lines
    // are put together here before they are recorded, and a line without end is kept only up
    // to kLiveTraceLine octets (the rest is counted, not stored).
    bool live = false;
    bool cut = false;
    QByteArray pendingLine;
    qsizetype pendingDropped = 0;
    LineSession::Writer liveWriter;
};

namespace {

// Parts of the connect and close texts, read back by connectOutcome() and closeCause().
constexpr char kRefused[] = "connection refused";
constexpr char kTimedOut[] = "connection timed out";
constexpr char kCutPrefix[] = "connection cut";
constexpr char kClosedByPrefix[] = "closed by ";

// The longest client line a live connection records whole: longer than any line a session
// accepts (SMTP AUTH's 12288 octets, RFC 4954 section 4), short enough that a client sending
// a line without end holds little memory.
constexpr qsizetype kLiveTraceLine = 16 * 1024;

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

void Network::dropConnections()
{
    m_waitingServers.clear();
}

Network::ConnectOutcome Network::connectOutcome(const TraceEvent &event)
{
    if (event.text.endsWith(QLatin1String(kRefused)))
        return ConnectOutcome::Refused;
    if (event.text.endsWith(QLatin1String(kTimedOut)))
        return ConnectOutcome::TimedOut;
    return ConnectOutcome::Established;
}

Network::CloseCause Network::closeCause(const TraceEvent &event)
{
    if (event.text.startsWith(QLatin1String(kCutPrefix)))
        return CloseCause::Cut;
    if (event.text == QLatin1String(kClosedByPrefix) + event.client)
        return CloseCause::ByClient;
    return CloseCause::ByServer;
}

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
            const QString why = QStringLiteral("connect to %1 port %2: ")
                                    .arg(connection->server)
                                    .arg(QString::number(connection->port)) +
                                QLatin1String(kTimedOut);
            record(connectionEvent(*connection, TraceEvent::Type::Connect, why));
            connection->clientSession->connectFailed(why);
        });
        return;
    }
    if (m_faults.refuses(to, port) || !listener) {
        // The host answers the SYN with RST as it arrives; the client hears of it one way later.
        m_simulation.schedule(oneWay, [this, connection]() {
            const QString why = QStringLiteral("connect to %1 port %2: ")
                                    .arg(connection->server)
                                    .arg(QString::number(connection->port)) +
                                QLatin1String(kRefused);
            TraceEvent event = connectionEvent(*connection, TraceEvent::Type::Connect, why);
            event.arrival = m_simulation.now() + latency(connection->client, connection->server);
            record(event);
            m_simulation.scheduleAt(event.arrival, [connection, why]() {
                connection->clientSession->connectFailed(why);
            });
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
        if (connection->serverSession->answersLater()) {
            // Nothing in flight may hold such a connection while the server works: the
            // network keeps it until it closes.
            m_waitingServers.emplace(connection->id, connection);
            connection->serverSession->setWriter(
                [this, weak = std::weak_ptr<Connection>(connection)](const QByteArray &bytes) {
                    if (const auto alive = weak.lock())
                        serverWrote(alive, bytes);
                });
        }
        TraceEvent event =
            connectionEvent(*connection, TraceEvent::Type::Connect,
                            QStringLiteral("TCP connection to %1 port %2 established")
                                .arg(connection->server)
                                .arg(QString::number(connection->port)));
        // The SYN-ACK leaves now and reaches the client one way later.
        event.arrival = m_simulation.now() + latency(connection->client, connection->server);
        record(event);
        const QByteArray greeting = connection->serverSession->open();
        if (!greeting.isEmpty())
            transmit(connection, false, greeting);
        if (connection->serverSession->closing()) {
            close(connection, QStringLiteral("server closed the connection"));
            return;
        }
        if (connection->clientSession->speaksFirst()) {
            // The client sends its request once the SYN-ACK has reached it.
            m_simulation.schedule(latency(connection->client, connection->server),
                                  [this, connection]() {
                                      transmit(connection, true, connection->clientSession->open());
                                  });
        }
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

    recordLines(*connection, fromClient, bytes, arrival);

    m_simulation.scheduleAt(arrival, [this, connection, fromClient, bytes]() {
        if (fromClient)
            arriveAtServer(connection, bytes);
        else
            arriveAtClient(connection, bytes);
    });
}

void Network::recordLines(Connection &connection, bool fromClient, const QByteArray &bytes,
                          SimTime arrival)
{
    // One trace line per protocol line; a trailing partial line is recorded as it is.
    const SimTime now = m_simulation.now();
    int start = 0;
    while (start < bytes.size()) {
        int end = bytes.indexOf('\n', start);
        const int next = end < 0 ? int(bytes.size()) : end + 1;
        if (end < 0)
            end = int(bytes.size());
        int stop = end;
        if (stop > start && bytes.at(stop - 1) == '\r')
            --stop;
        m_trace.appendLine(now, arrival, connection.names, fromClient, bytes.constData() + start,
                           stop - start, connection.id, connection.port);
        start = next;
    }
}

void Network::arriveAtServer(const std::shared_ptr<Connection> &connection, const QByteArray &bytes)
{
    if (connection->closed)
        return;
    LineSession &server = *connection->serverSession;
    if (m_faults.drops(connection->server, server.stage())) {
        close(connection, QLatin1String(kCutPrefix) +
                              QStringLiteral(" by a drop fault at %1").arg(server.stage()));
        const SimTime delay = latency(connection->client, connection->server);
        m_simulation.schedule(delay,
                              [connection]() { connection->clientSession->connectionLost(); });
        return;
    }
    serverWrote(connection, server.receive(bytes));
}

void Network::serverWrote(const std::shared_ptr<Connection> &connection, const QByteArray &bytes)
{
    if (connection->closed)
        return;
    if (connection->live) {
        // A live server that answers later (the webmail): straight to the socket.
        recordLines(*connection, false, bytes, m_simulation.now());
        if (connection->liveWriter && !bytes.isEmpty())
            connection->liveWriter(bytes);
        if (connection->serverSession->closing())
            close(connection, QLatin1String(kClosedByPrefix) + connection->server);
        return;
    }
    transmit(connection, false, bytes);
    if (connection->serverSession->closing()) {
        const bool clientDone = connection->clientSession->closing();
        close(connection, QLatin1String(kClosedByPrefix) + connection->server);
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
        close(connection, QLatin1String(kClosedByPrefix) + connection->client);
}

void Network::close(const std::shared_ptr<Connection> &connection, const QString &why)
{
    if (connection->closed)
        return;
    connection->closed = true;
    m_waitingServers.erase(connection->id);
    record(connectionEvent(*connection, TraceEvent::Type::Close, why));
}

bool isLoopbackPeer(const QString &client)
{
    return client.startsWith(QLatin1String("127.")) || client.startsWith(QLatin1String("[::1]"));
}

// ----- live connections -----

void Network::recordLiveLine(Connection &connection, const char *text, qsizetype length)
{
    if (length > 0 && text[length - 1] == '\r')
        --length;
    const SimTime now = m_simulation.now();
    m_trace.appendLine(now, now, connection.names, true, text, int(length), connection.id,
                       connection.port);
}

void Network::recordLiveInput(Connection &connection, const QByteArray &bytes)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', start);
        const qsizetype stop = end < 0 ? bytes.size() : end;
        if (connection.pendingLine.isEmpty() && connection.pendingDropped == 0 && end >= 0 &&
            end - start <= kLiveTraceLine) {
            // The usual case: a whole line in one read, recorded without a copy.
            recordLiveLine(connection, bytes.constData() + start, end - start);
        } else {
            const qsizetype room = kLiveTraceLine - connection.pendingLine.size();
            const qsizetype take = std::min(room, stop - start);
            connection.pendingLine.append(bytes.constData() + start, take);
            connection.pendingDropped += (stop - start) - take;
            if (end >= 0) {
                QByteArray line = connection.pendingLine;
                if (connection.pendingDropped > 0) {
                    if (line.endsWith('\r'))
                        line.chop(1);
                    line += QStringLiteral(" [\u2026 %1 more octets not recorded]")
                                .arg(connection.pendingDropped)
                                .toUtf8();
                }
                recordLiveLine(connection, line.constData(), line.size());
                connection.pendingLine.clear();
                connection.pendingDropped = 0;
            }
        }
        start = end < 0 ? bytes.size() : end + 1;
    }
}

std::unique_ptr<Network::LiveLink> Network::acceptLive(const QString &client, const QString &server,
                                                       int port, QString *refusal)
{
    auto connection = std::make_shared<Connection>();
    connection->id = m_nextConnection++;
    connection->client = client;
    connection->server = server;
    connection->port = port;
    connection->live = true;
    const Listener *listener = listenerAt(server, port);
    connection->protocol = listener ? listener->protocol : QStringLiteral("TCP");
    connection->names = m_trace.names(connection->protocol, client, server, QString());

    QString why;
    if (m_faults.isDown(server))
        why = QLatin1String(kTimedOut);
    else if (!listener || m_faults.refuses(server, port))
        why = QLatin1String(kRefused);
    if (!why.isEmpty()) {
        why = QStringLiteral("connect to %1 port %2: ").arg(server).arg(port) + why;
        TraceEvent event = connectionEvent(*connection, TraceEvent::Type::Connect, why);
        if (!m_faults.isDown(server))
            event.arrival = m_simulation.now();
        record(event);
        if (refusal)
            *refusal = why;
        return nullptr;
    }
    connection->serverSession = listener->factory(client);
    if (connection->serverSession->answersLater())
        connection->serverSession->setWriter(
            [this, weak = std::weak_ptr<Connection>(connection)](const QByteArray &bytes) {
                if (const auto alive = weak.lock())
                    serverWrote(alive, bytes);
            });
    TraceEvent event = connectionEvent(
        *connection, TraceEvent::Type::Connect,
        QStringLiteral("TCP connection to %1 port %2 established").arg(server).arg(port));
    event.arrival = m_simulation.now();
    record(event);
    return std::unique_ptr<LiveLink>(new LiveLink(*this, std::move(connection)));
}

Network::LiveLink::LiveLink(Network &network, std::shared_ptr<Connection> connection)
    : m_network(network), m_connection(std::move(connection))
{}

Network::LiveLink::~LiveLink()
{
    close(QLatin1String(kClosedByPrefix) + m_connection->client);
    // The session goes now: a webmail answer that comes later finds no connection.
    m_connection->serverSession.reset();
}

const QString &Network::LiveLink::protocol() const
{
    return m_connection->protocol;
}

QByteArray Network::LiveLink::open()
{
    Connection &c = *m_connection;
    if (c.closed)
        return {};
    const QByteArray greeting = c.serverSession->open();
    m_network.recordLines(c, false, greeting, m_network.m_simulation.now());
    if (c.serverSession->closing())
        close(QLatin1String(kClosedByPrefix) + c.server);
    return greeting;
}

QByteArray Network::LiveLink::receive(const QByteArray &bytes)
{
    Connection &c = *m_connection;
    if (c.closed || bytes.isEmpty())
        return {};
    m_network.recordLiveInput(c, bytes);
    LineSession &session = *c.serverSession;
    if (m_network.m_faults.drops(c.server, session.stage())) {
        c.cut = true;
        close(QLatin1String(kCutPrefix) +
              QStringLiteral(" by a drop fault at %1").arg(session.stage()));
        return {};
    }
    const QByteArray answer = session.receive(bytes);
    m_network.recordLines(c, false, answer, m_network.m_simulation.now());
    if (session.closing())
        close(QLatin1String(kClosedByPrefix) + c.server);
    return answer;
}

bool Network::LiveLink::closing() const
{
    return m_connection->closed;
}

bool Network::LiveLink::cut() const
{
    return m_connection->cut;
}

void Network::LiveLink::serverSays(const QByteArray &bytes)
{
    Connection &c = *m_connection;
    if (!c.closed)
        m_network.recordLines(c, false, bytes, m_network.m_simulation.now());
}

void Network::LiveLink::close(const QString &why)
{
    Connection &c = *m_connection;
    if (c.closed)
        return;
    if (!c.pendingLine.isEmpty() || c.pendingDropped > 0) {
        // What the client sent of a line it never ended.
        QByteArray line = c.pendingLine;
        if (c.pendingDropped > 0)
            line += QStringLiteral(" [\u2026 %1 more octets not recorded]")
                        .arg(c.pendingDropped)
                        .toUtf8();
        m_network.recordLiveLine(c, line.constData(), line.size());
        c.pendingLine.clear();
        c.pendingDropped = 0;
    }
    m_network.close(m_connection, why);
}

void Network::LiveLink::setWriter(LineSession::Writer writer)
{
    m_connection->liveWriter = std::move(writer);
}

bool Network::LiveLink::busy() const
{
    return m_connection->serverSession && m_connection->serverSession->busy();
}

} // namespace carteiro::core
