#pragma once

#include "core/net/linesession.h"

#include <QByteArrayList>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace carteiro::core {

// A user agent's IMAP client (RFC 3501): LOGIN, SELECT the mailbox, FETCH every message with
// its UID and flags, LOGOUT. Keep reads with BODY.PEEK[] and leaves \Seen alone; Read uses
// BODY[], so the server marks each message \Seen (section 6.4.5). Tags are a001, a002...
class ImapClientSession : public ClientSession
{
public:
    // Keep: BODY.PEEK[]; Read: BODY[] (marks \Seen); Headers: BODY.PEEK[HEADER] only, as a
    // webmail fetches for its message list.
    enum class Mode { Keep, Read, Headers };
    struct Result
    {
        bool ok = false;
        QString error;            // the NO/BAD line or network error when !ok
        QByteArrayList messages;  // each message (or header, in Headers mode) as sent, CRLF
        QList<quint32> uids;      // the UID of each message, same order
        QList<QStringList> flags; // the flags of each message as FETCH reported them
    };
    using Finished = std::function<void(const Result &)>;

    ImapClientSession(QString user, QString password, Mode mode, Finished finished,
                      QString mailbox = QStringLiteral("INBOX"));
    ~ImapClientSession() override;

    // Fetch only the message with this UID (UID FETCH, RFC 3501 section 6.4.8).
    void setUid(quint32 uid);

    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override;
    void connectFailed(const QString &reason) override;
    void connectionLost() override;

    const Result &result() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carteiro::core
