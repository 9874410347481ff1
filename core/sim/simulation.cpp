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
    // An event no earlier than the lane's last one keeps the lane in (time, sequence) order.
    if (m_lane.empty() || time >= m_lane.back().time) {
        m_lane.push_back(Event{time, id, slot});
    } else {
        m_heap.push_back(Event{time, id, slot});
        std::push_heap(m_heap.begin(), m_heap.end(), later);
    }
    return id;
}

void Simulation::cancel(EventId id)
{
    if (id < m_sequence)
        m_cancelled.insert(id);
}

Simulation::Event Simulation::popHead()
{
    if (laneFirst()) {
        const Event event = m_lane.front();
        m_lane.pop_front();
        return event;
    }
    std::pop_heap(m_heap.begin(), m_heap.end(), later);
    const Event event = m_heap.back();
    m_heap.pop_back();
    return event;
}

void Simulation::dropCancelledHead()
{
    while ((!m_heap.empty() || !m_lane.empty()) && !m_cancelled.empty()) {
        auto found = m_cancelled.find(head().sequence);
        if (found == m_cancelled.end())
            return;
        m_cancelled.erase(found);
        const Event event = popHead();
        m_actions[event.slot] = nullptr;
        m_freeSlots.push_back(event.slot);
    }
}

void Simulation::clear()
{
    m_heap.clear();
    m_lane.clear();
    m_cancelled.clear();
    m_freeSlots.clear();
    // Actions hold connections and sessions; they go before anything they point into.
    std::vector<Action> actions;
    actions.swap(m_actions);
}

bool Simulation::isEmpty()
{
    dropCancelledHead();
    return m_heap.empty() && m_lane.empty();
}

SimTime Simulation::peek()
{
    dropCancelledHead();
    return m_heap.empty() && m_lane.empty() ? -1 : head().time;
}

bool Simulation::step()
{
    dropCancelledHead();
    if (m_heap.empty() && m_lane.empty())
        return false;
    const Event event = popHead();
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
