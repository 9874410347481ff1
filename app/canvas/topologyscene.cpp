#include "app/canvas/topologyscene.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace carteiro::app {

using core::HostRole;
using core::TraceEvent;

namespace {

// Sizes are in scene units and fonts in pixels, so the picture is the same on a projector, a
// laptop and a PNG: the view zooms the whole scene.
constexpr qreal kHostWidth = 230;
constexpr qreal kIconHalfWidth = 40;
constexpr qreal kIconHalfHeight = 36;
constexpr qreal kCellGap = 28;
constexpr qreal kGroupPadding = 18;
constexpr qreal kGroupTitle = 34;
constexpr qreal kGroupGap = 60;
constexpr int kMaxMailboxLines = 6;
constexpr int kCalloutChars = 30;

QFont pixelFont(int pixels, bool bold = false, bool fixed = false)
{
    QFont font = fixed ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QFont();
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

QString lower(const QString &s)
{
    return s.toLower();
}

QString domainOfAddress(const QString &address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

QString parentDomain(const QString &name)
{
    const int dot = name.indexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : name.mid(dot + 1).toLower();
}

QString elided(const QString &text, int chars)
{
    return text.size() <= chars ? text : text.left(chars - 1) + QChar(0x2026);
}

// Group colours; a negative group (the DNS row) is a warm grey.
QColor tint(int group, int saturation, int value)
{
    static const int hues[] = {210, 130, 35, 280, 175, 340, 55, 0, 250, 95};
    if (group < 0)
        return QColor::fromHsv(40, saturation / 4, value);
    return QColor::fromHsv(hues[group % 10], saturation, value);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The items. Each has its own type, as in Qt's diagramscene example, so tests and tools can find
// them with qgraphicsitem_cast.

class HostItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    HostItem(const core::HostSpec &spec, const QString &userName, int mailboxLines)
        : m_name(spec.name), m_role(spec.role), m_userName(userName),
          m_mailboxLines(std::min(mailboxLines, kMaxMailboxLines))
    {
        setZValue(10);
        setToolTip(spec.name);
    }

    int type() const override { return Type; }
    QString name() const { return m_name; }
    HostRole role() const { return m_role; }

    static qreal lineHeight() { return QFontMetricsF(pixelFont(15)).height() + 2; }

    QRectF boundingRect() const override
    {
        qreal height = 2 * kIconHalfHeight + 8 + lineHeight();
        if (!m_userName.isEmpty())
            height += lineHeight();
        if (m_role == HostRole::Mta)
            height += lineHeight() + 6 + m_mailboxLines * lineHeight();
        return QRectF(-kHostWidth / 2, -kIconHalfHeight - 4, kHostWidth, height);
    }

    void setDown(bool down)
    {
        if (down != m_down) {
            m_down = down;
            update();
        }
    }
    bool isDown() const { return m_down; }

    void setBadges(int queue, const QStringList &mailboxes)
    {
        if (queue == m_queue && mailboxes == m_mailboxes)
            return;
        m_queue = queue;
        m_mailboxes = mailboxes;
        update();
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        paintIcon(painter);
        if (m_down)
            paintDown(painter);

        // The label sits on a light plate so links passing behind it do not cross the text.
        const qreal line = lineHeight();
        qreal y = kIconHalfHeight + 6;
        QStringList texts{m_name};
        if (!m_userName.isEmpty())
            texts << QStringLiteral("(%1)").arg(m_userName);
        const QFont nameFont = pixelFont(15, true);
        const QFont userFont = pixelFont(15);
        qreal widest = 0;
        for (int i = 0; i < texts.size(); ++i)
            widest = std::max(
                widest, QFontMetricsF(i == 0 ? nameFont : userFont).horizontalAdvance(texts[i]));
        widest = std::min(widest + 12, kHostWidth);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 215));
        painter->drawRoundedRect(QRectF(-widest / 2, y - 1, widest, texts.size() * line + 2), 5, 5);
        for (int i = 0; i < texts.size(); ++i) {
            painter->setFont(i == 0 ? nameFont : userFont);
            painter->setPen(m_down ? QColor(110, 110, 110) : QColor(20, 20, 20));
            const QRectF box(-kHostWidth / 2, y, kHostWidth, line);
            painter->drawText(box, Qt::AlignCenter,
                              QFontMetricsF(painter->font())
                                  .elidedText(texts[i], Qt::ElideMiddle, kHostWidth - 4));
            y += line;
        }
        if (m_role == HostRole::Mta)
            paintBadges(painter, y + 4);
    }

private:
    void paintBadges(QPainter *painter, qreal y)
    {
        const qreal line = lineHeight();
        const QFont font = pixelFont(14, true);
        painter->setFont(font);
        const QFontMetricsF metrics(font);
        auto pill = [&](const QString &text, const QColor &fill, const QColor &ink, qreal top) {
            const qreal w = std::min(metrics.horizontalAdvance(text) + 16, kHostWidth);
            const QRectF box(-w / 2, top, w, line - 1);
            painter->setPen(QPen(ink, 1));
            painter->setBrush(fill);
            painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
            painter->setPen(ink);
            painter->drawText(box, Qt::AlignCenter, text);
        };
        const int queue = std::max(m_queue, 0);
        const QString queueText =
            QCoreApplication::translate("carteiro::app::TopologyScene", "queue: %1").arg(queue);
        if (queue > 0)
            pill(queueText, QColor(255, 214, 102), QColor(110, 70, 0), y);
        else
            pill(queueText, QColor(236, 236, 236), QColor(90, 90, 90), y);
        y += line + 2;
        const int shown = std::min(int(m_mailboxes.size()), m_mailboxLines);
        for (int i = 0; i < shown; ++i) {
            QString text = m_mailboxes[i];
            if (i == m_mailboxLines - 1 && m_mailboxes.size() > m_mailboxLines)
                text =
                    QCoreApplication::translate("carteiro::app::TopologyScene", "\u2709 +%1 more")
                        .arg(m_mailboxes.size() - m_mailboxLines + 1);
            const bool hasMail = !text.endsWith(QLatin1String(": 0"));
            pill(text, hasMail ? QColor(214, 234, 255) : QColor(246, 246, 246),
                 hasMail ? QColor(10, 60, 130) : QColor(100, 100, 100), y);
            y += line;
        }
    }

    void paintDown(QPainter *painter)
    {
        const QRectF icon(-kIconHalfWidth, -kIconHalfHeight, 2 * kIconHalfWidth,
                          2 * kIconHalfHeight);
        painter->setPen(QPen(QColor(200, 30, 30), 6, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(icon.topLeft() + QPointF(8, 6), icon.bottomRight() - QPointF(8, 6));
        painter->drawLine(icon.topRight() + QPointF(-8, 6), icon.bottomLeft() + QPointF(8, -6));
        const QFont font = pixelFont(14, true);
        painter->setFont(font);
        const QString text = QCoreApplication::translate("carteiro::app::TopologyScene", "DOWN");
        const qreal w = QFontMetricsF(font).horizontalAdvance(text) + 14;
        const QRectF badge(kIconHalfWidth - w / 2 + 6, -kIconHalfHeight - 2, w, 22);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(200, 30, 30));
        painter->drawRoundedRect(badge, 6, 6);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
    }

    void paintIcon(QPainter *painter)
    {
        const bool grey = m_down;
        auto colour = [grey](const QColor &c) {
            return grey ? QColor::fromHsv(0, 0, std::min(255, qGray(c.rgb()) / 2 + 120)) : c;
        };
        const QPen outline(colour(QColor(40, 48, 60)), 2);
        painter->setPen(outline);
        switch (m_role) {
        case HostRole::Client: {
            // A monitor on a stand, with a keyboard.
            const QColor body = colour(QColor(70, 110, 165));
            painter->setBrush(body);
            painter->drawRoundedRect(QRectF(-36, -34, 72, 48), 5, 5);
            painter->setBrush(colour(QColor(200, 230, 255)));
            painter->drawRect(QRectF(-30, -28, 60, 36));
            painter->setBrush(body);
            QPainterPath stand;
            stand.moveTo(-8, 14);
            stand.lineTo(8, 14);
            stand.lineTo(12, 24);
            stand.lineTo(-12, 24);
            stand.closeSubpath();
            painter->drawPath(stand);
            painter->drawRoundedRect(QRectF(-30, 25, 60, 9), 3, 3);
            break;
        }
        case HostRole::Mta: {
            // A server tower with drive bays, and an envelope on its front: a mail server.
            painter->setBrush(colour(QColor(85, 96, 112)));
            painter->drawRoundedRect(QRectF(-26, -35, 52, 70), 5, 5);
            painter->setBrush(colour(QColor(160, 172, 188)));
            for (int i = 0; i < 3; ++i)
                painter->drawRoundedRect(QRectF(-20, -29 + i * 12, 40, 8), 2, 2);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour(QColor(60, 200, 90)));
            painter->drawEllipse(QPointF(14, -25 + 0), 2.5, 2.5);
            painter->drawEllipse(QPointF(14, -13), 2.5, 2.5);
            painter->setPen(outline);
            painter->setBrush(colour(QColor(255, 255, 255)));
            const QRectF env(-16, 9, 32, 20);
            painter->drawRect(env);
            QPainterPath flap;
            flap.moveTo(env.topLeft());
            flap.lineTo(env.center().x(), env.center().y() + 2);
            flap.lineTo(env.topRight());
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(flap);
            break;
        }
        case HostRole::Dns: {
            // A box that says what it is.
            painter->setBrush(colour(QColor(240, 140, 0)));
            painter->drawRoundedRect(QRectF(-38, -28, 76, 56), 10, 10);
            painter->setFont(pixelFont(22, true));
            painter->setPen(grey ? QColor(245, 245, 245) : Qt::white);
            painter->drawText(QRectF(-38, -28, 76, 56), Qt::AlignCenter, QStringLiteral("DNS"));
            break;
        }
        case HostRole::Webmail: {
            // A browser window with a globe in it.
            painter->setBrush(colour(QColor(230, 240, 240)));
            painter->drawRoundedRect(QRectF(-38, -32, 76, 64), 5, 5);
            painter->setBrush(colour(QColor(19, 141, 144)));
            painter->drawRect(QRectF(-38, -32, 76, 12));
            painter->setBrush(colour(QColor(180, 225, 225)));
            painter->drawEllipse(QPointF(0, 6), 20, 20);
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(0, 6), 9, 20);
            painter->drawLine(QPointF(-20, 6), QPointF(20, 6));
            painter->drawLine(QPointF(0, -14), QPointF(0, 26));
            break;
        }
        }
    }

