#include "app/ladder/ladderview.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace carteiro::app {

using core::LadderArrow;
using core::LadderMarker;
using core::SimTime;

namespace {

constexpr double kPixelsPerMs = 0.6;                   // 120 ms of latency is 72 px
constexpr SimTime kPauseThreshold = 2 * core::kSecond; // longer waits are cut, with a label
constexpr int kLaneMargin = 80;                        // room for the host's name at each side
constexpr int kMinLaneSpacing = 160; // closer than this, the view scrolls sideways
const QColor kLifeline(0x90, 0x90, 0x90);
const QColor kCurrent(0xff, 0xe0, 0x70);

QFont viewFont(const QFont &base, double points, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

} // namespace

LadderView::LadderView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(viewFont(font(), std::max(10.5, font().pointSizeF())));
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(false);
    verticalScrollBar()->setSingleStep(rowHeight());
    horizontalScrollBar()->setSingleStep(20);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(),
            qOverload<>(&QWidget::update));
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(),
            qOverload<>(&QWidget::update));
}

QColor LadderView::protocolColour(const QString &protocol)
{
    const QString p = protocol.toUpper();
    if (p == QLatin1String("SMTP"))
        return QColor(0x15, 0x5f, 0xc8); // blue
    if (p == QLatin1String("POP3"))
        return QColor(0x1b, 0x7a, 0x2e); // green
    if (p == QLatin1String("IMAP"))
        return QColor(0x7b, 0x1f, 0xa2); // purple
    if (p == QLatin1String("DNS"))
        return QColor(0xc0, 0x6a, 0x00); // orange
    if (p == QLatin1String("HTTP"))
        return QColor(0x0e, 0x7c, 0x7e); // teal
    return QColor(0x45, 0x5a, 0x64);
}

int LadderView::rowHeight() const
{
    return fontMetrics().height() + 8;
}

int LadderView::headerHeight() const
{
    return rowHeight() * 2;
}

void LadderView::setTrace(const core::Trace *trace)
{
    m_trace = trace;
    m_position = -2;
    setPosition(-1);
}

void LadderView::setPosition(int position)
{
    m_position = position;
    m_diagram = m_trace ? core::LadderDiagram::upTo(*m_trace, position) : core::LadderDiagram();
    m_current = m_diagram.arrowAtOrBefore(position);
    layoutDiagram();
    updateScrollBars();
    ensureCurrentVisible();
    viewport()->update();
}

void LadderView::layoutDiagram()
{
    const std::vector<LadderArrow> &arrows = m_diagram.arrows();
    const std::vector<LadderMarker> &markers = m_diagram.markers();
    m_sendY.assign(arrows.size(), 0);
    m_arriveY.assign(arrows.size(), 0);
    m_markerY.assign(markers.size(), 0);
    m_pauses.clear();

    // Every moment that needs a place on the time axis: sends, arrivals, markers. At equal
    // times an arrival comes before a send (the reply is caused by what arrived), except an
    // arrow's own arrival, which never comes before its send.
    struct Point
    {
        SimTime time;
        int order;
        int traceIndex;
        int *y;
    };
    std::vector<Point> points;
    points.reserve(arrows.size() * 2 + markers.size());
    for (std::size_t i = 0; i < arrows.size(); ++i) {
        const LadderArrow &a = arrows[i];
        points.push_back({a.sendTime, 1, a.traceIndex, &m_sendY[i]});
        points.push_back(
            {a.arrivalTime, a.arrivalTime > a.sendTime ? 0 : 2, a.traceIndex, &m_arriveY[i]});
    }
    for (std::size_t i = 0; i < markers.size(); ++i)
        points.push_back({markers[i].time, 1, markers[i].traceIndex, &m_markerY[i]});
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.order != b.order)
            return a.order < b.order;
        return a.traceIndex < b.traceIndex;
    });

    // Each step down is at least one label high, so labels never overlap; latency shows as
    // a longer step, up to four rows; long waits are cut and marked.
    const int row = rowHeight();
    int y = row;
    for (std::size_t k = 0; k < points.size(); ++k) {
        if (k > 0) {
            const SimTime dt = points[k].time - points[k - 1].time;
            int step = row;
            if (dt > 0)
                step = std::clamp(int(std::lround(double(dt) * kPixelsPerMs)), row, 4 * row);
            if (dt > kPauseThreshold) {
                step = 2 * row;
                m_pauses.push_back({y + row, dt});
            }
            y += step;
        }
        *points[k].y = y;
    }
    m_contentHeight = y + 2 * row;

    const QFontMetrics metrics(font());
    m_timeColumn = metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 20;
    const int lanes = int(m_diagram.lanes().size());
    const int available = viewport()->width() - m_timeColumn - 2 * kLaneMargin;
    m_laneSpacing = lanes > 1 ? std::max(kMinLaneSpacing, available / (lanes - 1)) : 0;
    m_contentWidth = m_timeColumn + 2 * kLaneMargin + m_laneSpacing * std::max(0, lanes - 1);
}

