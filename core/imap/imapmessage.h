#pragma once

#include "core/imap/imapcommand.h"
#include "core/sim/simulation.h"

#include <QByteArray>

#include <optional>

namespace carteiro::core {

// What FETCH shows of a stored message (RFC 3501 section 7.4.2). Every function takes the
// message with CRLF line ends (imapCanonicalMessage), as sizes count them.
namespace imapmessage {

QByteArray canonical(const QByteArray &raw);
// ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id.
QByteArray envelope(const QByteArray &message);
// BODYSTRUCTURE (and BODY) for single-part, message/rfc822 and multipart/* messages, parts
// found by their Content-Type boundary. Extension data are left out (they are optional).
QByteArray bodyStructure(const QByteArray &message);
// The octets BODY[section] names (the partial range is the caller's); nullopt when the
// message has no such part.
std::optional<QByteArray> section(const QByteArray &message, const ImapFetchItem &item);
// INTERNALDATE, "02-Mar-2026 09:00:00 +0000", from the virtual clock.
QByteArray internalDate(SimTime time);
// Days since 1970-01-01 of a virtual time (SEARCH BEFORE, ON, SINCE compare days).
qint64 dayOf(SimTime time);
// APPEND's date-time, "02-Mar-2026 09:00:00 +0000", as virtual time.
std::optional<SimTime> parseDateTime(const QByteArray &text);

} // namespace imapmessage
} // namespace carteiro::core
