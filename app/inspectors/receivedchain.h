#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace carteiro::app {

// One Received field (RFC 5321 section 4.4): "from X (Y) by Z (W) with P id I for <R>; date".
// Every MTA that takes the message adds one on top, so the bottom field is the first hop.
struct ReceivedHop
{
    QString from;        // the name the client gave in HELO/EHLO
    QString fromComment; // what the server knows of the client (here: its host name)
    QString by;          // the server that took the message
    QString byComment;
    QString via;
    QString with; // SMTP, ESMTP, ESMTPA (RFC 3848)
    QString id;   // the server's queue id
    QString forAddress;
    QString date;
};

// Reads one Received field value. Never fails: clauses it does not know are skipped.
ReceivedHop parseReceived(const QString &value);
// The message's Received fields in the order the message travelled: first hop first.
QList<ReceivedHop> receivedChain(const QByteArray &raw);

// RFC 2047 encoded words (=?UTF-8?B?...?= and ?Q?) decoded for display; other text as is.
QString decodeWords(const QString &text);

} // namespace carteiro::app
