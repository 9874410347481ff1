#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace carteiro::core {

// A protocol session as a state machine fed with bytes: it knows nothing of time, hosts or
// sockets. The simulated network, the CLI's `talk` and (later) a real socket all drive the
// same object: call open() once when the connection is up, then receive() with whatever bytes
// arrived (any split: half a line, several pipelined commands); each call returns the bytes
// the session writes back. After closing() is true the peer closes once that output is sent.
class LineSession
{
public:
    virtual ~LineSession() = default;

    virtual QByteArray open() { return {}; }
    virtual QByteArray receive(const QByteArray &bytes) = 0;
    virtual bool closing() const = 0;
    // The protocol stage a fault can target ("connect", "helo", "mail", "rcpt", "data"),
    // empty when the protocol has none.
    virtual QString stage() const { return {}; }

    // Most sessions answer only in receive(). One that answers later (a webmail page waiting
    // for its IMAP server) says so, and writes through the writer that whatever drives the
    // session sets; the connection then stays open while nothing is in flight.
    using Writer = std::function<void(const QByteArray &bytes)>;
    virtual bool answersLater() const { return false; }
    // Whether an answer is still being prepared (so a driver with a clock runs it on).
    virtual bool busy() const { return false; }
    virtual void setWriter(Writer writer) { (void)writer; }
};

// A client session also learns when the network fails under it.
class ClientSession : public LineSession
{
public:
    // The connection could not be opened (refused, timed out); `reason` is one line of text.
    virtual void connectFailed(const QString &reason) = 0;
    // The connection broke before the session ended.
    virtual void connectionLost() = 0;
    // HTTP clients speak first: open() is called once the connection is up and its bytes
    // are the first sent. SMTP, POP3 and IMAP clients wait for the server's greeting.
    virtual bool speaksFirst() const { return false; }
};

} // namespace carteiro::core
