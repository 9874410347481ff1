#pragma once

#include "core/scenario/scenario.h"

#include <QString>

namespace carteiro::core {

// Writes steps into an instructor's scenario file without disturbing the rest of it: the new
// steps go as text at the end of the `steps:` list, so comments and layout stay as written.
// The result is validated before anything is written, and written atomically (QSaveFile).
class ScenarioWriter
{
public:
    // "  - at: 1h30m\n    fault: {kind: down, host: mx1.hamburger.edu, for: 2h}\n"
    static QString stepYaml(const Step &step);
    // The text with the steps added; empty with *error set when the result would not load.
    static QString withSteps(const QString &text, const QList<Step> &steps, const QString &fileName,
                             QString *error);
    // Adds the steps to the file at path (or writes the result to saveAs when it is given).
    static bool addSteps(const QString &path, const QList<Step> &steps, QString *error,
                         const QString &saveAs = {});
    // "1h30m", "45s", "250ms", "0s"
    static QString formatDuration(SimTime duration);
};

} // namespace carteiro::core