    QString m_name;
    HostRole m_role;
    QString m_userName;
    int m_mailboxLines = 0;
    bool m_down = false;
    int m_queue = -1;
    QStringList m_mailboxes;
};

// A domain: a rounded, lightly tinted box with the domain's name.
class GroupItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    GroupItem(const QString &title, const QRectF &rect, int colour)
        : m_title(title), m_rect(rect), m_colour(colour)
    {
        setZValue(-10);
    }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(tint(m_colour, 110, 170), 2));
        painter->setBrush(tint(m_colour, 22, 250));
        painter->drawRoundedRect(m_rect, 14, 14);
        painter->setFont(pixelFont(17, true));
        painter->setPen(tint(m_colour, 200, 100));
        // Hosts outside any domain: named when painted, in the language in force.
        const QString title =
            m_title.isEmpty()
                ? QCoreApplication::translate("carteiro::app::TopologyScene", "other hosts")
                : m_title;
        painter->drawText(m_rect.adjusted(14, 6, -14, 0), Qt::AlignLeft | Qt::AlignTop, title);
    }

private:
    QString m_title;
    QRectF m_rect;
    int m_colour;
};

// One protocol line on its way: a small envelope in the protocol's colour.
class EnvelopeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    EnvelopeItem() { setZValue(20); }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return QRectF(-17, -12, 34, 24); }
    void setColor(const QColor &colour)
    {
        if (colour != m_colour) {
            m_colour = colour;
            update();
        }
    }
    QColor color() const { return m_colour; }
    QString summary;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF body(-15, -10, 30, 20);
        painter->setPen(QPen(m_colour.darker(160), 1.5));
        painter->setBrush(m_colour);
        painter->drawRoundedRect(body, 2, 2);
        painter->setPen(QPen(Qt::white, 1.8));
        QPainterPath flap;
        flap.moveTo(body.left() + 2, body.top() + 2);
        flap.lineTo(0, 2);
        flap.lineTo(body.right() - 2, body.top() + 2);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(flap);
    }

