#include "core/http/httpclientsession.h"

namespace carteiro::core {

namespace {

// A browser would take more; a webmail page is a few kilobytes.
constexpr qsizetype kMaxResponseBody = 16 << 20;

} // namespace

HttpClientSession::HttpClientSession(Next next, Failed failed)
    : m_next(std::move(next)), m_failed(std::move(failed))
{}

QByteArray HttpClientSession::open()
{
    return sendNext(nullptr);
}

QByteArray HttpClientSession::sendNext(const HttpResponse *last)
{
    const std::optional<HttpRequest> request = m_next ? m_next(last) : std::nullopt;
    if (!request) {
        m_closing = true;
        m_stage = Stage::Done;
        return {};
    }
    m_response = HttpResponse();
    m_stage = Stage::StatusLine;
    m_untilClose = false;
    m_headRequest = request->method == "HEAD";
    return request->toWire();
}

std::optional<QByteArray> HttpClientSession::takeLine()
{
    bool tooLong = false;
    return takeHttpLine(m_buffer, kMaxResponseBody, &tooLong);
}

bool HttpClientSession::readResponse()
{
    while (true) {
        switch (m_stage) {
        case Stage::Done:
            return false;
        case Stage::StatusLine: {
            const auto line = takeLine();
            if (!line)
                return false;
            // "HTTP/1.1 200 OK" (RFC 9112 section 4).
            const QList<QByteArray> parts = line->split(' ');
            bool ok = false;
            m_response.status =
                parts.size() >= 2 && line->startsWith("HTTP/1.") ? parts.at(1).toInt(&ok) : 0;
            if (!ok) {
                fail(QStringLiteral("not an HTTP status line: %1").arg(QString::fromUtf8(*line)));
                return false;
            }
            m_stage = Stage::Fields;
            break;
        }
        case Stage::Fields: {
            const auto line = takeLine();
            if (!line)
                return false;
            if (!line->isEmpty()) {
                const qsizetype colon = line->indexOf(':');
                if (colon > 0)
                    m_response.fields.add(line->left(colon), line->mid(colon + 1).trimmed());
                break;
            }
            // RFC 9112 section 6.3: how the length of a response body is known.
            const int status = m_response.status;
            if (m_headRequest || status == 204 || status == 304 || status / 100 == 1)
                return true;
            if (m_response.fields.value("Transfer-Encoding").toLower().contains("chunked")) {
                m_body.startChunked(kMaxResponseBody);
            } else if (m_response.fields.contains("Content-Length")) {
                m_body.startLength(m_response.fields.value("Content-Length").toLongLong());
            } else {
                m_untilClose = true;
                m_body.startUntilClose();
            }
            m_stage = Stage::Body;
            break;
        }
        case Stage::Body:
            switch (m_body.read(m_buffer, m_response.body)) {
            case HttpBodyReader::Status::NeedMore:
                return false;
            case HttpBodyReader::Status::Error:
                fail(QString::fromUtf8(m_body.errorText()));
                return false;
            case HttpBodyReader::Status::Done:
                return true;
            }
            break;
        }
    }
}

QByteArray HttpClientSession::receive(const QByteArray &bytes)
{
    if (m_closing)
        return {};
    m_buffer += bytes;
    if (!readResponse())
        return {};
    const HttpResponse response = std::move(m_response);
    if (response.fields.value("Connection").toLower().contains("close")) {
        // The server closes after this answer; nothing more can be sent on it.
        const bool wantedMore = m_next && m_next(&response).has_value();
        if (wantedMore)
            fail(QStringLiteral("the server closed the connection"));
        m_closing = true;
        m_stage = Stage::Done;
        return {};
    }
    return sendNext(&response);
}

void HttpClientSession::fail(const QString &error)
{
    m_closing = true;
    m_stage = Stage::Done;
    if (m_failed && !m_failedOnce) {
        m_failedOnce = true;
        m_failed(error);
    }
}

void HttpClientSession::connectFailed(const QString &reason)
{
    fail(reason);
}

void HttpClientSession::connectionLost()
{
    if (m_untilClose && m_stage == Stage::Body && !m_closing) {
        // The body ran until the close (RFC 9112 section 6.3, last rule).
        const HttpResponse response = std::move(m_response);
        m_closing = true;
        m_stage = Stage::Done;
        m_next(&response);
        return;
    }
    if (m_stage != Stage::Done)
        fail(QStringLiteral("connection closed by the server"));
}

} // namespace carteiro::core
