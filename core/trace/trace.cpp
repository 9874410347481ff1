#include "core/trace/trace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cstring>

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
    case Type::Line:
        return QStringLiteral("line");
    case Type::Connect:
        return QStringLiteral("connect");
    case Type::Close:
        return QStringLiteral("close");
    case Type::Dns:
        return QStringLiteral("dns");
    case Type::Queue:
        return QStringLiteral("queue");
    case Type::Retry:
        return QStringLiteral("retry");
    case Type::Deliver:
        return QStringLiteral("deliver");
    case Type::Bounce:
        return QStringLiteral("bounce");
    case Type::Fault:
        return QStringLiteral("fault");
    case Type::Note:
        return QStringLiteral("note");
    case Type::Ask:
        return QStringLiteral("ask");
    case Type::Mailbox:
        return QStringLiteral("mailbox");
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
    if (count >= 0)
        out += QStringLiteral(",\"count\":%1").arg(count);
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

namespace {
constexpr quint64 kBlockSize = 1 << 20; // arena block; a longer text gets a block of its own
constexpr int kBlockShift = 40;         // textOffset = block << 40 | offset within block
} // namespace

Trace::Trace()
{
    m_names.emplace_back();
    m_nameIds.insert(QString(), 0);
}

Trace::~Trace() = default;

Trace::Record &Trace::push()
{
    if (m_size == m_chunks.size() * kChunk)
        // Left uninitialised (no make_unique zero-fill): every field is written on append,
        // and a storm's 790 MB would otherwise be touched twice.
        m_chunks.push_back(std::unique_ptr<Record[]>(new Record[kChunk]));
    Record &slot = m_chunks.back()[m_size % kChunk];
    ++m_size;
    return slot;
}

void Trace::clear()
{
    m_chunks.clear();
    m_size = 0;
    m_blocks.clear();
    m_used = 0;
    m_extras.clear();
}

quint32 Trace::intern(const QString &name)
{
    if (name.isEmpty())
        return 0;
    auto found = m_nameIds.constFind(name);
    if (found != m_nameIds.constEnd())
        return found.value();
    const auto id = quint32(m_names.size());
    m_names.push_back(name);
    m_nameIds.insert(name, id);
    return id;
}

char *Trace::allocate(quint64 size, quint64 *offset)
{
    if (m_blocks.empty() || m_used + size > kBlockSize) {
        m_blocks.push_back(std::unique_ptr<char[]>(new char[std::max(kBlockSize, size)]));
        m_used = 0;
    }
    *offset = (quint64(m_blocks.size() - 1) << kBlockShift) | m_used;
    char *at = m_blocks.back().get() + m_used;
    m_used += size;
    return at;
}

quint64 Trace::store(const char *text, int length)
{
    if (length == 0)
        return 0;
    quint64 offset = 0;
    std::memcpy(allocate(quint64(length), &offset), text, size_t(length));
    return offset;
}

quint64 Trace::store(QStringView text, quint32 *length)
{
    // ASCII text (nearly every description) is written straight into the arena.
    const bool ascii =
        std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii) {
        const QByteArray utf8 = text.toUtf8();
        *length = quint32(utf8.size());
        return store(utf8.constData(), int(utf8.size()));
    }
    *length = quint32(text.size());
    if (text.isEmpty())
        return 0;
    quint64 offset = 0;
    char *write = allocate(quint64(text.size()), &offset);
    for (QChar c : text)
        *write++ = char(c.unicode());
    return offset;
}

QString Trace::textOf(const Record &record) const
{
    if (record.textLength == 0)
        return {};
    const char *block = m_blocks[record.textOffset >> kBlockShift].get();
    const quint64 offset = record.textOffset & ((quint64(1) << kBlockShift) - 1);
    return QString::fromUtf8(block + offset, qsizetype(record.textLength));
}

void Trace::append(const TraceEvent &event)
{
    if (!event.extra.isEmpty())
        m_extras[m_size] = event.extra;
    Record &record = push();
    record.time = event.time;
    record.arrival = event.arrival;
    record.textOffset = store(event.text, &record.textLength);
    record.connection = quint32(event.connection);
    record.client = intern(event.client);
    record.server = intern(event.server);
    record.messageId = intern(event.messageId);
    record.protocol = quint16(intern(event.protocol));
    record.port = quint16(event.port);
    record.count = event.count;
    record.type = quint8(event.type);
    record.direction = quint8(event.direction);
}

Trace::Names Trace::names(const QString &protocol, const QString &client, const QString &server,
                          const QString &messageId)
{
    return Names{intern(protocol), intern(client), intern(server), intern(messageId)};
}

void Trace::appendLine(SimTime time, SimTime arrival, const Names &names, bool fromClient,
                       const char *text, int length, quint64 connection, int port)
{
    Record &record = push();
    record.time = time;
    record.arrival = arrival;
    record.textOffset = store(text, length);
    record.textLength = quint32(length);
    record.connection = quint32(connection);
    record.client = names.client;
    record.server = names.server;
    record.messageId = names.messageId;
    record.protocol = quint16(names.protocol);
    record.port = quint16(port);
    record.count = -1;
    record.type = quint8(TraceEvent::Type::Line);
    record.direction = quint8(fromClient ? TraceEvent::Direction::ClientToServer
                                         : TraceEvent::Direction::ServerToClient);
}

TraceEvent Trace::at(std::size_t index) const
{
    const Record &record = this->record(index);
    TraceEvent event;
    event.time = record.time;
    event.type = TraceEvent::Type(record.type);
    event.protocol = m_names[record.protocol];
    event.client = m_names[record.client];
    event.server = m_names[record.server];
    event.direction = TraceEvent::Direction(record.direction);
    event.text = textOf(record);
    event.arrival = record.arrival;
    event.connection = record.connection;
    event.messageId = m_names[record.messageId];
    event.port = record.port;
    event.count = record.count;
    auto extra = m_extras.find(index);
    if (extra != m_extras.end())
        event.extra = extra->second;
    return event;
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
