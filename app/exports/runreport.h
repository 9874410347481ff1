#pragma once

#include "core/world/runstatistics.h"

#include <QCoreApplication>
#include <QPainter>
#include <QSize>
#include <QString>

#include <functional>

namespace carteiro::app {

// What goes into a run report: the scenario's words, the figures, the ladder diagram and
// the dialogue.
struct RunReportContent
{
    QString title;
    QString summary;
    QString position; // "at 0:00:01.240, line 40 of 120"
    core::RunStatistics statistics;
    QSize ladderSize;
    std::function<void(QPainter &)> paintLadder;
    QStringList transcript; // one event per line, the CLI's text form
};

// A PDF for an instructor's records or a student's hand-in (QPdfWriter, A4): a first page with
// the title, summary and figures, the ladder diagram over as many pages as it needs, then the
// whole dialogue.
class RunReport
{
    Q_DECLARE_TR_FUNCTIONS(carteiro::app::RunReport)

public:
    static bool write(const QString &path, const RunReportContent &content, QString *error);
};

} // namespace carteiro::app