private:
    QColor m_colour = Qt::gray;
};

// The text of the current line, next to its envelope.
class CalloutItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    CalloutItem() { setZValue(30); }
    int type() const override { return Type; }
    QString text() const { return m_text; }
    qreal width() const { return m_rect.width(); }
    void setContent(const QString &text, const QColor &colour)
    {
        prepareGeometryChange();
        m_text = text;
        m_colour = colour;
        const QFontMetricsF metrics(pixelFont(15, false, true));
        m_rect = QRectF(0, 0, metrics.horizontalAdvance(m_text) + 16, metrics.height() + 8);
        m_rect.moveCenter(QPointF(0, 0));
    }
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(m_colour, 2));
        painter->setBrush(QColor(255, 255, 255, 240));
        painter->drawRoundedRect(m_rect, 6, 6);
        painter->setFont(pixelFont(15, false, true));
        painter->setPen(QColor(15, 15, 15));
        painter->drawText(m_rect, Qt::AlignCenter, m_text);
    }

private:
    QString m_text;
    QColor m_colour;
    QRectF m_rect;
};

// A DNS question and its answer: a short orange arrow from the asking MTA towards the DNS host.
class DnsArrowItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 5 };

    DnsArrowItem() { setZValue(25); }
    int type() const override { return Type; }
    void setLine(const QLineF &line)
    {
        prepareGeometryChange();
        m_line = line;
    }
    QRectF boundingRect() const override
    {
        return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-14, -14, 14, 14);
    }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const QColor orange = TopologyScene::protocolColor(QStringLiteral("DNS"));
        painter->setPen(QPen(orange, 4, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_line);
        const qreal angle = std::atan2(m_line.dy(), m_line.dx());
        const QPointF tip = m_line.p2();
        QPolygonF head;
        head << tip << tip - QPointF(std::cos(angle - 0.45) * 16, std::sin(angle - 0.45) * 16)
             << tip - QPointF(std::cos(angle + 0.45) * 16, std::sin(angle + 0.45) * 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(orange);
        painter->drawPolygon(head);
    }

private:
    QLineF m_line;
};

// ---------------------------------------------------------------------------------------------

TopologyScene::TopologyScene(QObject *parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(Qt::white);
}

TopologyScene::~TopologyScene() = default;

QColor TopologyScene::protocolColor(const QString &protocol)
{
    const QString p = protocol.toUpper();
    if (p == QLatin1String("SMTP"))
        return QColor(31, 111, 209);
    if (p == QLatin1String("POP3"))
        return QColor(46, 158, 68);
    if (p == QLatin1String("DNS"))
        return QColor(240, 140, 0);
    if (p == QLatin1String("IMAP"))
        return QColor(142, 68, 173);
    if (p == QLatin1String("HTTP") || p == QLatin1String("HTTPS"))
        return QColor(19, 141, 144);
    return QColor(110, 110, 110);
}

