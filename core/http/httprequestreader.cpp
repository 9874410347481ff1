#include "core/http/httprequestreader.h"

namespace carteiro::core {

namespace {

// RFC 9110 section 5.6.2: token characters.
bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 32 || u >= 127 || QByteArrayView("\"(),/:;<=>?@[\\]{}").contains(c))
            return false;
    }
    return true;
}

} // namespace

std::optional<QByteArray> HttpRequestReader::takeLine(qsizetype limit, bool *tooLong)
{
    return takeHttpLine(m_buffer, limit, tooLong);
}

HttpReadResult HttpRequestReader::fail(int status, const QByteArray &text)
{
    m_stage = Stage::Failed;
    m_buffer.clear();
    HttpReadResult result;
    result.errorStatus = status;
    result.errorText = text;
    return result;
}

HttpReadResult HttpRequestReader::complete()
{
    HttpReadResult result;
    result.request = std::move(m_request);
    m_request = HttpRequest();
    m_headerBytes = 0;
    m_stage = Stage::RequestLine;
    return result;
}

std::optional<HttpReadResult> HttpRequestReader::readRequestLine(const QByteArray &line)
{
    // Section 2.2: empty lines before a request line are ignored.
    if (line.isEmpty())
        return std::nullopt;
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[1].isEmpty())
        return fail(400, "The request line must be: method, one space, target, one space, "
                         "version (RFC 9112 section 3).");
    if (!isToken(parts[0]))
        return fail(400, "The method is not a token (RFC 9110 section 9.1).");
    const QByteArray &version = parts[2];
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' ||
        !std::isdigit(static_cast<unsigned char>(version.at(5))) ||
        !std::isdigit(static_cast<unsigned char>(version.at(7))))
        return fail(400, "The version must look like HTTP/1.1 (RFC 9112 section 2.3).");
    if (version.at(5) != '1')
        return fail(505, "This server speaks HTTP/1.0 and HTTP/1.1.");
    if (!parts[1].startsWith('/') && parts[1] != "*")
        return fail(400, "The target must be a path beginning with / (origin-form, "
                         "RFC 9112 section 3.2.1).");
    m_request.method = parts[0];
    m_request.target = parts[1];
    m_request.minorVersion = version.at(7) - '0' == 0 ? 0 : 1;
    m_stage = Stage::Fields;
    return std::nullopt;
}

std::optional<HttpReadResult> HttpRequestReader::readField(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, "A field line may not be folded onto the next line (RFC 9112 "
                         "section 5.2).");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, "A field line must be: name, colon, value (RFC 9112 section 5).");
    const QByteArray name = line.left(colon);
    if (!isToken(name))
        return fail(400, "No whitespace is allowed between a field name and its colon "
                         "(RFC 9112 section 5.1).");
    if (m_request.fields.all().size() >= m_limits.maxFields)
        return fail(431, "Too many header fields.");
    m_request.fields.add(name, line.mid(colon + 1).trimmed());
    return std::nullopt;
}

std::optional<HttpReadResult> HttpRequestReader::endOfFields()
{
    const HttpFields &fields = m_request.fields;
    // RFC 9112 section 3.2: an HTTP/1.1 request has exactly one Host field.
    if (m_request.minorVersion == 1 && fields.count("Host") != 1)
        return fail(400, fields.count("Host") == 0
                             ? "An HTTP/1.1 request must name its Host (RFC 9112 section 3.2)."
                             : "A request may have only one Host field.");
    const QByteArray coding = fields.value("Transfer-Encoding").trimmed().toLower();
    if (fields.contains("Transfer-Encoding")) {
        // Section 6.1: both framings at once is a sign of request smuggling.
        if (fields.contains("Content-Length"))
            return fail(400, "A request may not have both Transfer-Encoding and "
                             "Content-Length (RFC 9112 section 6.1).");
        if (coding != "chunked")
            return fail(501, "This server only understands the chunked transfer coding.");
        m_body.startChunked(m_limits.maxBody);
        m_stage = Stage::Body;
        return std::nullopt;
    }
    if (fields.contains("Content-Length")) {
        bool ok = false;
        const QByteArray text = fields.value("Content-Length");
        const qlonglong length = text.toLongLong(&ok);
        bool digits = !text.isEmpty();
        for (const char c : text)
            digits = digits && std::isdigit(static_cast<unsigned char>(c));
        if (!ok || !digits || length < 0 || fields.count("Content-Length") > 1)
            return fail(400, "Content-Length must be one decimal number (RFC 9110 "
                             "section 8.6).");
        if (length > m_limits.maxBody)
            return fail(413, "The body is larger than this server accepts.");
        if (length == 0)
            return complete();
        m_body.startLength(length);
        m_stage = Stage::Body;
        return std::nullopt;
    }
    if (m_request.method == "POST" || m_request.method == "PUT")
        return fail(411, "A POST must say the length of its body (Content-Length).");
    return complete();
}

std::optional<HttpReadResult> HttpRequestReader::next()
{
    while (true) {
        bool tooLong = false;
        switch (m_stage) {
        case Stage::Failed:
            return std::nullopt;
        case Stage::RequestLine: {
            const auto line = takeLine(m_limits.maxRequestLine, &tooLong);
            if (tooLong)
                return fail(414, "The request line is longer than this server reads.");
            if (!line)
                return std::nullopt;
            if (auto result = readRequestLine(*line))
                return result;
            break;
        }
        case Stage::Fields: {
            const qsizetype left = m_limits.maxHeaderSection - m_headerBytes;
            const auto line = takeLine(left, &tooLong);
            if (tooLong)
                return fail(431, "The header section is larger than this server reads.");
            if (!line)
                return std::nullopt;
            m_headerBytes += line->size() + 2;
            if (line->isEmpty()) {
                if (auto result = endOfFields())
                    return result;
                break;
            }
            if (auto result = readField(*line))
                return result;
            break;
        }
        case Stage::Body:
            switch (m_body.read(m_buffer, m_request.body)) {
            case HttpBodyReader::Status::NeedMore:
                return std::nullopt;
            case HttpBodyReader::Status::Error:
                return fail(m_body.errorStatus(), m_body.errorText());
            case HttpBodyReader::Status::Done:
                return complete();
            }
            break;
        }
    }
}

} // namespace carteiro::core
