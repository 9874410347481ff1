#pragma once

#include "core/http/httprequestreader.h"
#include "core/net/linesession.h"

#include <deque>
#include <functional>
#include <memory>

namespace carteiro::core {

// What a web server runs for each request: the webmail's pages. It may answer at once or
// later (after its own IMAP or SMTP dialogue), by calling `respond` exactly once.
class HttpApplication
{
public:
    using Respond = std::function<void(HttpResponse response)>;
    virtual ~HttpApplication() = default;
    virtual void handle(const HttpRequest &request, Respond respond) = 0;
};

// The server side of HTTP/1.1 (RFC 9112) as a session fed with bytes: persistent connections,
// pipelined requests answered in order, HEAD, errors with RFC 9110's status codes and the
// connection closed after a framing error or "Connection: close".
class HttpServerSession : public LineSession
{
public:
    explicit HttpServerSession(HttpApplication &application, HttpLimits limits = {});
    ~HttpServerSession() override;

    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override { return m_closing; }
    QString stage() const override;
    bool answersLater() const override { return true; }
    bool busy() const override { return m_busy || (!m_closing && !m_queue.empty()); }
    void setWriter(Writer writer) override { m_writer = std::move(writer); }

    // Requests read but not answered yet (the one in progress included).
    int waiting() const { return int(m_queue.size()); }

private:
    void pump();
    void answer(HttpResponse response, bool keepAlive, bool headOnly);
    void write(const QByteArray &bytes);

    HttpApplication &m_application;
    HttpRequestReader m_reader;
    std::deque<HttpReadResult> m_queue; // requests and a final error, in arrival order
    bool m_busy = false;                // the application holds the first request
    bool m_closing = false;
    bool m_inReceive = false;
    QByteArray m_output; // what receive() returns
    Writer m_writer;
    // Answers that come after the session is gone are dropped.
    std::shared_ptr<HttpServerSession *> m_self;
};

} // namespace carteiro::core
