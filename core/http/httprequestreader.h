#pragma once

#include "core/http/httpbodyreader.h"
#include "core/http/httpmessage.h"

#include <QByteArray>

#include <optional>

namespace carteiro::core {

// The limits a server sets on what it reads. RFC 9112 section 3 asks for request lines of at
// least 8000 octets; the others are this server's choice, answered with RFC 9110's codes.
struct HttpLimits
{
    qsizetype maxRequestLine = 8000;    // longer: 414 URI Too Long
    qsizetype maxHeaderSection = 16384; // longer: 431 Request Header Fields Too Large
    int maxFields = 100;                // more: 431
    qsizetype maxBody = 1 << 20;        // larger: 413 Content Too Large
};

// What the reader found next in the bytes: a whole request, or an error that ends the
// connection (the framing can no longer be trusted, RFC 9112 section 2.2).
struct HttpReadResult
{
    std::optional<HttpRequest> request;
    int errorStatus = 0;  // 400, 411, 413, 414, 431, 501, 505
    QByteArray errorText; // one sentence for the error page
};

// The framer and parser of HTTP/1.1 requests (RFC 9112): request line, field lines, a body
// framed by Content-Length or chunked transfer coding. Fed any split of the bytes; bare LF is
// accepted as a line end (section 2.2), so a student can type at a terminal.
class HttpRequestReader
{
public:
    explicit HttpRequestReader(HttpLimits limits = {}) : m_limits(limits) {}

    void feed(const QByteArray &bytes) { m_buffer += bytes; }
    // The next request or error, or nothing until more bytes come. After an error the reader
    // stays failed.
    std::optional<HttpReadResult> next();

private:
    enum class Stage {
        RequestLine,
        Fields,
        Body,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        Failed
    };

    std::optional<QByteArray> takeLine(qsizetype limit, bool *tooLong);
    HttpReadResult fail(int status, const QByteArray &text);
    std::optional<HttpReadResult> readRequestLine(const QByteArray &line);
    std::optional<HttpReadResult> readField(const QByteArray &line);
    std::optional<HttpReadResult> endOfFields();
    HttpReadResult complete();

    HttpLimits m_limits;
    QByteArray m_buffer;
    Stage m_stage = Stage::RequestLine;
    HttpRequest m_request;
    qsizetype m_headerBytes = 0;
    HttpBodyReader m_body;
};

} // namespace carteiro::core
