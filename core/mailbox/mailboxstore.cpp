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
    if (m_listener)
        m_listener(account.address,
                   int(account.folders.value(QStringLiteral("INBOX")).messages.size()));
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

} // namespace carteiro::core
