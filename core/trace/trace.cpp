#include "core/trace/trace.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonValue>

namespace carteiro::core {

namespace {

QString jsonString(const QString &text)
{
    // QJsonValue escapes control characters and quotes as JSON requires.
    QJsonDocument wrapper(QJsonArray{QJsonValue(text)});
    QByteArray json = wrapper.toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

QString TraceEvent::typeName(Type type)
{
    switch (type) {
    case Type::Line: return QStringLiteral("line");
    case Type::Connect: return QStringLiteral("connect");
    case Type::Close: return QStringLiteral("close");
    case Type::Dns: return QStringLiteral("dns");
    case Type::Queue: return QStringLiteral("queue");
    case Type::Retry: return QStringLiteral("retry");
    case Type::Deliver: return QStringLiteral("deliver");
    case Type::Bounce: return QStringLiteral("bounce");
    case Type::Fault: return QStringLiteral("fault");
    case Type::Note: return QStringLiteral("note");
    case Type::Ask: return QStringLiteral("ask");
    }
    return {};
}

QString TraceEvent::toJson() const
{
    QString dir;
    if (direction == Direction::ClientToServer)
        dir = QStringLiteral("C");
    else if (direction == Direction::ServerToClient)
        dir = QStringLiteral("S");
    QString out = QStringLiteral("{\"t\":%1,\"type\":\"%2\",\"proto\":%3,\"client\":%4,"
                                 "\"server\":%5,\"dir\":%6,\"text\":%7")
                      .arg(time)
                      .arg(typeName(type), jsonString(protocol), jsonString(client),
                           jsonString(server), jsonString(dir), jsonString(text));
    if (connection)
        out += QStringLiteral(",\"conn\":%1").arg(connection);
    if (port)
        out += QStringLiteral(",\"port\":%1").arg(port);
    if (arrival >= 0)
        out += QStringLiteral(",\"arrival\":%1").arg(arrival);
    if (!messageId.isEmpty())
        out += QStringLiteral(",\"msg\":%1").arg(jsonString(messageId));
    if (!extra.isEmpty()) {
        QStringList items;
        for (const QString &item : extra)
            items << jsonString(item);
        out += QStringLiteral(",\"extra\":[%1]").arg(items.join(QLatin1Char(',')));
    }
    out += QLatin1Char('}');
    return out;
}

QString formatSimTime(SimTime time)
{
    const qint64 days = time / kDay;
    const qint64 rest = time % kDay;
    QString clock = QStringLiteral("%1:%2:%3.%4")
                        .arg(rest / kHour, 2, 10, QLatin1Char('0'))
                        .arg((rest % kHour) / kMinute, 2, 10, QLatin1Char('0'))
                        .arg((rest % kMinute) / kSecond, 2, 10, QLatin1Char('0'))
                        .arg(rest % kSecond, 3, 10, QLatin1Char('0'));
    return days ? QStringLiteral("%1d %2").arg(days).arg(clock) : clock;
}

QString TraceEvent::toText() const
{
    const QString when = formatSimTime(time);
    if (type == Type::Line) {
        const bool fromClient = direction == Direction::ClientToServer;
        return QStringLiteral("%1 %2 %3 %4 %5 %6: %7")
            .arg(when, protocol.leftJustified(4), fromClient ? client : server,
                 QStringLiteral("\u2192"), fromClient ? server : client,
                 fromClient ? QStringLiteral("C") : QStringLiteral("S"), text);
    }
    QString subject = client;
    if (!server.isEmpty())
        subject += (subject.isEmpty() ? QString() : QStringLiteral(" \u2192 ")) + server;
    return QStringLiteral("%1 %2 %3%4")
        .arg(when, QStringLiteral("[%1]").arg(typeName(type)),
             subject.isEmpty() ? QString() : subject + QStringLiteral(": "), text);
}

} // namespace carteiro::core
