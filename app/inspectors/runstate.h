#pragma once

#include "core/scenario/scenario.h"
#include "core/world/world.h"

#include <memory>

namespace carteiro::app {

// The world as it was at a trace position, for the inspectors. The engine has no undo: the
// state at position P is a fresh World from the same scenario played until its trace holds
// P + 1 events. The last world is kept, so moving forward continues it (cheap) and only
// moving back replays from the start.
class RunState
{
public:
    RunState() = default;
    explicit RunState(core::Scenario scenario);
    ~RunState();
    RunState(const RunState &) = delete;
    RunState &operator=(const RunState &) = delete;

    // Forgets the cached world; the next worldAt() builds from this scenario.
    void setScenario(core::Scenario scenario);
    const core::Scenario &scenario() const { return m_scenario; }

    // The world at `position` (the index of the last event that has happened; -1 is a fresh
    // world where nothing has run). Owned by this object, valid until the next call.
    const core::World *worldAt(int position);
    // How many times a world was built from scratch: tests check forward steps reuse it.
    int rebuilds() const { return m_rebuilds; }

private:
    core::Scenario m_scenario;
    std::unique_ptr<core::World> m_world;
    int m_position = -1; // the position m_world was played to
    int m_rebuilds = 0;
};

} // namespace carteiro::app
