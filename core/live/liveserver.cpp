#include "core/live/liveserver.h"

#include "core/http/httpmessage.h"
#include "core/live/liveconnection.h"
#include "core/mta/mta.h"
#include "core/world/world.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace carteiro::core {

namespace {

// A client turned away is given this long to read the refusal before it is dropped.
constexpr int kBusyLingerMs = 5000;
// Room in the kernel for connections not yet accepted (the system caps it at somaxconn).
constexpr int kListenBacklog = 1024;

struct ServiceSpec
{
    const char *service;
    const char *protocol;
    int scenarioPort;
};

constexpr ServiceSpec kMtaServices[] = {
    {"smtp", "SMTP", Mta::kSmtpPort},
    {"submission", "SMTP", Mta::kSubmissionPort},
    {"pop3", "POP3", Mta::kPop3Port},
    {"imap", "IMAP", Mta::kImapPort},
};

} // namespace

int LiveOptions::defaultBasePort(const QString &service)
{
    if (service == QLatin1String("smtp"))
        return 2525;
    if (service == QLatin1String("submission"))
        return 2587;
    if (service == QLatin1String("pop3"))
        return 2110;
    if (service == QLatin1String("imap"))
        return 2143;
    if (service == QLatin1String("http"))
        return 8080;
    return 0;
}

LiveServer::LiveServer(World &world, LiveOptions options, QObject *parent)
    : QObject(parent), m_world(world), m_options(std::move(options)),
      m_clock(world.simulation(), m_options.speed)
{}

LiveServer::~LiveServer()
{
    stop();
}

QList<LiveEndpoint> LiveServer::plan(const World &world, const LiveOptions &options)
{
    QList<LiveEndpoint> endpoints;
    QMap<QString, int> used; // hosts so far per service
    auto add = [&](const HostSpec &host, const QString &service, const QString &protocol,
                   int scenarioPort, const QString &greeting) {
        LiveEndpoint endpoint;
        endpoint.host = host.name;
        endpoint.service = service;
        endpoint.protocol = protocol;
        endpoint.scenarioPort = scenarioPort;
        endpoint.greeting = greeting;
        endpoint.address = options.address;
        const int index = used.value(service, 0);
        used.insert(service, index + 1);
        const QString key = host.name.toLower() + QLatin1Char(':') + service;
        int port = options.basePorts.value(service, LiveOptions::defaultBasePort(service));
        if (port > 0)
            port += index;
        for (auto it = options.hostPorts.cbegin(); it != options.hostPorts.cend(); ++it)
            if (it.key().toLower() == key)
                port = it.value();
        endpoint.port = quint16(port);
        endpoints << endpoint;
    };
    for (const HostSpec &host : world.scenario().hosts) {
        if (host.role == HostRole::Mta) {
            const QString greeting = host.greeting.isEmpty() ? host.name : host.greeting;
            for (const ServiceSpec &spec : kMtaServices)
                if (host.services.contains(QLatin1String(spec.service)))
                    add(host, QLatin1String(spec.service), QLatin1String(spec.protocol),
                        spec.scenarioPort, greeting);
        } else if (host.role == HostRole::Webmail) {
            add(host, QStringLiteral("http"), QStringLiteral("HTTP"), kHttpPort, host.name);
        }
    }
    return endpoints;
}

bool LiveServer::start(QString *error)
{
    stop();
    m_endpoints = plan(m_world, m_options);
    for (int i = 0; i < m_endpoints.size(); ++i) {
        LiveEndpoint &endpoint = m_endpoints[i];
        auto *server = new QTcpServer(this);
        server->setListenBacklogSize(kListenBacklog);
        if (!server->listen(endpoint.address, endpoint.port)) {
            if (error)
                *error = QStringLiteral("cannot listen on %1 port %2 for %3 %4: %5")
                             .arg(endpoint.address.toString())
                             .arg(endpoint.port)
                             .arg(endpoint.host, endpoint.service, server->errorString());
            delete server;
            stop();
            return false;
        }
        endpoint.port = server->serverPort();
        const std::size_t index = m_listeners.size();
        m_listeners.push_back(Listener{server, i, 0});
        connect(server, &QTcpServer::newConnection, this, [this, index]() { acceptOn(index); });
    }
    m_clock.start();
    return true;
}

