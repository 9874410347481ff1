#pragma once

#include "core/scenario/scenario.h"

#include <QList>
#include <QString>

namespace carteiro::core {

struct ScenarioError
{
    QString file;
    int line = 0;   // 1-based
    int column = 0; // 1-based
    QString message;
    // "FILE:LINE:COL: error: MESSAGE", the form `carteiro-cli check` prints.
    QString toString() const;
};

struct ScenarioLoadResult
{
    Scenario scenario;
    QList<ScenarioError> errors; // every problem in the file, in file order
    bool ok() const { return errors.isEmpty(); }
};

// Reads and validates a scenario file (format 1, see docs/scenario-format.md). Never throws;
// never stops at the first error.
class ScenarioLoader
{
public:
    static ScenarioLoadResult loadFile(const QString &path);
    // `fileName` is only used in error messages.
    static ScenarioLoadResult loadText(const QByteArray &yaml, const QString &fileName);

    // "250ms", "20s", "30m", "4h", "4d", "1h30m", or a bare number of seconds.
    static std::optional<SimTime> parseDuration(const QString &text);
    // "512", "3KB", "2MB".
    static std::optional<qint64> parseSize(const QString &text);
};

} // namespace carteiro::core
