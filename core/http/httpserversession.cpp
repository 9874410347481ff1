#include "core/http/httpserversession.h"

namespace carteiro::core {

namespace {

HttpResponse errorPage(int status, const QByteArray &text)
{
    HttpResponse response;
    response.status = status;
    response.fields.add("Content-Type", "text/html; charset=utf-8");
    const QByteArray title = QByteArray::number(status) + ' ' + HttpResponse::reasonPhrase(status);
    response.body = "<!DOCTYPE html>\r\n<title>" + title + "</title>\r\n<h1>" + title +
                    "</h1>\r\n<p>" + QString::fromUtf8(text).toHtmlEscaped().toUtf8() + "</p>\r\n";
    return response;
}

} // namespace

HttpServerSession::HttpServerSession(HttpApplication &application, HttpLimits limits)
    : m_application(application), m_reader(limits),
      m_self(std::make_shared<HttpServerSession *>(this))
{}

HttpServerSession::~HttpServerSession() = default;

QString HttpServerSession::stage() const
{
    return QStringLiteral("request");
}

QByteArray HttpServerSession::receive(const QByteArray &bytes)
{
    if (m_closing)
        return {};
    m_inReceive = true;
    m_reader.feed(bytes);
    while (auto result = m_reader.next()) {
        const bool failed = result->errorStatus != 0;
        m_queue.push_back(std::move(*result));
        if (failed)
            break;
    }
    pump();
    m_inReceive = false;
    return std::exchange(m_output, {});
}

void HttpServerSession::write(const QByteArray &bytes)
{
    if (m_inReceive)
        m_output += bytes;
    else if (m_writer)
        m_writer(bytes);
}

void HttpServerSession::pump()
{
    while (!m_busy && !m_closing && !m_queue.empty()) {
        const HttpReadResult &front = m_queue.front();
        if (!front.request) {
            // RFC 9112 section 9.6: after a framing error the server answers and closes.
            answer(errorPage(front.errorStatus, front.errorText), false, false);
            return;
        }
        // A copy: an answer given at once pops the queue while the application still runs.
        const HttpRequest request = *front.request;
        const bool keepAlive = request.keepsAlive();
        const bool headOnly = request.method == "HEAD";
        m_busy = true;
        std::weak_ptr<HttpServerSession *> self = m_self;
        m_application.handle(request, [self, keepAlive, headOnly](HttpResponse response) {
            if (const auto alive = self.lock())
                (*alive)->answer(std::move(response), keepAlive, headOnly);
        });
    }
}

void HttpServerSession::answer(HttpResponse response, bool keepAlive, bool headOnly)
{
    if (m_closing || m_queue.empty())
        return;
    m_queue.pop_front();
    m_busy = false;
    if (!keepAlive)
        response.fields.add("Connection", "close");
    response.headOnly = headOnly;
    m_closing = !keepAlive;
    const bool wasInReceive = m_inReceive;
    write(response.toWire());
    if (!wasInReceive && !m_closing) {
        // An answer given later may free the next pipelined request.
        m_inReceive = true;
        pump();
        m_inReceive = false;
        if (!m_output.isEmpty())
            write(std::exchange(m_output, {}));
    }
}

} // namespace carteiro::core
