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

    // --- folders and flags, for IMAP (RFC 3501 section 6.3 and 6.4) ---

    // INBOX is one name whatever its case (RFC 3501 section 5.1); other names are exact.
    static QString folderKey(const QString &name);
    bool hasFolder(const QString &address, const QString &folder) const;
    // A new, empty folder whose UIDVALIDITY was never used by a folder of that name before
    // (RFC 3501 section 2.3.1.1). False if it exists or there is no such account.
    bool createFolder(const QString &address, const QString &folder);
    // False for INBOX, which cannot be deleted (RFC 3501 section 6.3.4).
    bool deleteFolder(const QString &address, const QString &folder);
    // Renaming INBOX moves its messages to the new folder and leaves INBOX empty (RFC 3501
    // section 6.3.5). False if `from` is missing or `to` exists.
    bool renameFolder(const QString &address, const QString &from, const QString &to);
    // Appends with flags; 0 if the account or folder is missing (APPEND does not create).
    quint32 append(const QString &address, const QString &folder, const QByteArray &raw,
                   const QStringList &flags, SimTime arrived);
    bool setFlags(const QString &address, const QString &folder, quint32 uid,
                  const QStringList &flags);
    // Removes the messages flagged \Deleted; returns their UIDs in folder order.
    QList<quint32> expunge(const QString &address, const QString &folder);

    // RFC 3501 section 2.3.2: \Recent marks messages no session has selected yet. The
    // first UID still recent, and the claim a read-write SELECT makes on all after it.
    quint32 recentFrom(const QString &address, const QString &folder) const;
    quint32 claimRecent(const QString &address, const QString &folder);

    // LSUB's subscriptions (RFC 3501 section 6.3.6), kept even for folders that go away.
    void setSubscribed(const QString &address, const QString &folder, bool subscribed);
    QStringList subscriptions(const QString &address) const;

private:
    QMap<QString, MailAccount> m_accounts;
    QSet<QString> m_locked;
    QMap<QString, quint32> m_recentFrom;         // "address/folder" -> first recent UID
    QMap<QString, quint32> m_highestUidValidity; // per account, never reused
    QMap<QString, QStringList> m_subscriptions;  // per account
    ChangeListener m_listener;
    void changed(const MailAccount &account);
};

} // namespace carteiro::core
