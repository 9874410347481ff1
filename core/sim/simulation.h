#pragma once

#include "core/sim/eventaction.h"

#include <QtGlobal>

#include <cstdint>
#include <deque>
#include <random>
#include <unordered_set>
#include <vector>

namespace carteiro::core {

// Virtual time in milliseconds since the start of the scenario.
using SimTime = qint64;
using EventId = quint64;

constexpr SimTime kSecond = 1000;
constexpr SimTime kMinute = 60 * kSecond;
constexpr SimTime kHour = 60 * kMinute;
constexpr SimTime kDay = 24 * kHour;

// A discrete-event simulation: an ordinary object (no singleton), so tests and the GUI can
// hold several. Events are ordered by (time, sequence): equal times run in the order they
// were scheduled, which keeps every run deterministic.
class Simulation
{
public:
    using Action = EventAction;

    explicit Simulation(quint64 seed = 0) : m_seed(seed) {}

    SimTime now() const { return m_now; }
    quint64 seed() const { return m_seed; }

    EventId schedule(SimTime delay, Action action);
    EventId scheduleAt(SimTime time, Action action);
    void cancel(EventId id);

    // Runs the next event; false when nothing is left.
    bool step();
    // Time of the next event, or -1 when nothing is left.
    SimTime peek();
    // Runs every event whose time is <= until, then sets the clock to until.
    void runUntil(SimTime until);
    // Runs to the end; stops after maxEvents as a guard against endless schedules.
    quint64 run(quint64 maxEvents = 50'000'000);

    bool isEmpty();
    // Drops every waiting event (and what its action holds) without running it.
    void clear();
    quint64 executedEvents() const { return m_executed; }

    // One random stream per component, derived from the scenario seed and the component's
    // name, so adding a node does not change the numbers another node draws.
    std::mt19937_64 randomStream(const QByteArray &component) const;

private:
    // The heap holds small plain entries; the actions wait in slots, so sifting the heap
    // moves 24 bytes instead of a std::function.
    struct Event
    {
        SimTime time;
        quint64 sequence; // also the event's id
        quint32 slot;     // index into m_actions
    };
    // Heap order: the earliest (time, sequence) on top.
    static bool later(const Event &a, const Event &b)
    {
        return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
    }

    // The next event is the earlier of the lane's front and the heap's top.
    bool laneFirst() const
    {
        return !m_lane.empty() && (m_heap.empty() || later(m_heap.front(), m_lane.front()));
    }
    const Event &head() const { return laneFirst() ? m_lane.front() : m_heap.front(); }
    Event popHead();
    void dropCancelledHead();

    SimTime m_now = 0;
    quint64 m_seed = 0;
    quint64 m_sequence = 0;
    quint64 m_executed = 0;
    std::vector<Event> m_heap;
    // Events scheduled in time order, as a scenario's steps are, queue here in that order
    // rather than in the heap: the heap then holds only what is in flight, and stays small.
    std::deque<Event> m_lane;
    std::vector<Action> m_actions;
    std::vector<quint32> m_freeSlots;
    std::unordered_set<EventId> m_cancelled; // cancelled but still in the heap
};

} // namespace carteiro::core
