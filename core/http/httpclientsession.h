#pragma once

#include "core/http/httpbodyreader.h"
#include "core/http/httpmessage.h"
#include "core/net/linesession.h"

#include <functional>
#include <optional>

namespace carteiro::core {

// The client side of HTTP/1.1 (RFC 9112): sends one request, reads the whole response
// (Content-Length, chunked, or up to the close), then asks what to send next on the same
// persistent connection. A browser decides the next request from the page it got.
class HttpClientSession : public ClientSession
{
public:
    // Given the last response (null before the first request), the next request; nothing
    // ends the session.
    using Next = std::function<std::optional<HttpRequest>(const HttpResponse *last)>;
    using Failed = std::function<void(const QString &error)>;

    HttpClientSession(Next next, Failed failed);

    QByteArray open() override;
    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override { return m_closing; }
    bool speaksFirst() const override { return true; }
    void connectFailed(const QString &reason) override;
    void connectionLost() override;

private:
    enum class Stage { StatusLine, Fields, Body, Done };

    QByteArray sendNext(const HttpResponse *last);
    bool readResponse(); // true when a whole response has been read
    std::optional<QByteArray> takeLine();
    void fail(const QString &error);

    Next m_next;
    Failed m_failed;
    QByteArray m_buffer;
    Stage m_stage = Stage::Done;
    bool m_untilClose = false;
    bool m_headRequest = false;
    HttpBodyReader m_body;
    HttpResponse m_response;
    bool m_closing = false;
    bool m_failedOnce = false;
};

} // namespace carteiro::core