void TopologyScene::clearRun()
{
    clear(); // deletes every item
    m_hosts.clear();
    m_hostIndex.clear();
    m_queue.clear();
    m_down.clear();
    m_mailboxes.clear();
    m_mailboxIndex.clear();
    m_lines.clear();
    m_maxFlight = 0;
    m_protocols.clear();
    m_linkIndex.clear();
    m_links.clear();
    m_envelopes.clear();
    m_shown = 0;
    m_callout = nullptr;
    m_dnsArrow = nullptr;
    m_position = -1;
}

void TopologyScene::setRun(const core::Scenario *scenario, const core::Trace *trace)
{
    clearRun();
    m_scenario = scenario;
    m_trace = trace;
    if (!m_scenario) {
        setSceneRect(QRectF());
        return;
    }
    for (int i = 0; i < m_scenario->hosts.size(); ++i)
        m_hostIndex.insert(lower(m_scenario->hosts[i].name), i);
    m_queue.resize(m_scenario->hosts.size());
    m_down.resize(m_scenario->hosts.size());

    // Every user's mailbox lives on the MTA holding its domain.
    for (const core::UserSpec &user : m_scenario->users) {
        const QString domain = domainOfAddress(user.address);
        for (int h = 0; h < m_scenario->hosts.size(); ++h) {
            const core::HostSpec &host = m_scenario->hosts[h];
            if (host.role != HostRole::Mta)
                continue;
            const bool local = std::any_of(host.localDomains.begin(), host.localDomains.end(),
                                           [&](const QString &d) { return lower(d) == domain; });
            if (local && !m_mailboxIndex.contains(lower(user.address))) {
                m_mailboxIndex.insert(lower(user.address), int(m_mailboxes.size()));
                m_mailboxes.push_back(
                    Mailbox{user.address, user.address.section(QLatin1Char('@'), 0, 0), h, {}});
            }
        }
    }
    scanTrace();
    buildHosts();
    layoutHosts();
    buildLinks();

    m_callout = new CalloutItem;
    m_callout->hide();
    addItem(m_callout);
    m_dnsArrow = new DnsArrowItem;
    m_dnsArrow->hide();
    addItem(m_dnsArrow);
    setPosition(-1);
}

int TopologyScene::hostIndex(const QString &name) const
{
    const int index = m_hostIndex.value(lower(name), -1);
    if (index >= 0)
        return index;
    // A real client of the live lab is named "127.0.0.1:54321": it is drawn as the host
    // named by its address, when the run has one.
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    return colon > 0 ? m_hostIndex.value(lower(name.left(colon)), -1) : -1;
}

// One pass over the trace, building the tables setPosition searches.
void TopologyScene::scanTrace()
{
    if (!m_trace)
        return;
    const int size = int(m_trace->size());
    for (int i = 0; i < size; ++i) {
        const TraceEvent::Type type = m_trace->typeAt(std::size_t(i));
        switch (type) {
        case TraceEvent::Type::Line: {
            const TraceEvent e = m_trace->at(std::size_t(i));
            const int client = hostIndex(e.client);
            const int server = hostIndex(e.server);
            if (client < 0 || server < 0 || client == server)
                break;
            const bool fromClient = e.direction != TraceEvent::Direction::ServerToClient;
            int protocol = m_protocols.indexOf(e.protocol);
            if (protocol < 0) {
                protocol = int(m_protocols.size());
                m_protocols << e.protocol;
            }
            const core::SimTime arrival = std::max(e.arrival, e.time);
            const int link = addLink(client, server, false);
            m_lines.push_back(LineRecord{i, e.time, arrival, fromClient ? client : server,
                                         fromClient ? server : client, link, quint8(protocol)});
            m_maxFlight = std::max(m_maxFlight, arrival - e.time);
            break;
        }
        case TraceEvent::Type::Connect: {
            const TraceEvent e = m_trace->at(std::size_t(i));
            addLink(hostIndex(e.client), hostIndex(e.server), false);
            break;
        }
        case TraceEvent::Type::Dns: {
            const TraceEvent e = m_trace->at(std::size_t(i));
            addLink(hostIndex(e.client), hostIndex(e.server), true);
            break;
        }
        case TraceEvent::Type::Queue:
        case TraceEvent::Type::Retry:
        case TraceEvent::Type::Deliver:
        case TraceEvent::Type::Bounce: {
            const TraceEvent e = m_trace->at(std::size_t(i));
            const int host = hostIndex(e.client);
            if (host >= 0 && e.count >= 0)
                m_queue[host].emplace_back(i, e.count);
            break;
        }
        case TraceEvent::Type::Mailbox: {
            const TraceEvent e = m_trace->at(std::size_t(i));
            const QString key = lower(e.client);
            int box = m_mailboxIndex.value(key, -1);
            if (box < 0) {
                box = int(m_mailboxes.size());
                m_mailboxIndex.insert(key, box);
                m_mailboxes.push_back(Mailbox{
                    e.client, e.client.section(QLatin1Char('@'), 0, 0), hostIndex(e.server), {}});
            }
            m_mailboxes[box].counts.emplace_back(i, std::max(e.count, 0));
            break;
        }
        case TraceEvent::Type::Fault: {
            const TraceEvent e = m_trace->at(std::size_t(i));
            const int host = hostIndex(e.server);
            if (host < 0)
                break;
            // The texts of FaultTable::describe() and describeEnd().
            const QString down = e.server + QLatin1String(" is down");
            if (e.text.startsWith(down, Qt::CaseInsensitive))
                m_down[host].emplace_back(i, 1);
            else if (e.text.startsWith(QLatin1String("ended: ") + down, Qt::CaseInsensitive))
                m_down[host].emplace_back(i, 0);
            break;
        }
        default:
            break;
        }
    }
}

