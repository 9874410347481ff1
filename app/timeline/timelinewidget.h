#pragma once

#include "core/trace/trace.h"

#include <QWidget>

#include <vector>

namespace carteiro::app {

// The run as a strip to scrub: one pixel column per stretch of trace events (not of virtual
// time, so four idle days do not squeeze the dialogue into a dot), with markers for faults,
// retries, bounces and deliveries, and a handle at the current position.
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setTrace(const core::Trace *trace);
    int position() const { return m_position; }
    // Markers for tests and tooltips: (trace index, event type).
    struct Marker
    {
        int index;
        core::TraceEvent::Type type;
    };
    const std::vector<Marker> &markers() const { return m_markers; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void setPosition(int position);

signals:
    void positionRequested(int position);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void retranslate();
    QRect strip() const;
    int indexAt(int x) const;
    int xOf(int index) const;

    const core::Trace *m_trace = nullptr;
    std::vector<Marker> m_markers;
    int m_position = -1;
};

} // namespace carteiro::app
