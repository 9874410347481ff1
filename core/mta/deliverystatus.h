#pragma once

#include "core/sim/simulation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <random>

namespace carteiro::core {

struct FailedRecipient
{
    QString address;
    QString status;          // RFC 3463 code, "5.1.1"
    QString diagnostic;      // the remote reply ("550 5.1.1 ...") or the local reason
    QString remoteMta;       // the host that answered, empty for local failures
    bool fromServer = false; // the diagnostic is an SMTP reply (Diagnostic-Code: smtp; ...)
};

// Builds the bounce an MTA sends to the original sender: a delivery status notification of
// RFC 3464 (multipart/report; report-type=delivery-status) from the "Mail Delivery Subsystem",
// with a human-readable part, the machine-readable message/delivery-status part and the
// original message attached (seed 003 shows one as a student sees it).
class DeliveryStatusNotification
{
public:
    static QByteArray compose(const QString &reportingMta, const QString &originalSender,
                              const QList<FailedRecipient> &failures, const QByteArray &original,
                              SimTime now, std::mt19937_64 &random);
    // The RFC 3463 status of a reply: its enhanced code, else the class ("5.0.0").
    static QString statusOf(const QString &diagnostic, bool fromServer);
};

} // namespace carteiro::core
