#pragma once

#include "core/pop3/pop3command.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

#include <optional>

namespace carteiro::core {

// A POP3 response as a plain value (RFC 1939 section 3): a status indicator, its text and,
// for a multi-line response, the data lines before byte-stuffing.
struct Pop3Reply
{
    bool ok = true;
    bool malformed = false; // read from the wire: the status line was neither +OK nor -ERR
    QByteArray text;        // after "+OK " or "-ERR "; may be empty
    bool multiline = false;
    QByteArrayList lines; // the data lines, without CRLF and not byte-stuffed

    static Pop3Reply positive(QByteArray text = {});
    static Pop3Reply negative(QByteArray text);
    static Pop3Reply listing(QByteArray text, QByteArrayList lines);

    // The status line as sent ("+OK text" or "-ERR text"), without CRLF.
    QByteArray statusLine() const;
    // The wire form: the status line, then for a multi-line response every data line
    // byte-stuffed and the terminating "." line, each ending in CRLF.
    QByteArray toWire() const;
};

// RFC 1939 section 3: a data line that begins with "." gets one more "." in front of it.
QByteArray pop3StuffLine(const QByteArray &line);
// Undoes pop3StuffLine on a line read from the wire (not the terminating "." line).
QByteArray pop3UnstuffLine(const QByteArray &line);

// The lines of a message, split at LF with any CR before it removed. A final line end does
// not make an empty last line.
QByteArrayList pop3MessageLines(const QByteArray &message);
// The message as it goes on the wire in RETR, with CRLF line ends and not byte-stuffed; its
// size is the one LIST and STAT report (RFC 1939 section 5, "exact size").
QByteArray pop3CanonicalMessage(const QByteArray &message);

// Reads responses off the wire for a client. Whether a response is multi-line depends on the
// command it answers (RFC 1939 section 3), so the client says what it expects, in the order it
// sends commands (the greeting included); a response with nothing expected is one line.
class Pop3ReplyReader
{
public:
    explicit Pop3ReplyReader(int maxLine = Pop3Limits::kMaxClientLine) : m_framer(maxLine) {}

    void expect(bool multiline) { m_expected.append(multiline); }
    void feed(const QByteArray &bytes);
    std::optional<Pop3Reply> next();
    // A line over the limit arrived: the stream can no longer be trusted.
    bool failed() const { return m_failed; }

private:
    void take(const Pop3Line &line);

    Pop3LineFramer m_framer;
    QList<bool> m_expected;
    std::optional<Pop3Reply> m_partial; // a multi-line response still being read
    QList<Pop3Reply> m_ready;
    bool m_failed = false;
};

} // namespace carteiro::core
