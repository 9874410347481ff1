#pragma once

#include "core/sim/simulation.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace carteiro::core {

using HeaderField = QPair<QString, QString>;

// Reading and writing the header section of an RFC 5322 message.
namespace rfc5322 {

// The header fields in order, folded lines joined (section 2.2.3); stops at the first empty
// line. Never fails: a line that is not a field ends the header section.
QList<HeaderField> parseHeaders(const QByteArray &raw);
// The first field with this name (case-insensitive), unfolded; empty if none.
QString headerValue(const QByteArray &raw, const QString &name);
// The body: everything after the first empty line.
QByteArray body(const QByteArray &raw);

// "Name: value" folded at whitespace to stay under 78 characters (section 2.1.1), CRLF ended.
QByteArray formatField(const QString &name, const QString &value);
// Adds a field on top, as MTAs do with Received and Return-Path (RFC 5321 section 4.4).
QByteArray prependField(const QByteArray &raw, const QString &name, const QString &value);

// Every line end becomes CRLF.
QByteArray toCrlf(const QByteArray &text);

// The virtual clock as an RFC 5322 date. Virtual time 0 is the scenario's epoch, a fixed
// Monday morning, so runs are identical wherever and whenever they play.
QString formatDate(SimTime time);
// The same moment as a UTC date and time (for the Date field of HTTP answers).
QDateTime wallClock(SimTime time);

// RFC 2047 encoded word (=?UTF-8?B?...?=) when the text is not plain ASCII; else the text.
QString encodeWord(const QString &text);
// The address part of "Name <local@domain>" or of a bare address.
QString addressOf(const QString &mailbox);
// The domain of an address, lower case.
QString domainOf(const QString &address);
QString localPartOf(const QString &address);

} // namespace rfc5322
} // namespace carteiro::core
