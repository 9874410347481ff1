#include "core/http/httpbodyreader.h"

#include <limits>

namespace carteiro::core {

namespace {

// A chunk-size line or a trailer field; longer ones are not HTTP this side reads.
constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

std::optional<QByteArray> takeHttpLine(QByteArray &buffer, qsizetype limit, bool *tooLong)
{
    // The limit counts the line without its end: a CR just before the LF (or last in the
    // buffer, the LF still to come) is not part of it.
    const qsizetype end = buffer.indexOf('\n');
    if (end < 0) {
        *tooLong = buffer.size() - (buffer.endsWith('\r') ? 1 : 0) > limit;
        return std::nullopt;
    }
    *tooLong = end - (end > 0 && buffer.at(end - 1) == '\r' ? 1 : 0) > limit;
    QByteArray line = buffer.left(end);
    buffer.remove(0, end + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

void HttpBodyReader::startLength(qsizetype length)
{
    m_remaining = length;
    m_stage = length > 0 ? Stage::Length : Stage::Done;
}

void HttpBodyReader::startChunked(qsizetype maxBody)
{
    m_maxBody = maxBody;
    m_stage = Stage::ChunkSize;
}

void HttpBodyReader::startUntilClose()
{
    m_stage = Stage::UntilClose;
}

HttpBodyReader::Status HttpBodyReader::fail(int status, const QByteArray &text)
{
    m_errorStatus = status;
    m_errorText = text;
    m_stage = Stage::Done;
    return Status::Error;
}

HttpBodyReader::Status HttpBodyReader::read(QByteArray &buffer, QByteArray &body)
{
    while (true) {
        switch (m_stage) {
        case Stage::Done:
            return Status::Done;
        case Stage::UntilClose:
            body += buffer;
            buffer.clear();
            return Status::NeedMore;
        case Stage::Length:
        case Stage::ChunkData: {
            const qsizetype take = std::min(m_remaining, buffer.size());
            body += buffer.left(take);
            buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return Status::NeedMore;
            m_stage = m_stage == Stage::Length ? Stage::Done : Stage::ChunkEnd;
            break;
        }
        case Stage::ChunkSize:
        case Stage::ChunkEnd:
        case Stage::Trailers: {
            bool tooLong = false;
            const auto taken = takeHttpLine(buffer, kMaxChunkLine, &tooLong);
            if (tooLong)
                return fail(400, "A chunk line is too long.");
            if (!taken)
                return Status::NeedMore;
            const QByteArray &line = *taken;
            if (m_stage == Stage::ChunkEnd) {
                if (!line.isEmpty())
                    return fail(400, "A chunk's data must end with CRLF (RFC 9112 "
                                     "section 7.1).");
                m_stage = Stage::ChunkSize;
            } else if (m_stage == Stage::Trailers) {
                // Trailer fields are read and dropped (section 7.1.2).
                if (line.isEmpty())
                    m_stage = Stage::Done;
            } else {
                const qsizetype semicolon = line.indexOf(';'); // extensions are ignored
                const QByteArray hex = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
                bool ok = !hex.startsWith('+') && !hex.startsWith('-');
                const qlonglong size = ok ? hex.toLongLong(&ok, 16) : 0;
                if (!ok || size < 0)
                    return fail(400, "A chunk must start with its size in hexadecimal "
                                     "(RFC 9112 section 7.1).");
                // Compared without adding: a size near the maximum must not overflow.
                if (size > m_maxBody - body.size())
                    return fail(413, "The body is larger than this side accepts.");
                m_remaining = size;
                m_stage = size == 0 ? Stage::Trailers : Stage::ChunkData;
            }
            break;
        }
        }
    }
}

} // namespace carteiro::core
