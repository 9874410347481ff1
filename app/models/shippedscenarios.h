#pragma once

#include <QString>

namespace carteiro::app {

// Where the scenarios that come with Carteiro are: next to an installed program
// (PREFIX/share/carteiro/scenarios), else in the source tree it was built from.
QString shippedScenarioDirectory();

} // namespace carteiro::app