QString TopologyScene::domainOf(const core::HostSpec &host) const
{
    if (host.role == HostRole::Mta && !host.localDomains.isEmpty())
        return lower(host.localDomains.first());
    if (host.role == HostRole::Client && !host.user.isEmpty())
        return domainOfAddress(host.user);
    return parentDomain(host.name);
}

void TopologyScene::buildHosts()
{
    std::vector<int> mailboxLines(m_scenario->hosts.size(), 0);
    for (const Mailbox &box : m_mailboxes)
        if (box.mta >= 0)
            ++mailboxLines[box.mta];
    for (int i = 0; i < m_scenario->hosts.size(); ++i) {
        const core::HostSpec &spec = m_scenario->hosts[i];
        QString userName;
        if (spec.role == HostRole::Client) {
            const core::UserSpec *user = m_scenario->user(spec.user);
            userName = user && !user->name.isEmpty() ? user->name : spec.user;
        }
        auto *item = new HostItem(spec, userName, mailboxLines[i]);
        addItem(item);
        m_hosts.push_back(item);
    }
}

// Domains in a grid of boxes (the senders' domains first, so mail flows left to right); in each
// box the servers in one column block and the clients in another, the clients on the outer side.
// DNS hosts in a row at the top centre.
void TopologyScene::layoutHosts()
{
    struct Group
    {
        QString domain;
        std::vector<int> servers, clients;
        int rows = 1, serverCols = 0, clientCols = 0;
        QSizeF size;
    };
    std::vector<Group> groups;
    std::vector<int> dnsHosts;
    QHash<QString, int> groupOf;

    // The sending domains first, in step order.
    QStringList order;
    for (const core::Step &step : m_scenario->steps)
        if (step.kind == core::Step::Kind::Send) {
            const QString d = domainOfAddress(step.send.from);
            if (!d.isEmpty() && !order.contains(d))
                order << d;
        }
    for (int i = 0; i < m_scenario->hosts.size(); ++i) {
        const core::HostSpec &spec = m_scenario->hosts[i];
        if (spec.role != HostRole::Dns) {
            const QString d = domainOf(spec);
            if (!order.contains(d))
                order << d;
        }
    }
    for (const QString &d : order) {
        groupOf.insert(d, int(groups.size()));
        groups.push_back(Group{d, {}, {}});
    }
    for (int i = 0; i < m_scenario->hosts.size(); ++i) {
        const core::HostSpec &spec = m_scenario->hosts[i];
        if (spec.role == HostRole::Dns) {
            dnsHosts.push_back(i);
            continue;
        }
        Group &g = groups[groupOf.value(domainOf(spec))];
        (spec.role == HostRole::Client ? g.clients : g.servers).push_back(i);
    }
    groups.erase(
        std::remove_if(groups.begin(), groups.end(),
                       [](const Group &g) { return g.servers.empty() && g.clients.empty(); }),
        groups.end());

    qreal itemHeight = 0;
    for (HostItem *item : m_hosts)
        itemHeight = std::max(itemHeight, item->boundingRect().height());
    const qreal cellW = kHostWidth + kCellGap;
    const qreal cellH = itemHeight + kCellGap;

    qreal maxW = 0, maxH = 0;
    for (Group &g : groups) {
        const int n = int(g.servers.size() + g.clients.size());
        g.rows = n <= 3 ? 1 : n <= 8 ? 2 : int(std::ceil(std::sqrt(double(n))));
        g.serverCols = int((g.servers.size() + g.rows - 1) / g.rows);
        g.clientCols = int((g.clients.size() + g.rows - 1) / g.rows);
        g.size = QSizeF((g.serverCols + g.clientCols) * cellW + 2 * kGroupPadding - kCellGap,
                        kGroupTitle + g.rows * cellH + kGroupPadding - kCellGap);
        maxW = std::max(maxW, g.size.width());
        maxH = std::max(maxH, g.size.height());
    }

    // Columns of groups: up to three side by side; more are laid in the grid whose shape is
    // closest to a 16:9 screen.
    const int n = int(groups.size());
    int gridCols = std::max(1, std::min(n, 3));
    if (n > 3) {
        double best = 1e9;
        for (int c = 1; c <= n; ++c) {
            const int r = (n + c - 1) / c;
            const double aspect = (c * (maxW + kGroupGap)) / (r * (maxH + kGroupGap));
            const double score = std::abs(std::log(aspect / (16.0 / 9.0)));
            if (score < best) {
                best = score;
                gridCols = c;
            }
        }
    }
    const int gridRows = (n + gridCols - 1) / std::max(gridCols, 1);
    std::vector<qreal> colW(gridCols, 0), rowH(gridRows, 0);
    for (int i = 0; i < n; ++i) {
        colW[i % gridCols] = std::max(colW[i % gridCols], groups[i].size.width());
        rowH[i / gridCols] = std::max(rowH[i / gridCols], groups[i].size.height());
    }

    qreal top = 0;
    QRectF dnsBox;
    qreal totalW = 0;
    for (qreal w : colW)
        totalW += w;
    totalW += (gridCols - 1) * kGroupGap;
    if (!dnsHosts.empty()) {
        const qreal w = dnsHosts.size() * cellW + 2 * kGroupPadding - kCellGap;
        qreal dnsHeight = 0;
        for (int host : dnsHosts)
            dnsHeight = std::max(dnsHeight, m_hosts[host]->boundingRect().height());
        const qreal h = kGroupTitle + dnsHeight + kGroupPadding;
        dnsBox = QRectF((totalW - w) / 2, 0, w, h);
        for (std::size_t k = 0; k < dnsHosts.size(); ++k)
            m_hosts[dnsHosts[k]]->setPos(dnsBox.left() + kGroupPadding + k * cellW + kHostWidth / 2,
                                         kGroupTitle + kIconHalfHeight + 4);
        addItem(new GroupItem(QCoreApplication::translate("carteiro::app::TopologyScene", "DNS"),
                              dnsBox, -1));
        top = h + kGroupGap;
    }

    qreal y = top;
    for (int r = 0; r < gridRows; ++r) {
        qreal x = 0;
        for (int c = 0; c < gridCols; ++c) {
            const int gi = r * gridCols + c;
            if (gi >= n)
                break;
            const Group &g = groups[gi];
            // Centre the group in its grid cell.
            const QRectF box(x + (colW[c] - g.size.width()) / 2, y, g.size.width(),
                             g.size.height());
            addItem(new GroupItem(g.domain, box, gi));
            const bool mirrored = gridCols > 1 && c < gridCols / 2.0 - 0.01 &&
                                  !(gridCols % 2 == 1 && c == gridCols / 2);
            // Column blocks: servers then clients, or clients then servers on the left side.
            auto place = [&](const std::vector<int> &hosts, int cols, int firstCol) {
                for (int col = 0; col < cols; ++col) {
                    const int inColumn = std::min(g.rows, int(hosts.size()) - col * g.rows);
                    const qreal offset = (g.rows - inColumn) * cellH / 2;
                    for (int k = 0; k < inColumn; ++k) {
                        const int host = hosts[col * g.rows + k];
                        const qreal cx =
                            box.left() + kGroupPadding + (firstCol + col) * cellW + kHostWidth / 2;
                        const qreal cy =
                            box.top() + kGroupTitle + offset + k * cellH + kIconHalfHeight + 4;
                        m_hosts[host]->setPos(cx, cy);
                    }
                }
            };
            if (mirrored) {
                place(g.clients, g.clientCols, 0);
                place(g.servers, g.serverCols, g.clientCols);
            } else {
                place(g.servers, g.serverCols, 0);
                place(g.clients, g.clientCols, g.serverCols);
            }
            x += colW[c] + kGroupGap;
        }
        y += rowH[r] + kGroupGap;
    }
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
}

