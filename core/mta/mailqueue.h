#pragma once

#include "core/sim/simulation.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <list>

namespace carteiro::core {

// One delivery attempt of a queued message, kept so the queue inspector and --state can show
// the history the seeds describe ("tenta novamente a cada 30 min").
struct DeliveryAttempt
{
    SimTime time = 0;
    QString outcome; // "delivered", "deferred", "bounced"
    QString detail;  // the reply or network error
};

struct QueueEntry
{
    QString id;             // queue id, as in "250 2.0.0 Ok: queued as 3F2A9C01B7"
    QString sender;         // empty for the null reverse-path (a bounce)
    QStringList recipients; // still to deliver
    QByteArray data;
    SimTime queuedAt = 0;
    SimTime nextAttempt = 0; // the scheduled time of the next (or current) attempt
    int attempts = 0;
    QString lastError;
    QList<DeliveryAttempt> history;
    bool inFlight = false;
    EventId timer = 0;
};

// The spool of one MTA ("fila de mensagens", seed 001). Entries stay at stable addresses
// while deliveries are in flight.
class MailQueue
{
public:
    QueueEntry &add(QueueEntry entry)
    {
        m_entries.push_back(std::move(entry));
        m_byId.insert(m_entries.back().id, std::prev(m_entries.end()));
        return m_entries.back();
    }
    void remove(const QString &id)
    {
        const auto found = m_byId.constFind(id);
        if (found == m_byId.constEnd())
            return;
        m_entries.erase(found.value());
        m_byId.erase(found);
    }
    QueueEntry *find(const QString &id)
    {
        const auto found = m_byId.constFind(id);
        return found == m_byId.constEnd() ? nullptr : &*found.value();
    }
    const std::list<QueueEntry> &entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }

private:
    std::list<QueueEntry> m_entries; // in arrival order
    QHash<QString, std::list<QueueEntry>::iterator> m_byId;
};

} // namespace carteiro::core
