#include "app/inspectors/runstate.h"

#include <algorithm>

namespace carteiro::app {

RunState::RunState(core::Scenario scenario) : m_scenario(std::move(scenario)) {}

RunState::~RunState() = default;

void RunState::setScenario(core::Scenario scenario)
{
    m_scenario = std::move(scenario);
    m_world.reset();
    m_position = -1;
}

const core::World *RunState::worldAt(int position)
{
    position = std::max(position, -1);
    // One step of the simulation may record several events, so a world played to P can hold
    // more than P + 1; playing a fresh one to any position up to its size stops at the same
    // step, so it is the same state and continuing forward is exact.
    if (!m_world || position < m_position) {
        m_world = std::make_unique<core::World>(m_scenario);
        m_position = -1;
        ++m_rebuilds;
    }
    if (position > m_position) {
        m_world->runUntilTraceSize(std::size_t(position + 1));
        m_position = position;
    }
    return m_world.get();
}

} // namespace carteiro::app
