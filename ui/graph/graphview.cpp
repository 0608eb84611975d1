// SPDX-License-Identifier: MIT
#include "graph/graphview.h"

#include "graph/graphscene.h"

#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace meshlane::ui {

namespace {

constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 4.0;
// Fitting a small mesh should not blow it up past a comfortable reading size.
constexpr double kMaxFitZoom = 1.25;
// Below this zoom node names are too small to read: a thousand-service mesh
// fitted in the window draws each node a few pixels wide.
constexpr double kReadableZoom = 0.6;
constexpr double kRevealZoom = 1.0;
// GraphView paints the items itself when the exposed area holds at least
// this share of the graph: through Qt's index a view of the whole graph
// costs twice as long, a small update much less.
constexpr double kPaintsItselfShare = 0.25;

} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_paintsItselfFrom(kPaintsItselfShare)
{
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphView::setGraphScene(GraphScene *scene)
{
    if (m_graphScene)
        disconnect(m_graphScene, nullptr, this, nullptr);
    setScene(scene);
    m_graphScene = scene;
    // Every paint fills the exposed area with the scene's opaque background
    // first, so Qt need not; and while a new graph's items are being made,
    // what the view showed stays on screen (see paintEvent).
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    // Qt repaints where an item was (hidden, moved, grown or shrunk) from
    // the rectangles it recorded when it last painted the item itself;
    // items this view paints have none. Told of each change in scene
    // coordinates instead (what QGraphicsView did before Qt 4.5), the view
    // repaints the old area of every item however it was painted.
    connect(scene, &QGraphicsScene::changed, this, &QGraphicsView::updateScene);
}

void GraphView::paintEvent(QPaintEvent *event)
{
    const QRectF exposedScene = mapToScene(event->region().boundingRect()).boundingRect();
    GraphScene *graphScene = scene() == m_graphScene ? m_graphScene : nullptr;
    if (graphScene && !graphScene->isComplete()) {
        // A large graph's items are made over several events: the new graph
        // appears whole once they all are, not a slice at a time (each
        // repaint would cost in proportion to what is made so far), and
        // until then the view keeps showing what it showed (the opaque
        // viewport leaves the window's pixels as they are).
        if (!m_painted) { // nothing of it on screen, or not where it was: a clean background
            QPainter painter(viewport());
            painter.setWorldTransform(viewportTransform());
            drawBackground(&painter, exposedScene);
        }
        return;
    }
    m_painted = true;
    const QRectF graph = graphScene ? graphScene->graphBounds() : QRectF();
    const QRectF shown = exposedScene & graph;
    if (graph.isEmpty() || shown.width() * shown.height() < m_paintsItselfFrom * graph.width() * graph.height()) {
        QGraphicsView::paintEvent(event);
        return;
    }
    // As QGraphicsView::paintEvent sets the painter up, with no cached
    // background and no rubber band (this view has neither).
    QPainter painter(viewport());
    painter.setRenderHints(painter.renderHints(), false);
    painter.setRenderHints(renderHints(), true);
    const QTransform view = viewportTransform();
    painter.setWorldTransform(view);
    drawBackground(&painter, exposedScene);
    // Qt counts an item as exposed when it reaches within 2 pixels of the
    // exposed area (antialiasing may draw that far out).
    const QRectF reach = mapToScene(event->region().boundingRect().adjusted(-2, -2, 2, 2)).boundingRect();
    graphScene->paintItems(&painter, reach, viewport());
    painter.setOpacity(1.0);
    painter.setWorldTransform(view);
    drawForeground(&painter, exposedScene);
}

void GraphView::zoomBy(double factor)
{
    m_followsFit = false;
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
}

void GraphView::fitGraph(const QRectF &bounds)
{
    m_fittedBounds = bounds;
    m_followsFit = true;
    if (bounds.isEmpty())
        return;
    const QRectF padded = bounds.adjusted(-20, -20, 20, 20);
    fitInView(padded, Qt::KeepAspectRatio);
    if (zoom() > kMaxFitZoom) {
        resetTransform();
        scale(kMaxFitZoom, kMaxFitZoom);
    }
    centerOn(padded.center());
}

void GraphView::reveal(const QRectF &bounds)
{
    if (bounds.isEmpty())
        return;
    const QRectF padded = bounds.adjusted(-60, -60, 60, 60);
    if (zoom() >= kReadableZoom) {
        ensureVisible(padded, 0, 0);
        return;
    }
    // As close as kRevealZoom, but no closer than fits the whole selection
    // (a gateway's rule may span the mesh), and never further out than now.
    const QRectF viewport(this->viewport()->rect());
    const double fitting = std::min(viewport.width() / padded.width(), viewport.height() / padded.height());
    const double target = std::clamp(std::min(kRevealZoom, fitting), zoom(), kMaxZoom);
    m_followsFit = false;
    resetTransform();
    scale(target, target);
    centerOn(bounds.center());
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    m_painted = false; // what the window has of the view no longer fits it
    QGraphicsView::resizeEvent(event);
    if (m_followsFit)
        fitGraph(m_fittedBounds);
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    m_painted = false; // scrolled, the uncovered strip has no picture
    QGraphicsView::scrollContentsBy(dx, dy);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.15, steps));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
    case Qt::Key_F:
        Q_EMIT fitRequested();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace meshlane::ui
