#include "app/canvas/topologyview.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>

namespace carteiro::app {

namespace {
constexpr qreal kZoomStep = 1.25;
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8.0;
constexpr int kFitMargin = 12; // pixels around the scene when fitted
} // namespace

TopologyView::TopologyView(QWidget *parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setBackgroundBrush(Qt::white);
    setFocusPolicy(Qt::StrongFocus);
}

void TopologyView::setScene(QGraphicsScene *scene)
{
    disconnect(m_rectConnection);
    QGraphicsView::setScene(scene);
    if (scene)
        m_rectConnection = connect(scene, &QGraphicsScene::sceneRectChanged, this,
                                   &TopologyView::sceneRectChanged);
    m_userZoomed = false;
    fitToWindow();
}

void TopologyView::sceneRectChanged()
{
    // A new run was laid out: show all of it, unless the teacher is looking at a detail.
    if (!m_userZoomed)
        fitToWindow();
}

void TopologyView::fitToWindow()
{
    m_userZoomed = false;
    if (!scene() || scene()->sceneRect().isEmpty())
        return;
    const QRectF rect = scene()->sceneRect();
    const QRectF view =
        viewport()->rect().adjusted(kFitMargin, kFitMargin, -kFitMargin, -kFitMargin);
    if (view.width() <= 0 || view.height() <= 0)
        return;
    const qreal scale = std::clamp(
        std::min(view.width() / rect.width(), view.height() / rect.height()), kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center());
}

void TopologyView::zoomBy(qreal factor)
{
    const qreal current = zoom();
    const qreal target = std::clamp(current * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, current))
        return;
    scale(target / current, target / current);
    m_userZoomed = true;
}

void TopologyView::zoomIn()
{
    zoomBy(kZoomStep);
}

void TopologyView::zoomOut()
{
    zoomBy(1 / kZoomStep);
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            zoomBy(std::pow(kZoomStep, delta / 120.0));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitToWindow();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_userZoomed)
        fitToWindow();
}

void TopologyView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (!m_userZoomed)
        fitToWindow();
}

} // namespace carteiro::app
