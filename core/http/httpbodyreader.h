#pragma once

#include <QByteArray>

#include <optional>

namespace carteiro::core {

// Takes one line from the front of `buffer`, without its CRLF; a bare LF also ends a line
// (RFC 9112 section 2.2). Nothing while no line end has come; *tooLong is set when the line
// (or what has come of it) is longer than `limit`.
std::optional<QByteArray> takeHttpLine(QByteArray &buffer, qsizetype limit, bool *tooLong);

// Reads one message body as RFC 9112 section 6 frames it: a Content-Length, the chunked
// transfer coding (section 7.1), or everything up to the close. Requests and responses
// share it.
class HttpBodyReader
{
public:
    enum class Status { NeedMore, Done, Error };

    void startLength(qsizetype length);
    void startChunked(qsizetype maxBody);
    void startUntilClose();

    // Moves what it can from the front of `buffer` into `body`.
    Status read(QByteArray &buffer, QByteArray &body);

    // After Error: the status to answer (400 or 413) and why.
    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorText() const { return m_errorText; }

private:
    enum class Stage { Length, ChunkSize, ChunkData, ChunkEnd, Trailers, UntilClose, Done };

    Status fail(int status, const QByteArray &text);

    Stage m_stage = Stage::Done;
    qsizetype m_remaining = 0;
    qsizetype m_maxBody = 0;
    int m_errorStatus = 0;
    QByteArray m_errorText;
};

} // namespace carteiro::core
