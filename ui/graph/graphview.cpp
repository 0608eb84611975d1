// SPDX-License-Identifier: MIT
#include "graph/graphview.h"

#include <QKeyEvent>
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

} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setFocusPolicy(Qt::StrongFocus);
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
    QGraphicsView::resizeEvent(event);
    if (m_followsFit)
        fitGraph(m_fittedBounds);
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
