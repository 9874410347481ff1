#include "app/models/shippedscenarios.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace carteiro::app {

QString shippedScenarioDirectory()
{
    const QDir installed(QCoreApplication::applicationDirPath() +
                         QStringLiteral("/../share/carteiro/scenarios"));
    if (installed.exists())
        return installed.canonicalPath();
    return QStringLiteral(CARTEIRO_SCENARIO_DIR);
}

} // namespace carteiro::app