void LiveServer::stop()
{
    m_clock.stop();
    for (LiveConnection *connection : findChildren<LiveConnection *>(Qt::FindDirectChildrenOnly))
        connection->abort();
    for (Listener &listener : m_listeners)
        delete listener.server;
    m_listeners.clear();
    // Connections that ended wait for deleteLater; they must not outlive the world's network.
    for (LiveConnection *connection : findChildren<LiveConnection *>(Qt::FindDirectChildrenOnly))
        delete connection;
}

int LiveServer::openConnections() const
{
    int open = 0;
    for (const Listener &listener : m_listeners)
        open += listener.open;
    return open;
}

QString LiveServer::peerName(const QTcpSocket &socket)
{
    const QHostAddress address = socket.peerAddress();
    bool v4 = false;
    const quint32 ipv4 = address.toIPv4Address(&v4);
    if (v4)
        return QStringLiteral("%1:%2").arg(QHostAddress(ipv4).toString()).arg(socket.peerPort());
    return QStringLiteral("[%1]:%2").arg(address.toString()).arg(socket.peerPort());
}

QByteArray LiveServer::busyReply(const QString &protocol, const QString &greeting)
{
    // RFC 5321 section 3.8 (421 and close), RFC 3206 section 4 ([SYS/TEMP]), RFC 3501
    // section 7.1.5 (BYE), RFC 9110 section 15.6.4 (503).
    if (protocol == QLatin1String("SMTP"))
        return QStringLiteral("421 %1 Service not available, too many connections; try again "
                              "later\r\n")
            .arg(greeting)
            .toUtf8();
    if (protocol == QLatin1String("POP3"))
        return "-ERR [SYS/TEMP] Too many connections, try again later\r\n";
    if (protocol == QLatin1String("IMAP"))
        return "* BYE Too many connections, try again later\r\n";
    return "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
           "Connection: close\r\n\r\n";
}

QByteArray LiveServer::idleReply(const QString &protocol, const QString &greeting)
{
    // RFC 5321 section 4.5.3.2: a server that times out answers 421 and closes; RFC 3501
    // section 5.4 gives IMAP's autologout its words; POP3 and HTTP just close.
    if (protocol == QLatin1String("SMTP"))
        return QStringLiteral("421 %1 Timeout exceeded, closing transmission channel\r\n")
            .arg(greeting)
            .toUtf8();
    if (protocol == QLatin1String("IMAP"))
        return "* BYE Autologout; idle for too long\r\n";
    if (protocol == QLatin1String("POP3"))
        return "-ERR Autologout; idle for too long\r\n";
    return {};
}

void LiveServer::acceptOn(std::size_t index)
{
    Listener &listener = m_listeners[index];
    const LiveEndpoint &endpoint = m_endpoints.at(listener.endpoint);
    while (QTcpSocket *socket = listener.server->nextPendingConnection()) {
        if (listener.open >= m_options.maxConnections) {
            ++m_counters.busy;
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            socket->write(busyReply(endpoint.protocol, endpoint.greeting));
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState) {
                socket->deleteLater();
            } else {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QTimer::singleShot(kBusyLingerMs, socket, [socket]() { socket->abort(); });
            }
            continue;
        }
        // The world is brought to the present before the client meets it.
        m_clock.catchUp();
        QString refusal;
        std::unique_ptr<Network::LiveLink> link = m_world.network().acceptLive(
            peerName(*socket), endpoint.host, endpoint.scenarioPort, &refusal);
        if (!link) {
            // A down or refusing host: the connection is reset.
            ++m_counters.refused;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_counters.accepted;
        ++listener.open;
        auto *connection = new LiveConnection(socket, std::move(link), endpoint, *this, index);
        emit connectionsChanged(openConnections());
        connection->start();
    }
    m_clock.reschedule();
}

void LiveServer::connectionEnded(std::size_t index)
{
    if (index < m_listeners.size())
        --m_listeners[index].open;
    emit connectionsChanged(openConnections());
}

} // namespace carteiro::core
