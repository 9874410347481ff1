#include "core/mta/deliverystatus.h"

#include "core/message/messagecomposer.h"
#include "core/message/rfc5322.h"

#include <QRegularExpression>

namespace carteiro::core {

QString DeliveryStatusNotification::statusOf(const QString &diagnostic, bool fromServer)
{
    static const QRegularExpression enhanced(
        QStringLiteral("^([245])\\d\\d[ -]([245]\\.\\d{1,3}\\.\\d{1,3})"));
    const auto match = enhanced.match(diagnostic);
    if (match.hasMatch())
        return match.captured(2);
    if (fromServer && !diagnostic.isEmpty() && diagnostic.at(0).isDigit())
        return diagnostic.left(1) + QStringLiteral(".0.0");
    return QStringLiteral("4.4.1"); // RFC 3463: no answer from host
}

QByteArray DeliveryStatusNotification::compose(const QString &reportingMta,
                                               const QString &originalSender,
                                               const QList<FailedRecipient> &failures,
                                               const QByteArray &original, SimTime now,
                                               std::mt19937_64 &random)
{
    const QString boundary = QStringLiteral("%1/%2")
                                 .arg(random() & 0xffffffffu, 8, 16, QLatin1Char('0'))
                                 .arg(reportingMta);
    const QByteArray b = boundary.toUtf8();
    const QString daemon = QStringLiteral("MAILER-DAEMON@%1").arg(reportingMta);

    QByteArray out;
    out += rfc5322::formatField(QStringLiteral("From"),
                                QStringLiteral("Mail Delivery Subsystem <%1>").arg(daemon));
    out += rfc5322::formatField(QStringLiteral("To"), originalSender);
    out += rfc5322::formatField(QStringLiteral("Subject"),
                                QStringLiteral("Undelivered Mail Returned to Sender"));
    out += rfc5322::formatField(QStringLiteral("Date"), rfc5322::formatDate(now));
    out += rfc5322::formatField(QStringLiteral("Message-ID"),
                                MessageComposer::makeMessageId(now, random, reportingMta));
    out += "Auto-Submitted: auto-replied\r\n"; // RFC 3834: never answer this automatically
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/report; report-type=delivery-status;\r\n"
           "\tboundary=\"" +
           b + "\"\r\n\r\n";
    out += "This is a MIME-encapsulated message.\r\n\r\n";

    // 1. For the person.
    out += "--" + b + "\r\n";
    out += "Content-Description: Notification\r\n";
    out += "Content-Type: text/plain; charset=us-ascii\r\n\r\n";
    out += "This is the mail system at host " + reportingMta.toUtf8() + ".\r\n\r\n";
    out += "I'm sorry to have to inform you that your message could not\r\n"
           "be delivered to one or more recipients. It's attached below.\r\n\r\n";
    for (const FailedRecipient &f : failures) {
        QString line = QStringLiteral("<%1>: ").arg(f.address);
        line += f.remoteMta.isEmpty()
                    ? f.diagnostic
                    : QStringLiteral("host %1 said: %2").arg(f.remoteMta, f.diagnostic);
        out += line.toUtf8() + "\r\n";
    }
    out += "\r\n";

    // 2. For the machine (RFC 3464 section 2).
    out += "--" + b + "\r\n";
    out += "Content-Description: Delivery report\r\n";
    out += "Content-Type: message/delivery-status\r\n\r\n";
    out += "Reporting-MTA: dns; " + reportingMta.toUtf8() + "\r\n";
    out += "Arrival-Date: " + rfc5322::formatDate(now).toUtf8() + "\r\n";
    for (const FailedRecipient &f : failures) {
        out += "\r\n";
        out += "Final-Recipient: rfc822; " + f.address.toUtf8() + "\r\n";
        out += "Action: failed\r\n";
        out += "Status: " + f.status.toUtf8() + "\r\n";
        if (!f.remoteMta.isEmpty())
            out += "Remote-MTA: dns; " + f.remoteMta.toUtf8() + "\r\n";
        out += "Diagnostic-Code: " + QByteArray(f.fromServer ? "smtp; " : "X-Carteiro; ") +
               f.diagnostic.toUtf8() + "\r\n";
    }
    out += "\r\n";

    // 3. The original message.
    out += "--" + b + "\r\n";
    out += "Content-Description: Undelivered Message\r\n";
    out += "Content-Type: message/rfc822\r\n\r\n";
    out += original;
    if (!original.endsWith("\r\n"))
        out += "\r\n";
    out += "\r\n--" + b + "--\r\n";
    return out;
}

} // namespace carteiro::core
