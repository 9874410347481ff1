#pragma once

#include "core/sim/simulation.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace carteiro::core {

// Virtual time for the live lab: the simulation follows the wall clock, sped up by a factor
// (60: one real second is one virtual minute), so a queue's 30-minute retry comes after 30
// real seconds. Events run when their virtual time comes; bytes from a real client first
// bring the world to the present (catchUp), so they meet it as it is now.
class LiveClock : public QObject
{
    Q_OBJECT

public:
    static constexpr double kDefaultSpeed = 60.0;

    explicit LiveClock(Simulation &simulation, double speed = kDefaultSpeed,
                       QObject *parent = nullptr);

    double speed() const { return m_speed; }
    // Changes the factor from now on; the virtual time reached so far stays.
    void setSpeed(double speed);
    // Starts following the wall clock from the simulation's current time.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // The virtual time of this real moment (never behind the simulation).
    SimTime virtualNow() const;
    // Runs every event due by now.
    void catchUp();
    // Sets the timer for the next event due (after something scheduled new events).
    void reschedule();

signals:
    // Events ran (the trace may have grown).
    void advanced();

private:
    void tick();

    Simulation &m_simulation;
    double m_speed;
    bool m_running = false;
    QElapsedTimer m_wall;
    SimTime m_origin = 0;   // virtual time when m_wall started
    qint64 m_deadline = -1; // wall ms the timer fires at, -1 when idle
    QTimer m_timer;
};

} // namespace carteiro::core
