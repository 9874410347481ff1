#pragma once

#include "core/sim/simulation.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace carteiro::core {

struct StoredMessage
{
    quint32 uid = 0;
    QByteArray raw;    // the whole message as delivered, CRLF line ends
    QStringList flags; // IMAP system flags ("\\Seen", "\\Deleted") and keywords
    SimTime arrived = 0;
};

struct MailFolder
{
    quint32 uidValidity = 1;
    quint32 uidNext = 1;
    std::vector<StoredMessage> messages;
};

struct MailAccount
{
    QString address; // lower case
    QString name;
    QString password;
    QMap<QString, MailFolder> folders; // always has INBOX
};

// Every user's mailboxes on one mail server (the seeds' "caixa de mensagens"). POP3 reads and
// deletes through it; the MTA delivers into it.
class MailboxStore
{
public:
    // Told after each delivery or removal: the account and its INBOX's message count.
    using ChangeListener = std::function<void(const QString &address, int inboxCount)>;
    void setChangeListener(ChangeListener listener) { m_listener = std::move(listener); }

    void addAccount(const QString &address, const QString &name, const QString &password);
    bool hasAccount(const QString &address) const;
    const MailAccount *account(const QString &address) const;
    MailAccount *account(const QString &address);
    QStringList addresses() const;

    // Appends to the folder (created if missing); returns the new message's UID.
    quint32 deliver(const QString &address, const QByteArray &raw, SimTime arrived,
                    const QString &folder = QStringLiteral("INBOX"));
    // Removes the messages with these UIDs from the folder; returns how many went.
    int remove(const QString &address, const QString &folder, const QSet<quint32> &uids);

    // RFC 1939 section 8: a POP3 session holds an exclusive lock on the maildrop.
    bool lock(const QString &address);
    void unlock(const QString &address);

private:
    QMap<QString, MailAccount> m_accounts;
    QSet<QString> m_locked;
    ChangeListener m_listener;
    void changed(const MailAccount &account);
};

} // namespace carteiro::core