int TopologyScene::addLink(int a, int b, bool dashed)
{
    if (a < 0 || b < 0 || a == b)
        return -1;
    const quint64 key = (quint64(std::min(a, b)) << 32) | quint64(std::max(a, b));
    const int found = m_linkIndex.value(key, -1);
    if (found >= 0) {
        // A real connection wins over a DNS query.
        m_links[found].dashed = m_links[found].dashed && dashed;
        return found;
    }
    m_linkIndex.insert(key, int(m_links.size()));
    m_links.push_back(Link{std::min(a, b), std::max(a, b), dashed, {}, 0});
    return int(m_links.size()) - 1;
}

// A straight line, or, when that would run under another host's icon (hosts in one row), a
// curve bowed just enough to pass around it, upwards first.
QPainterPath TopologyScene::routeAround(int a, int b) const
{
    const QPointF p = m_hosts[a]->pos();
    const QPointF q = m_hosts[b]->pos();
    const QLineF line(p, q);
    const qreal length = line.length();
    QPointF normal = length > 0 ? QPointF(-line.dy(), line.dx()) / length : QPointF(0, -1);
    if (normal.y() > 0 || (qFuzzyIsNull(normal.y()) && normal.x() > 0))
        normal = -normal; // the upward side first
    auto curve = [&](qreal bow) {
        QPainterPath path(p);
        path.quadTo(line.pointAt(0.5) + normal * (2 * bow), q);
        return path;
    };
    auto hits = [&](const QPainterPath &path) {
        int count = 0;
        for (std::size_t h = 0; h < m_hosts.size(); ++h) {
            if (int(h) == a || int(h) == b)
                continue;
            const QRectF icon = QRectF(-kIconHalfWidth - 10, -kIconHalfHeight - 10,
                                       2 * kIconHalfWidth + 20, 2 * kIconHalfHeight + 20)
                                    .translated(m_hosts[h]->pos());
            for (int k = 1; k < 24; ++k)
                if (icon.contains(path.pointAtPercent(k / 24.0))) {
                    ++count;
                    break;
                }
        }
        return count;
    };
    QPainterPath best = curve(0);
    int fewest = hits(best);
    for (qreal bow : {55.0, 100.0, 150.0, 210.0}) {
        for (qreal side : {1.0, -1.0}) {
            if (fewest == 0)
                return best;
            const QPainterPath path = curve(side * bow);
            const int n = hits(path);
            if (n < fewest) {
                fewest = n;
                best = path;
            }
        }
    }
    return best;
}

