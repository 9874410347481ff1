#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace carteiro::core {

// RFC 5321 section 4.5.3.1.4: a command line is at most 512 octets, CRLF included.
inline constexpr int kSmtpMaxCommandLine = 512;
// RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets, CRLF included.
inline constexpr int kSmtpMaxReplyLine = 512;
// RFC 5321 section 4.5.3.1.6: a line of message text is at most 1000 octets, CRLF included.
inline constexpr int kSmtpMaxTextLine = 1000;
// RFC 4954 section 4: a line of an AUTH exchange may be longer than a command line; servers
// should accept at least 12288 octets.
inline constexpr int kSmtpMaxAuthLine = 12288;

// Cuts a byte stream into lines. A line ends in CRLF (RFC 5321 section 2.3.8); a bare LF is
// accepted too, because a student typing into a terminal sends one. The length limit is
// given when a line is taken rather than when bytes arrive, so a session can switch from
// command lines to message text in the middle of a pipelined chunk. A line over the limit
// is reported as too long and its bytes are dropped as they arrive: the framer never holds
// more than one limit's worth of an unfinished line.
class SmtpLineFramer
{
public:
    // A line's text points into the framer's buffer: it stays valid until the next call to
    // feed(), next() or clear(), so reading a line costs no copy.
    struct Line
    {
        QByteArrayView text;  // without the CRLF (or LF); empty when tooLong
        bool tooLong = false; // longer than the limit; the whole line was discarded
        bool bareLf = false;  // ended in LF alone
    };

    void feed(const QByteArray &bytes);
    // The next complete line, judged against `limit` octets counting a CRLF ending.
    std::optional<Line> next(int limit);
    // Bytes of an unfinished line are waiting (or being discarded).
    bool hasPartialLine() const;
    void clear();

private:
    QByteArray m_buffer;
    qsizetype m_position = 0;  // start of the first unread line in m_buffer
    bool m_discarding = false; // inside a too-long line, dropping bytes up to its LF
};

} // namespace carteiro::core
