#pragma once

#include "core/trace/trace.h"

#include <QObject>

#include <QTimer>
#include <functional>

namespace carteiro::app {

// Where the class is in a run: a position in the trace (the index of the last event that has
// happened, -1 before the first). Every view (canvas, dialogue, ladder, event list, inspectors)
// listens to positionChanged and draws the run as it was at that position, so stepping back is
// showing an earlier position, never undoing anything.
class PlaybackController : public QObject
{
    Q_OBJECT

public:
    explicit PlaybackController(QObject *parent = nullptr);

    void setTrace(const core::Trace *trace); // resets to -1, stops playing
    // The trace has grown (a live run records as it goes): a position at the old end follows
    // to the new end, any other stays.
    void traceGrew();
    const core::Trace *trace() const { return m_trace; }

    int position() const { return m_position; }
    int count() const;
    // A position the playback does not move onto while `hold` says so (a reply the student
    // predicts first): moving forward stops just before it, pauses and emits heldBefore.
    using Hold = std::function<bool(int position)>;
    void setHold(Hold hold) { m_hold = std::move(hold); }
    // Virtual time at the position (0 before the first event).
    core::SimTime time() const;
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }

    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 64.0;

public slots:
    void setPosition(int position); // clamped to [-1, count()-1]
    void stepForward();             // to the next protocol line (or other event if no line left)
    void stepBack();                // to the previous protocol line
    void nextConnection();          // to the first line of the next connection
    void previousConnection();
    void toStart();
    void toEnd();
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed); // clamped to [kMinSpeed, kMaxSpeed]
    void faster();               // doubles
    void slower();               // halves

signals:
    void positionChanged(int position);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // Playback stopped at an `ask` event; the window shows the question.
    void askReached(int position);
    void heldBefore(int position, bool wasPlaying);

private:
    void advance();
    int findLine(int from, int direction) const;

    const core::Trace *m_trace = nullptr;
    int m_position = -1;
    Hold m_hold;
    int m_knownCount = 0; // the trace's size when last looked at
    double m_speed = 1.0;
    QTimer m_timer;
};

} // namespace carteiro::app