QPointF TopologyScene::pointOnLink(const LineRecord &line, qreal fraction) const
{
    // From the edge of one icon to the edge of the other, so an envelope that has just left is
    // not hidden under its sender.
    const Link &link = m_links[line.link];
    const qreal inset =
        link.length > 0 ? std::min<qreal>((kIconHalfWidth + 8) / link.length, 1.0 / 3) : 0;
    qreal t = std::clamp(fraction, 0.0, 1.0);
    if (line.from != link.a)
        t = 1 - t;
    return link.path.pointAtPercent(inset + t * (1 - 2 * inset));
}

void TopologyScene::buildLinks()
{
    // What the scenario says will talk: clients to their servers, and each sending domain's MTA
    // to the MX hosts of the recipients' domains; backup MX hosts to the primary.
    for (int i = 0; i < m_scenario->hosts.size(); ++i) {
        const core::HostSpec &spec = m_scenario->hosts[i];
        if (spec.role == HostRole::Client) {
            addLink(i, hostIndex(spec.submitTo), false);
            addLink(i, hostIndex(spec.accessServer), false);
        }
    }
    auto homeMta = [this](const QString &domain) {
        for (int h = 0; h < m_scenario->hosts.size(); ++h)
            for (const QString &d : m_scenario->hosts[h].localDomains)
                if (lower(d) == domain && m_scenario->hosts[h].role == HostRole::Mta)
                    return h;
        return -1;
    };
    for (const core::Step &step : m_scenario->steps) {
        if (step.kind != core::Step::Kind::Send)
            continue;
        const int from = homeMta(domainOfAddress(step.send.from));
        for (const QStringList *list : {&step.send.to, &step.send.cc, &step.send.bcc})
            for (const QString &rcpt : *list)
                if (const core::DnsZone *zone = m_scenario->zone(domainOfAddress(rcpt)))
                    for (const core::MxRecord &mx : zone->mx)
                        addLink(from, hostIndex(mx.host), false);
    }
    for (const core::DnsZone &zone : m_scenario->dns)
        for (int k = 1; k < zone.mx.size(); ++k)
            addLink(hostIndex(zone.mx[k].host), hostIndex(zone.mx[0].host), false);

    for (Link &link : m_links) {
        link.path = routeAround(link.a, link.b);
        link.length = link.path.length();
        auto *item = new QGraphicsPathItem(link.path);
        QPen pen(QColor(150, 150, 150), 2);
        if (link.dashed)
            pen.setStyle(Qt::DashLine);
        item->setPen(pen);
        item->setBrush(Qt::NoBrush);
        item->setZValue(0);
        addItem(item);
    }
}

int TopologyScene::valueAt(const Steps &steps, int position, int before)
{
    // The last change at an index <= position.
    auto it = std::upper_bound(steps.begin(), steps.end(), position,
                               [](int p, const std::pair<int, int> &s) { return p < s.first; });
    return it == steps.begin() ? before : std::prev(it)->second;
}

void TopologyScene::setPosition(int position)
{
    if (!m_scenario)
        return;
    const int size = m_trace ? int(m_trace->size()) : 0;
    m_position = std::clamp(position, -1, size - 1);

    std::vector<QStringList> mailboxLines(m_hosts.size());
    for (const Mailbox &box : m_mailboxes)
        if (box.mta >= 0)
            mailboxLines[box.mta] << QStringLiteral("\u2709 %1: %2")
                                         .arg(box.label)
                                         .arg(valueAt(box.counts, m_position, 0));
    for (std::size_t h = 0; h < m_hosts.size(); ++h) {
        m_hosts[h]->setDown(valueAt(m_down[h], m_position, 0) == 1);
        m_hosts[h]->setBadges(valueAt(m_queue[h], m_position, -1), mailboxLines[h]);
    }
    updateEnvelopes();
}

