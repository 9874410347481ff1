#include "app/timeline/timelinewidget.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace carteiro::app {

using core::TraceEvent;

namespace {

QColor markerColour(TraceEvent::Type type)
{
    switch (type) {
    case TraceEvent::Type::Fault:
        return QColor(0xc6, 0x28, 0x28);
    case TraceEvent::Type::Retry:
        return QColor(0xef, 0x8a, 0x00);
    case TraceEvent::Type::Bounce:
        return QColor(0x8e, 0x24, 0xaa);
    case TraceEvent::Type::Deliver:
        return QColor(0x2e, 0x7d, 0x32);
    case TraceEvent::Type::Ask:
    case TraceEvent::Type::Note:
        return QColor(0x15, 0x65, 0xc0);
    default:
        return Qt::gray;
    }
}

bool isMarked(TraceEvent::Type type)
{
    switch (type) {
    case TraceEvent::Type::Fault:
    case TraceEvent::Type::Retry:
    case TraceEvent::Type::Bounce:
    case TraceEvent::Type::Deliver:
    case TraceEvent::Type::Note:
    case TraceEvent::Type::Ask:
        return true;
    default:
        return false;
    }
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    retranslate();
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TimelineWidget::retranslate()
{
    setToolTip(tr("Timeline: click or drag to go to a moment of the run. Red: faults, orange: "
                  "retries, purple: bounces, green: deliveries, blue: notes and questions."));
}

void TimelineWidget::setTrace(const core::Trace *trace)
{
    m_trace = trace;
    m_markers.clear();
    m_position = -1;
    if (trace) {
        for (std::size_t i = 0; i < trace->size(); ++i) {
            const TraceEvent::Type type = trace->typeAt(i);
            if (isMarked(type))
                m_markers.push_back(Marker{int(i), type});
        }
    }
    update();
}

void TimelineWidget::setPosition(int position)
{
    if (position == m_position)
        return;
    m_position = position;
    update();
}

QSize TimelineWidget::sizeHint() const
{
    return {600, fontMetrics().height() * 2 + 16};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {120, fontMetrics().height() + 16};
}

QRect TimelineWidget::strip() const
{
    return rect().adjusted(8, 4, -8, -fontMetrics().height() - 4);
}

int TimelineWidget::xOf(int index) const
{
    const QRect r = strip();
    const int count = m_trace ? int(m_trace->size()) : 0;
    if (count <= 1)
        return r.left();
    return r.left() + int(qint64(r.width()) * (index + 1) / count);
}

int TimelineWidget::indexAt(int x) const
{
    const QRect r = strip();
    const int count = m_trace ? int(m_trace->size()) : 0;
    if (count == 0 || r.width() <= 0)
        return -1;
    const qint64 offset = std::clamp(x - r.left(), 0, r.width());
    return std::clamp(int(offset * count / r.width()) - 1, -1, count - 1);
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect r = strip();
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Mid).lighter(150));
    painter.drawRoundedRect(r, 4, 4);
    if (!m_trace || m_trace->isEmpty())
        return;

    // What has happened is filled in.
    QRect done = r;
    done.setRight(xOf(m_position));
    painter.setBrush(palette().color(QPalette::Highlight).lighter(160));
    painter.drawRoundedRect(done, 4, 4);

    for (const Marker &marker : m_markers) {
        painter.setPen(QPen(markerColour(marker.type), 2));
        const int x = xOf(marker.index);
        painter.drawLine(x, r.top() + 2, x, r.bottom() - 2);
    }

    const int x = xOf(m_position);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 2));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(QRect(x - 5, r.top() - 2, 10, r.height() + 4), 3, 3);

    // Virtual time at both ends and at the handle.
    painter.setPen(palette().color(QPalette::WindowText));
    const int baseline = height() - 4;
    const QString start = core::formatSimTime(m_trace->timeAt(0));
    const QString end = core::formatSimTime(m_trace->timeAt(m_trace->size() - 1));
    painter.drawText(QPoint(r.left(), baseline), start);
    painter.drawText(QPoint(r.right() - fontMetrics().horizontalAdvance(end), baseline), end);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    emit positionRequested(indexAt(int(event->position().x())));
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        emit positionRequested(indexAt(int(event->position().x())));
}

} // namespace carteiro::app
