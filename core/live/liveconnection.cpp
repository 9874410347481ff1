#include "core/live/liveconnection.h"

#include <QTcpSocket>

namespace carteiro::core {

LiveConnection::LiveConnection(QTcpSocket *socket, std::unique_ptr<Network::LiveLink> link,
                               const LiveEndpoint &endpoint, LiveServer &server,
                               std::size_t listener)
    : QObject(&server), m_socket(socket), m_link(std::move(link)), m_endpoint(endpoint),
      m_server(server), m_listener(listener)
{
    m_socket->setParent(this);
    // A multi-line reply leaves in one write; without this, Nagle's algorithm and the
    // client's delayed ACK hold the next one back about 40 ms.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kReadChunk);
    m_idle.setSingleShot(true);
    m_idle.setInterval(server.options().idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &LiveConnection::idleTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &LiveConnection::readSome);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this]() {
        // The client has read some of our output: its input may be read again.
        if (m_socket->bytesToWrite() < kMaxUnsentOutput / 2 && m_socket->bytesAvailable() > 0)
            readSome();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &LiveConnection::ended);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            ended();
    });
    // A server that answers later (the webmail, after its own IMAP dialogue) writes here.
    m_link->setWriter([this](const QByteArray &bytes) {
        if (m_ended)
            return;
        m_socket->write(bytes);
        if (m_link->closing())
            finish();
    });
}

LiveConnection::~LiveConnection() = default;

void LiveConnection::start()
{
    const QByteArray greeting = m_link->open();
    if (!greeting.isEmpty())
        m_socket->write(greeting);
    m_idle.start();
    if (m_link->closing())
        finish();
    else if (m_socket->bytesAvailable() > 0)
        readSome();
}

void LiveConnection::readSome()
{
    if (m_ended)
        return;
    if (m_finishing) {
        // The session is over; whatever still comes is not read into memory.
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_socket->bytesToWrite() > kMaxUnsentOutput)
        return; // resumed from bytesWritten
    m_server.clock().catchUp();
    while (m_socket->bytesAvailable() > 0 && !m_link->closing()) {
        const QByteArray bytes = m_socket->read(kReadChunk);
        const QByteArray answer = m_link->receive(bytes);
        if (!answer.isEmpty())
            m_socket->write(answer);
        if (m_socket->bytesToWrite() > kMaxUnsentOutput)
            break;
    }
    m_idle.start();
    if (m_link->closing())
        finish();
    m_server.clock().reschedule();
}

void LiveConnection::idleTimeout()
{
    if (m_ended)
        return;
    if (m_finishing) {
        // The client never read our last words: it goes now.
        m_socket->abort();
        ended();
        return;
    }
    m_server.countIdleTimeout();
    const QByteArray last = LiveServer::idleReply(m_endpoint.protocol, m_endpoint.greeting);
    m_link->serverSays(last);
    if (!last.isEmpty())
        m_socket->write(last);
    m_link->close(QStringLiteral("closed by %1: idle for %2 s")
                      .arg(m_endpoint.host)
                      .arg(m_server.options().idleTimeoutMs / 1000.0));
    finish();
}

void LiveConnection::finish()
{
    if (m_finishing || m_ended)
        return;
    m_finishing = true;
    if (m_link->cut()) {
        // A drop fault cuts the connection: RST, as a crashed server's host sends.
        m_socket->abort();
        ended();
        return;
    }
    // The last reply is written first, then FIN; a client that never reads it is dropped
    // when the idle timer runs out again.
    m_idle.start();
    m_socket->disconnectFromHost();
}

void LiveConnection::abort()
{
    if (m_ended)
        return;
    m_link->close(QStringLiteral("closed by %1: live server stopped").arg(m_endpoint.host));
    m_socket->abort();
    ended();
}

void LiveConnection::ended()
{
    if (m_ended)
        return;
    m_ended = true;
    m_idle.stop();
    m_link.reset(); // records "closed by" the client if the session had not ended
    m_server.connectionEnded(m_listener);
    deleteLater();
}

} // namespace carteiro::core