void TopologyScene::updateEnvelopes()
{
    m_shown = 0;
    m_callout->hide();
    m_dnsArrow->hide();
    auto segment = [this](int from, int to) {
        // From the edge of one icon to the edge of the other, so an envelope that has just left
        // is not hidden under its sender.
        QLineF line(m_hosts[from]->pos(), m_hosts[to]->pos());
        const qreal length = line.length();
        const qreal inset = std::min(kIconHalfWidth + 8, length / 3);
        if (length > 0) {
            const QPointF unit = (line.p2() - line.p1()) / length;
            line = QLineF(line.p1() + unit * inset, line.p2() - unit * inset);
        }
        return line;
    };
    auto show = [&](const LineRecord &rec, qreal fraction) {
        if (m_shown >= int(m_envelopes.size())) {
            auto *item = new EnvelopeItem;
            addItem(item);
            m_envelopes.push_back(item);
        }
        EnvelopeItem *item = m_envelopes[m_shown++];
        item->setPos(pointOnLink(rec, fraction));
        item->setColor(protocolColor(m_protocols.value(rec.protocol)));
        item->summary = QStringLiteral("%1>%2 %3")
                            .arg(m_hosts[rec.from]->name(), m_hosts[rec.to]->name(),
                                 m_protocols.value(rec.protocol));
        item->setZValue(20 + fraction); // the ones further along on top
        item->show();
        return item;
    };

    if (m_position >= 0) {
        const core::SimTime now = m_trace->timeAt(std::size_t(m_position));
        // Lines at indexes <= position, newest first; only those sent in the last m_maxFlight
        // can still be travelling, so the scan stops there.
        auto it = std::upper_bound(m_lines.begin(), m_lines.end(), m_position,
                                   [](int p, const LineRecord &rec) { return p < rec.index; });
        while (it != m_lines.begin() && m_shown < kMaxEnvelopes) {
            --it;
            const LineRecord &rec = *it;
            if (rec.time < now - m_maxFlight)
                break;
            const bool current = rec.index == m_position;
            if (!current && rec.arrival <= now)
                continue;
            const qreal span = qreal(rec.arrival - rec.time);
            qreal fraction = span > 0 ? qreal(now - rec.time) / span : 1.0;
            if (current && fraction <= 0)
                fraction = 0.5;
            EnvelopeItem *item = show(rec, fraction);
            if (current) {
                const TraceEvent e = m_trace->at(std::size_t(m_position));
                m_callout->setContent(elided(e.text, kCalloutChars), item->color());
                m_callout->setPos(item->pos() + QPointF(0, -32));
                m_callout->show();
            }
        }
        if (m_trace->typeAt(std::size_t(m_position)) == TraceEvent::Type::Dns) {
            const TraceEvent e = m_trace->at(std::size_t(m_position));
            const int mta = hostIndex(e.client);
            const int dns = hostIndex(e.server);
            if (mta >= 0 && dns >= 0 && mta != dns) {
                const QLineF whole = segment(mta, dns);
                const qreal length = std::min<qreal>(whole.length(), 140);
                QLineF arrow = whole;
                arrow.setLength(length);
                m_dnsArrow->setLine(arrow);
                m_dnsArrow->show();
                m_callout->setContent(elided(e.text, kCalloutChars + 10),
                                      protocolColor(e.protocol));
                // Beside the arrow, on the side it does not point to.
                const qreal side = arrow.dx() >= 0 ? -1 : 1;
                m_callout->setPos(arrow.pointAt(0.5) +
                                  QPointF(side * (m_callout->width() / 2 + 16), 0));
                m_callout->show();
            } else if (mta >= 0) {
                // No DNS host in the scenario: the answer is shown at the asking MTA.
                m_callout->setContent(elided(e.text, kCalloutChars + 10),
                                      protocolColor(e.protocol));
                m_callout->setPos(m_hosts[mta]->pos() + QPointF(0, -kIconHalfHeight - 26));
                m_callout->show();
            }
        }
    }
    for (int i = m_shown; i < int(m_envelopes.size()); ++i)
        m_envelopes[i]->hide();
}

QGraphicsItem *TopologyScene::hostItem(const QString &name) const
{
    const int i = hostIndex(name);
    return i < 0 || i >= int(m_hosts.size()) ? nullptr : m_hosts[i];
}

QStringList TopologyScene::hostNames() const
{
    QStringList names;
    for (const HostItem *item : m_hosts)
        names << item->name();
    return names;
}

int TopologyScene::envelopeCount() const
{
    return m_shown;
}

QStringList TopologyScene::envelopeSummary() const
{
    QStringList out;
    for (int i = 0; i < m_shown; ++i)
        out << m_envelopes[i]->summary;
    return out;
}

QColor TopologyScene::envelopeColor(int i) const
{
    return i >= 0 && i < m_shown ? m_envelopes[i]->color() : QColor();
}

bool TopologyScene::isHostDown(const QString &name) const
{
    const int i = hostIndex(name);
    return i >= 0 && i < int(m_hosts.size()) && m_hosts[i]->isDown();
}

int TopologyScene::queueLength(const QString &mta) const
{
    const int i = hostIndex(mta);
    return i < 0 || i >= int(m_queue.size()) ? -1 : valueAt(m_queue[i], m_position, -1);
}

int TopologyScene::mailboxCount(const QString &address) const
{
    const int box = m_mailboxIndex.value(lower(address), -1);
    return box < 0 ? 0 : valueAt(m_mailboxes[box].counts, m_position, 0);
}

QString TopologyScene::badgeText(const QString &name) const
{
    const int i = hostIndex(name);
    if (i < 0 || i >= int(m_hosts.size()))
        return {};
    QStringList lines;
    if (m_hosts[i]->isDown())
        lines << tr("DOWN");
    if (m_hosts[i]->role() == HostRole::Mta) {
        lines << tr("queue: %1").arg(std::max(queueLength(name), 0));
        for (const Mailbox &box : m_mailboxes)
            if (box.mta == i)
                lines << QStringLiteral("\u2709 %1: %2")
                             .arg(box.label)
                             .arg(valueAt(box.counts, m_position, 0));
    }
    return lines.join(QLatin1Char('\n'));
}

QString TopologyScene::calloutText() const
{
    return m_callout && m_callout->isVisible() ? m_callout->text() : QString();
}

} // namespace carteiro::app
