#include "core/sim/simulation.h"

#include <QCryptographicHash>

#include <algorithm>

namespace carteiro::core {

EventId Simulation::schedule(SimTime delay, Action action)
{
    Q_ASSERT(delay >= 0);
    return scheduleAt(m_now + delay, std::move(action));
}

EventId Simulation::scheduleAt(SimTime time, Action action)
{
    // Time never goes backwards: an event in the past runs now.
    if (time < m_now)
        time = m_now;
    const EventId id = m_sequence++;
    quint32 slot;
    if (m_freeSlots.empty()) {
        slot = quint32(m_actions.size());
        m_actions.push_back(std::move(action));
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_actions[slot] = std::move(action);
    }
    m_heap.push_back(Event{time, id, slot});
    std::push_heap(m_heap.begin(), m_heap.end(), later);
    return id;
}

void Simulation::cancel(EventId id)
{
    if (id < m_sequence)
        m_cancelled.insert(id);
}

void Simulation::dropCancelledHead()
{
    while (!m_heap.empty() && !m_cancelled.empty()) {
        auto found = m_cancelled.find(m_heap.front().sequence);
        if (found == m_cancelled.end())
            return;
        m_cancelled.erase(found);
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        m_actions[m_heap.back().slot] = nullptr;
        m_freeSlots.push_back(m_heap.back().slot);
        m_heap.pop_back();
    }
}

void Simulation::clear()
{
    m_heap.clear();
    m_cancelled.clear();
    m_freeSlots.clear();
    // Actions hold connections and sessions; they go before anything they point into.
    std::vector<Action> actions;
    actions.swap(m_actions);
}

bool Simulation::isEmpty()
{
    dropCancelledHead();
    return m_heap.empty();
}

SimTime Simulation::peek()
{
    dropCancelledHead();
    return m_heap.empty() ? -1 : m_heap.front().time;
}

bool Simulation::step()
{
    dropCancelledHead();
    if (m_heap.empty())
        return false;
    std::pop_heap(m_heap.begin(), m_heap.end(), later);
    const Event event = m_heap.back();
    m_heap.pop_back();
    Q_ASSERT(event.time >= m_now);
    m_now = event.time;
    ++m_executed;
    Action action = std::move(m_actions[event.slot]);
    m_actions[event.slot] = nullptr;
    m_freeSlots.push_back(event.slot);
    if (action)
        action();
    return true;
}

void Simulation::runUntil(SimTime until)
{
    for (SimTime next = peek(); next >= 0 && next <= until; next = peek())
        step();
    if (until > m_now)
        m_now = until;
}

quint64 Simulation::run(quint64 maxEvents)
{
    quint64 count = 0;
    while (count < maxEvents && step())
        ++count;
    return count;
}

std::mt19937_64 Simulation::randomStream(const QByteArray &component) const
{
    QByteArray key = QByteArray::number(m_seed) + '/' + component;
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    std::seed_seq seq(digest.begin(), digest.end());
    return std::mt19937_64(seq);
}

} // namespace carteiro::core