int LadderView::laneX(int lane) const
{
    if (m_diagram.lanes().size() == 1)
        return m_timeColumn + std::max(kLaneMargin, (viewport()->width() - m_timeColumn) / 2);
    return m_timeColumn + kLaneMargin + lane * m_laneSpacing;
}

void LadderView::updateScrollBars()
{
    const int visible = viewport()->height() - headerHeight();
    verticalScrollBar()->setPageStep(std::max(1, visible));
    verticalScrollBar()->setRange(0, std::max(0, m_contentHeight - visible));
    horizontalScrollBar()->setPageStep(std::max(1, viewport()->width()));
    horizontalScrollBar()->setRange(0, std::max(0, m_contentWidth - viewport()->width()));
}

void LadderView::ensureCurrentVisible()
{
    if (m_current < 0)
        return;
    const int row = rowHeight();
    const int top = m_sendY[std::size_t(m_current)] - row;
    const int bottom = m_arriveY[std::size_t(m_current)] + row;
    const int visible = viewport()->height() - headerHeight();
    // Sideways first, when the lanes do not all fit: both ends of the arrow on screen.
    const LadderArrow &arrow = m_diagram.arrows()[std::size_t(m_current)];
    const int left = std::min(laneX(arrow.fromLane), laneX(arrow.toLane)) - kLaneMargin;
    const int right = std::max(laneX(arrow.fromLane), laneX(arrow.toLane)) + kLaneMargin;
    QScrollBar *across = horizontalScrollBar();
    if (left < across->value() || right > across->value() + viewport()->width())
        across->setValue(std::clamp(right - viewport()->width(), 0, across->maximum()));
    if (left < across->value())
        across->setValue(std::clamp(left, 0, across->maximum()));
    QScrollBar *bar = verticalScrollBar();
    if (top >= bar->value() && bottom <= bar->value() + visible)
        return;
    // Leave some of the future's room below the current arrow, but never hide its start.
    int value = bottom - visible + 3 * row;
    value = std::min(value, top);
    bar->setValue(std::clamp(value, 0, bar->maximum()));
}

void LadderView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    layoutDiagram();
    updateScrollBars();
    ensureCurrentVisible();
}

QRect LadderView::arrowRect(int arrow) const
{
    if (arrow < 0 || arrow >= int(m_diagram.arrows().size()))
        return {};
    const LadderArrow &a = m_diagram.arrows()[std::size_t(arrow)];
    const int dx = -horizontalScrollBar()->value();
    const int dy = headerHeight() - verticalScrollBar()->value();
    const QPoint from(laneX(a.fromLane) + dx, m_sendY[std::size_t(arrow)] + dy);
    const QPoint to(laneX(a.toLane) + dx, m_arriveY[std::size_t(arrow)] + dy);
    return QRect(from, to).normalized();
}

