#pragma once

#include "core/live/liveserver.h"
#include "core/net/network.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace carteiro::core {

// One real client on a live port: its socket, and the link through which its session runs in
// the world. Whatever arrives is handed over at once; the answer goes out in one write (with
// TCP_NODELAY, so a multi-line reply is one segment and no delayed ACK holds it back).
// Protection as a real server has it: an idle timeout, no reading while the client leaves
// too much of our output unread (memory stays bounded), reads in bounded chunks.
class LiveConnection : public QObject
{
    Q_OBJECT

public:
    // Socket reads are at most this many bytes, and Qt's read buffer is capped to it.
    static constexpr qint64 kReadChunk = 64 * 1024;
    // Past this much output the client has not read, its input waits (TCP pushes back).
    static constexpr qint64 kMaxUnsentOutput = 1024 * 1024;

    LiveConnection(QTcpSocket *socket, std::unique_ptr<Network::LiveLink> link,
                   const LiveEndpoint &endpoint, LiveServer &server, std::size_t listener);
    ~LiveConnection() override;

    void start();
    // Ends the connection without a word (the server is stopping).
    void abort();

private:
    void readSome();
    void idleTimeout();
    void finish();
    void ended();

    QTcpSocket *m_socket;
    std::unique_ptr<Network::LiveLink> m_link;
    LiveEndpoint m_endpoint;
    LiveServer &m_server;
    std::size_t m_listener;
    QTimer m_idle;
    bool m_finishing = false;
    bool m_ended = false;
};

} // namespace carteiro::core
