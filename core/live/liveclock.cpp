#include "core/live/liveclock.h"

#include <algorithm>
#include <cmath>

namespace carteiro::core {

namespace {
// The timer never sleeps longer than this, so a speed change or a new event is never missed
// for long.
constexpr qint64 kLongestSleepMs = 1000;
} // namespace

LiveClock::LiveClock(Simulation &simulation, double speed, QObject *parent)
    : QObject(parent), m_simulation(simulation), m_speed(speed > 0 ? speed : kDefaultSpeed)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LiveClock::tick);
}

void LiveClock::setSpeed(double speed)
{
    if (speed <= 0)
        return;
    if (m_running) {
        m_origin = virtualNow();
        m_wall.restart();
    }
    m_speed = speed;
    m_deadline = -1;
    if (m_running)
        reschedule();
}

void LiveClock::start()
{
    m_origin = m_simulation.now();
    m_wall.start();
    m_running = true;
    m_deadline = -1;
    tick();
}

void LiveClock::stop()
{
    m_running = false;
    m_timer.stop();
    m_deadline = -1;
}

SimTime LiveClock::virtualNow() const
{
    if (!m_running)
        return m_simulation.now();
    const double elapsedMs = double(m_wall.nsecsElapsed()) / 1e6;
    return std::max(m_simulation.now(), m_origin + SimTime(elapsedMs * m_speed));
}

void LiveClock::catchUp()
{
    if (!m_running)
        return;
    const quint64 before = m_simulation.executedEvents();
    m_simulation.runUntil(virtualNow());
    if (m_simulation.executedEvents() != before)
        emit advanced();
}

void LiveClock::reschedule()
{
    if (!m_running)
        return;
    const SimTime next = m_simulation.peek();
    const qint64 nowMs = m_wall.elapsed();
    qint64 wait = kLongestSleepMs;
    if (next >= 0)
        wait = std::clamp(qint64(std::ceil(double(next - virtualNow()) / m_speed)), qint64(0),
                          kLongestSleepMs);
    // An earlier wake-up already set stays.
    if (m_timer.isActive() && m_deadline >= 0 && m_deadline <= nowMs + wait)
        return;
    m_deadline = nowMs + wait;
    m_timer.start(int(wait));
}

void LiveClock::tick()
{
    m_deadline = -1;
    catchUp();
    reschedule();
}

} // namespace carteiro::core
