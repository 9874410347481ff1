#include "core/mailbox/mailboxstore.h"

#include <algorithm>

namespace carteiro::core {

void MailboxStore::addAccount(const QString &address, const QString &name, const QString &password)
{
    MailAccount &entry = m_accounts[address.toLower()];
    entry.address = address.toLower();
    entry.name = name;
    entry.password = password;
    entry.folders[QStringLiteral("INBOX")];
}

bool MailboxStore::hasAccount(const QString &address) const
{
    return m_accounts.contains(address.toLower());
}

const MailAccount *MailboxStore::account(const QString &address) const
{
    auto found = m_accounts.constFind(address.toLower());
    return found == m_accounts.constEnd() ? nullptr : &found.value();
}

MailAccount *MailboxStore::account(const QString &address)
{
    auto found = m_accounts.find(address.toLower());
    return found == m_accounts.end() ? nullptr : &found.value();
}

QStringList MailboxStore::addresses() const
{
    return m_accounts.keys();
}

quint32 MailboxStore::deliver(const QString &address, const QByteArray &raw, SimTime arrived,
                              const QString &folder)
{
    MailAccount *entry = account(address);
    if (!entry)
        return 0;
    MailFolder &target = entry->folders[folder];
    StoredMessage message;
    message.uid = target.uidNext++;
    message.raw = raw;
    message.arrived = arrived;
    target.messages.push_back(std::move(message));
    const quint32 uid = target.messages.back().uid;
    changed(*entry);
    return uid;
}

int MailboxStore::remove(const QString &address, const QString &folder, const QSet<quint32> &uids)
{
    MailAccount *entry = account(address);
    if (!entry || !entry->folders.contains(folder))
        return 0;
    auto &messages = entry->folders[folder].messages;
    const auto before = messages.size();
    messages.erase(std::remove_if(messages.begin(), messages.end(),
                                  [&](const StoredMessage &m) { return uids.contains(m.uid); }),
                   messages.end());
    const int removed = int(before - messages.size());
    if (removed)
        changed(*entry);
    return removed;
}

void MailboxStore::changed(const MailAccount &account)
{
    if (!m_listener)
        return;
    // Looked up in place: value() would copy the folder, every message of it included.
    const auto inbox = account.folders.constFind(QStringLiteral("INBOX"));
    m_listener(account.address, inbox == account.folders.cend() ? 0 : int(inbox->messages.size()));
}

bool MailboxStore::lock(const QString &address)
{
    const QString key = address.toLower();
    if (m_locked.contains(key))
        return false;
    m_locked.insert(key);
    return true;
}

void MailboxStore::unlock(const QString &address)
{
    m_locked.remove(address.toLower());
}

QString MailboxStore::folderKey(const QString &name)
{
    if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX");
    return name;
}

bool MailboxStore::hasFolder(const QString &address, const QString &folder) const
{
    const MailAccount *entry = account(address);
    return entry && entry->folders.contains(folderKey(folder));
}

bool MailboxStore::createFolder(const QString &address, const QString &folder)
{
    MailAccount *entry = account(address);
    const QString key = folderKey(folder);
    if (!entry || key.isEmpty() || entry->folders.contains(key))
        return false;
    quint32 &highest = m_highestUidValidity[entry->address];
    for (const MailFolder &existing : std::as_const(entry->folders))
        highest = std::max(highest, existing.uidValidity);
    MailFolder created;
    created.uidValidity = ++highest;
    entry->folders.insert(key, created);
    return true;
}

bool MailboxStore::deleteFolder(const QString &address, const QString &folder)
{
    MailAccount *entry = account(address);
    const QString key = folderKey(folder);
    if (!entry || key == QLatin1String("INBOX") || !entry->folders.contains(key))
        return false;
    quint32 &highest = m_highestUidValidity[entry->address];
    highest = std::max(highest, entry->folders.value(key).uidValidity);
    entry->folders.remove(key);
    m_recentFrom.remove(entry->address + QLatin1Char('/') + key);
    return true;
}

bool MailboxStore::renameFolder(const QString &address, const QString &from, const QString &to)
{
    MailAccount *entry = account(address);
    const QString source = folderKey(from);
    const QString target = folderKey(to);
    if (!entry || !entry->folders.contains(source) || entry->folders.contains(target) ||
        target.isEmpty())
        return false;
    if (source == QLatin1String("INBOX")) {
        if (!createFolder(address, target))
            return false;
        MailFolder &inbox = entry->folders[source];
        MailFolder &moved = entry->folders[target];
        for (StoredMessage &message : inbox.messages) {
            message.uid = moved.uidNext++;
            moved.messages.push_back(std::move(message));
        }
        inbox.messages.clear();
        changed(*entry);
        return true;
    }
    quint32 &highest = m_highestUidValidity[entry->address];
    for (const MailFolder &existing : std::as_const(entry->folders))
        highest = std::max(highest, existing.uidValidity);
    MailFolder moved = entry->folders.take(source);
    // A new name is a new mailbox to clients that cached the old one's UIDs.
    moved.uidValidity = ++highest;
    entry->folders.insert(target, std::move(moved));
    m_recentFrom.remove(entry->address + QLatin1Char('/') + source);
    return true;
}

quint32 MailboxStore::append(const QString &address, const QString &folder, const QByteArray &raw,
                             const QStringList &flags, SimTime arrived)
{
    MailAccount *entry = account(address);
    const QString key = folderKey(folder);
    if (!entry || !entry->folders.contains(key))
        return 0;
    MailFolder &target = entry->folders[key];
    StoredMessage message;
    message.uid = target.uidNext++;
    message.raw = raw;
    message.flags = flags;
    message.arrived = arrived;
    target.messages.push_back(std::move(message));
    const quint32 uid = target.messages.back().uid;
    changed(*entry);
    return uid;
}

bool MailboxStore::setFlags(const QString &address, const QString &folder, quint32 uid,
                            const QStringList &flags)
{
    MailAccount *entry = account(address);
    const QString key = folderKey(folder);
    if (!entry || !entry->folders.contains(key))
        return false;
    for (StoredMessage &message : entry->folders[key].messages) {
        if (message.uid == uid) {
            message.flags = flags;
            return true;
        }
    }
    return false;
}

QList<quint32> MailboxStore::expunge(const QString &address, const QString &folder)
{
    QList<quint32> gone;
    MailAccount *entry = account(address);
    const QString key = folderKey(folder);
    if (!entry || !entry->folders.contains(key))
        return gone;
    for (const StoredMessage &message : entry->folders.value(key).messages) {
        if (message.flags.contains(QLatin1String("\\Deleted")))
            gone.append(message.uid);
    }
    if (!gone.isEmpty())
        remove(address, key, QSet<quint32>(gone.cbegin(), gone.cend()));
    return gone;
}

quint32 MailboxStore::recentFrom(const QString &address, const QString &folder) const
{
    return m_recentFrom.value(address.toLower() + QLatin1Char('/') + folderKey(folder), 1);
}

quint32 MailboxStore::claimRecent(const QString &address, const QString &folder)
{
    const quint32 first = recentFrom(address, folder);
    const MailAccount *entry = account(address);
    const QString key = folderKey(folder);
    if (entry && entry->folders.contains(key))
        m_recentFrom[entry->address + QLatin1Char('/') + key] = entry->folders.value(key).uidNext;
    return first;
}

void MailboxStore::setSubscribed(const QString &address, const QString &folder, bool subscribed)
{
    QStringList &list = m_subscriptions[address.toLower()];
    const QString key = folderKey(folder);
    list.removeAll(key);
    if (subscribed)
        list.append(key);
}

QStringList MailboxStore::subscriptions(const QString &address) const
{
    return m_subscriptions.value(address.toLower());
}

} // namespace carteiro::core
