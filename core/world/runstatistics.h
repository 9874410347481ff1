#pragma once

#include "core/trace/trace.h"

#include <QMap>
#include <QString>

namespace carteiro::core {

// What a run amounts to, counted from its trace: for the run report and the charts.
struct RunStatistics
{
    int accepted = 0;  // messages taken into a queue (each hop counts)
    int delivered = 0; // messages put into a mailbox
    int relayed = 0;   // hand-overs to the next MTA
    int retries = 0;   // delivery attempts put off for later
    int bounced = 0;   // bounces and refusals reported to senders
    int faults = 0;    // faults switched on or off
    int connections = 0;
    int refused = 0; // connections refused or timed out
    QMap<QString, int> linesByProtocol;
    QMap<QString, int> connectionsByProtocol;
    SimTime duration = 0; // virtual time of the last event

    static RunStatistics of(const Trace &trace, std::size_t upTo = 0);
};

} // namespace carteiro::core
