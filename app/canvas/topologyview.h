#pragma once

#include <QGraphicsView>

namespace carteiro::app {

// Shows the topology scene: fitted to the window until the teacher zooms (Ctrl+wheel, +/-),
// panned by dragging.
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(QWidget *parent = nullptr);

    void setScene(QGraphicsScene *scene); // hides QGraphicsView::setScene to follow its rect
    bool userZoomed() const { return m_userZoomed; }
    qreal zoom() const { return transform().m11(); }

public slots:
    void zoomIn();
    void zoomOut();
    void fitToWindow(); // and keep fitting on resize until the next zoom

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void zoomBy(qreal factor);
    void sceneRectChanged();

    bool m_userZoomed = false;
    QMetaObject::Connection m_rectConnection;
};

} // namespace carteiro::app
