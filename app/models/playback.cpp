#include "app/models/playback.h"

#include <algorithm>

namespace carteiro::app {

using core::TraceEvent;

namespace {
// One protocol line per tick at 1x; long idle waits (a queue's 30 minutes) are not waited
// out: the next event comes on the next tick, and the clock shows the jump.
constexpr int kTickMs = 600;
} // namespace

PlaybackController::PlaybackController(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &PlaybackController::advance);
}

void PlaybackController::setTrace(const core::Trace *trace)
{
    pause();
    m_trace = trace;
    m_position = -1;
    m_knownCount = count();
    emit positionChanged(m_position);
}

void PlaybackController::traceGrew()
{
    const bool atEnd = m_position >= m_knownCount - 1;
    m_knownCount = count();
    if (atEnd && !isPlaying())
        setPosition(m_knownCount - 1);
}

int PlaybackController::count() const
{
    return m_trace ? int(m_trace->size()) : 0;
}

core::SimTime PlaybackController::time() const
{
    return m_trace && m_position >= 0 ? m_trace->timeAt(std::size_t(m_position)) : 0;
}

void PlaybackController::setPosition(int position)
{
    position = std::clamp(position, -1, count() - 1);
    int held = -1;
    if (m_hold)
        for (int p = m_position + 1; p <= position; ++p)
            if (m_hold(p)) {
                held = p;
                position = p - 1;
                break;
            }
    const bool wasPlaying = isPlaying();
    if (held >= 0)
        pause();
    if (position != m_position) {
        m_position = position;
        emit positionChanged(m_position);
    }
    if (held >= 0)
        emit heldBefore(held, wasPlaying);
}

int PlaybackController::findLine(int from, int direction) const
{
    for (int i = from; i >= 0 && i < count(); i += direction)
        if (m_trace->typeAt(std::size_t(i)) == TraceEvent::Type::Line)
            return i;
    return -1;
}

void PlaybackController::stepForward()
{
    const int line = findLine(m_position + 1, +1);
    setPosition(line >= 0 ? line : m_position + 1);
}

void PlaybackController::stepBack()
{
    const int line = findLine(m_position - 1, -1);
    setPosition(line >= 0 ? line : -1);
}

void PlaybackController::nextConnection()
{
    const quint64 current = m_position >= 0 ? m_trace->at(std::size_t(m_position)).connection : 0;
    for (int i = m_position + 1; i < count(); ++i) {
        if (m_trace->typeAt(std::size_t(i)) != TraceEvent::Type::Line)
            continue;
        if (m_trace->at(std::size_t(i)).connection != current) {
            setPosition(i);
            return;
        }
    }
    toEnd();
}

void PlaybackController::previousConnection()
{
    if (m_position < 0)
        return;
    // Back to the first line of the current connection; from there, to the previous one's.
    auto firstLineOf = [this](int at) {
        const quint64 id = m_trace->at(std::size_t(at)).connection;
        int first = at;
        for (int i = at - 1; i >= 0; --i) {
            if (m_trace->typeAt(std::size_t(i)) != TraceEvent::Type::Line)
                continue;
            if (m_trace->at(std::size_t(i)).connection != id)
                break;
            first = i;
        }
        return first;
    };
    int line = findLine(m_position, -1);
    if (line < 0) {
        setPosition(-1);
        return;
    }
    int first = firstLineOf(line);
    if (first == m_position) {
        line = findLine(first - 1, -1);
        first = line < 0 ? -1 : firstLineOf(line);
    }
    setPosition(first);
}

void PlaybackController::toStart()
{
    setPosition(-1);
}

void PlaybackController::toEnd()
{
    setPosition(count() - 1);
}

void PlaybackController::play()
{
    if (isPlaying() || count() == 0)
        return;
    if (m_position >= count() - 1)
        setPosition(-1);
    m_timer.start(std::max(1, int(kTickMs / m_speed)));
    emit playingChanged(true);
}

void PlaybackController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay()
{
    isPlaying() ? pause() : play();
}

void PlaybackController::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    if (isPlaying())
        m_timer.start(std::max(1, int(kTickMs / m_speed)));
    emit speedChanged(m_speed);
}

void PlaybackController::faster()
{
    setSpeed(m_speed * 2);
}

void PlaybackController::slower()
{
    setSpeed(m_speed / 2);
}

void PlaybackController::advance()
{
    if (m_position >= count() - 1) {
        pause();
        return;
    }
    // Events that are not lines (connect, dns, queue, notes) go by on the way to the next line,
    // except a question, which stops the play.
    for (int i = m_position + 1; i < count(); ++i) {
        const TraceEvent::Type type = m_trace->typeAt(std::size_t(i));
        if (type == TraceEvent::Type::Ask) {
            setPosition(i);
            pause();
            emit askReached(i);
            return;
        }
        if (type == TraceEvent::Type::Line || i == count() - 1) {
            setPosition(i);
            return;
        }
    }
}

} // namespace carteiro::app