void LadderView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(viewport());
    paintDiagram(painter, -horizontalScrollBar()->value(), -verticalScrollBar()->value(),
                 viewport()->size());
}

QSize LadderView::wholeSize() const
{
    return {std::max(m_contentWidth, 320), m_contentHeight + headerHeight()};
}

void LadderView::renderWhole(QPainter &painter)
{
    paintDiagram(painter, 0, 0, wholeSize());
}

void LadderView::paintDiagram(QPainter &painter, int scrollX, int scrollY, QSize size)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);

    const int header = headerHeight();
    const int row = rowHeight();
    const int dx = scrollX;
    const int dy = header + scrollY;
    const int width = size.width();
    const int height = size.height();
    const QStringList &lanes = m_diagram.lanes();
    const QFont base = font();
    const QFont small = viewFont(base, std::max(10.0, base.pointSizeF() - 0.5));
    const QFont bold = viewFont(base, base.pointSizeF(), true);

    if (lanes.isEmpty()) {
        painter.setPen(QColor(0x60, 0x60, 0x60));
        painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter,
                         tr("The ladder diagram fills in as the run plays."));
        return;
    }

    // Lifelines, cut where a long wait was left out.
    painter.setPen(QPen(kLifeline, 2));
    for (int lane = 0; lane < int(lanes.size()); ++lane)
        painter.drawLine(laneX(lane) + dx, header, laneX(lane) + dx, height);
    for (const Pause &pause : m_pauses) {
        const int y = pause.y + dy;
        if (y < header - row || y > height + row)
            continue;
        painter.fillRect(QRect(0, y - row / 2, width, row), QColor(0xf2, 0xf2, 0xf2));
        painter.setPen(QPen(kLifeline, 1, Qt::DashLine));
        painter.drawLine(0, y - row / 2, width, y - row / 2);
        painter.drawLine(0, y + row / 2, width, y + row / 2);
        painter.setPen(QColor(0x50, 0x50, 0x50));
        painter.setFont(small);
        painter.drawText(QRect(8 + dx, y - row / 2, width, row), Qt::AlignVCenter,
                         tr("\u22ee %1 later").arg(core::formatSimTime(pause.length)));
    }

    // Markers: TCP connect and close, DNS look-ups, as dashed horizontal rules.
    painter.setFont(small);
    const std::vector<LadderMarker> &markers = m_diagram.markers();
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const LadderMarker &m = markers[i];
        const int y = m_markerY[i] + dy;
        if (y < header - row || y > height + row)
            continue;
        const int x1 = laneX(m.fromLane) + dx;
        const int x2 = laneX(m.toLane) + dx;
        QColor colour = m.kind == LadderMarker::Kind::Dns ? protocolColour(QStringLiteral("DNS"))
                                                          : QColor(0x55, 0x55, 0x55);
        painter.setPen(
            QPen(colour, 1.5, m.kind == LadderMarker::Kind::Close ? Qt::DotLine : Qt::DashLine));
        painter.drawLine(x1, y, x2, y);
        QString label;
        switch (m.kind) {
        case LadderMarker::Kind::Connect:
            label = tr("TCP connection opened");
            break;
        case LadderMarker::Kind::Close:
            label = tr("TCP connection closed");
            break;
        case LadderMarker::Kind::Dns:
            label = tr("DNS: %1").arg(m.text);
            break;
        }
        const int span = std::max(std::abs(x2 - x1) - 16, 120);
        label = QFontMetrics(small).elidedText(label, Qt::ElideRight, span);
        const int textWidth = QFontMetrics(small).horizontalAdvance(label);
        const QRect box((x1 + x2 - textWidth) / 2 - 4, y - row + 2, textWidth + 8, row - 4);
        painter.fillRect(box, QColor(255, 255, 255, 230));
        painter.setPen(colour);
        painter.drawText(box, Qt::AlignCenter, label);
    }

    // Arrows, each from (lane, send time) down to (lane, arrival time).
    const std::vector<LadderArrow> &arrows = m_diagram.arrows();
    SimTime lastTime = -1;
    int lastTimeY = -1000;
    for (std::size_t i = 0; i < arrows.size(); ++i) {
        const LadderArrow &a = arrows[i];
        const int y1 = m_sendY[i] + dy;
        const int y2 = m_arriveY[i] + dy;
        if (y2 < header - row || y1 > height + row)
            continue;
        const bool current = int(i) == m_current;
        const QColor colour = protocolColour(a.protocol);
        const QPointF from(laneX(a.fromLane) + dx, y1);
        const QPointF to(laneX(a.toLane) + dx, y2);

        if (a.sendTime != lastTime && y1 - lastTimeY >= row) {
            painter.setFont(small);
            painter.setPen(QColor(0x55, 0x55, 0x55));
            painter.drawText(QRect(6 + dx, y1 - row / 2, m_timeColumn, row), Qt::AlignVCenter,
                             core::formatSimTime(a.sendTime));
            lastTime = a.sendTime;
            lastTimeY = y1;
        }

        painter.setPen(QPen(colour, current ? 3.5 : 1.6, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(from, to);
        // The head: a filled triangle along the arrow's direction.
        const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
        const double head = current ? 14 : 11;
        QPainterPath path;
        path.moveTo(to);
        path.lineTo(to.x() - head * std::cos(angle - 0.4), to.y() - head * std::sin(angle - 0.4));
        path.lineTo(to.x() - head * std::cos(angle + 0.4), to.y() - head * std::sin(angle + 0.4));
        path.closeSubpath();
        painter.fillPath(path, colour);

        const QFont &labelFont = current ? bold : base;
        const QFontMetrics metrics(labelFont);
        const int span = std::max(int(std::abs(to.x() - from.x())) - 20, 220);
        const QString text = metrics.elidedText(a.text.isEmpty() ? tr("(empty line)") : a.text,
                                                Qt::ElideRight, span);
        const int textWidth = metrics.horizontalAdvance(text);
        const QPointF mid = (from + to) / 2;
        const QRect box(int(mid.x()) - textWidth / 2 - 5, int(mid.y()) - row + 3, textWidth + 10,
                        row - 4);
        painter.fillRect(box, current ? kCurrent : QColor(255, 255, 255, 225));
        if (current) {
            painter.setPen(QPen(QColor(0xb0, 0x80, 0x00), 1));
            painter.drawRect(box);
        }
        painter.setFont(labelFont);
        painter.setPen(current ? QColor(Qt::black) : colour.darker(125));
        painter.drawText(box, Qt::AlignCenter, text);
    }

    // The lane names stay on top while the diagram scrolls under them.
    painter.fillRect(QRect(0, 0, width, header), QColor(0xfa, 0xfa, 0xfa));
    painter.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 1));
    painter.drawLine(0, header - 1, width, header - 1);
    painter.setFont(bold);
    const QFontMetrics boldMetrics(bold);
    for (int lane = 0; lane < int(lanes.size()); ++lane) {
        const int x = laneX(lane) + dx;
        const int boxWidth =
            std::min(boldMetrics.horizontalAdvance(lanes[lane]) + 16, 2 * kLaneMargin - 8);
        const QRect box(x - boxWidth / 2, row / 2, boxWidth, row);
        painter.setPen(QPen(QColor(0x45, 0x5a, 0x64), 1.5));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(box, 5, 5);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter,
                         boldMetrics.elidedText(lanes[lane], Qt::ElideMiddle, boxWidth - 8));
    }
    painter.setFont(small);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(QRect(6, row / 2, m_timeColumn, row), Qt::AlignVCenter, tr("Time"));
}

} // namespace carteiro::app
