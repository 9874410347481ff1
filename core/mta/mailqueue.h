#pragma once

#include "core/sim/simulation.h"

#include <QByteArray>
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
        return m_entries.back();
    }
    void remove(const QString &id)
    {
        m_entries.remove_if([&](const QueueEntry &e) { return e.id == id; });
    }
    QueueEntry *find(const QString &id)
    {
        for (QueueEntry &e : m_entries)
            if (e.id == id)
                return &e;
        return nullptr;
    }
    const std::list<QueueEntry> &entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }

private:
    std::list<QueueEntry> m_entries;
};

} // namespace carteiro::core
