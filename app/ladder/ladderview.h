#pragma once

#include "core/trace/ladder.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QPainter>

#include <vector>

namespace carteiro::app {

// Draws the ladder (sequence) diagram of what happened up to the position: one lifeline per
// host, one slanted arrow per protocol line from its send time to its arrival time (time flows
// down), connect/close/DNS as dashed rules. Only a window around the position is built (the
// current connection and the few hundred lines before it, see core::LadderDiagram::upTo), so
// a 100,000-event trace draws as fast as a short one.
class LadderView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit LadderView(QWidget *parent = nullptr);

    void setTrace(const core::Trace *trace);
    int position() const { return m_position; }
    const core::LadderDiagram &diagram() const { return m_diagram; }
    // Index in diagram().arrows() of the highlighted arrow, -1 when none.
    int currentArrow() const { return m_current; }
    // Where an arrow is drawn in viewport coordinates (its bounding box), for tests.
    QRect arrowRect(int arrow) const;

    static QColor protocolColour(const QString &protocol);

    // The whole diagram at the position, unscrolled, for pictures and the run report.
    QSize wholeSize() const;
    void renderWhole(QPainter &painter);

    QSize sizeHint() const override { return {720, 480}; }

public slots:
    void setPosition(int position);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Draws with the content scrolled by (scrollX, scrollY) into a surface of this size.
    void paintDiagram(QPainter &painter, int scrollX, int scrollY, QSize size);
    void layoutDiagram();
    void updateScrollBars();
    void ensureCurrentVisible();
    int laneX(int lane) const; // content coordinates
    int headerHeight() const;
    int rowHeight() const;

    const core::Trace *m_trace = nullptr;
    int m_position = -1;
    core::LadderDiagram m_diagram;
    int m_current = -1;
    // Vertical layout, content coordinates (0 = just under the lane names).
    std::vector<int> m_sendY, m_arriveY, m_markerY;
    struct Pause
    {
        int y;
        core::SimTime length;
    };
    std::vector<Pause> m_pauses; // long idle waits, drawn as a break in the lifelines
    int m_contentHeight = 0;
    int m_contentWidth = 0;
    int m_timeColumn = 0;
    int m_laneSpacing = 0;
};

} // namespace carteiro::app
