// SPDX-License-Identifier: MIT
#include "graph/graphminimap.h"

#include "graph/graphscene.h"
#include "graph/graphstyle.h"
#include "graph/graphview.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <vector>

namespace meshlane::ui {

namespace {

constexpr int kWidth = 180;
constexpr int kHeight = 120;
constexpr int kMargin = 8; // from the view's corner

} // namespace

GraphMinimap::GraphMinimap(GraphView *view, GraphScene *scene)
    : QWidget(view->viewport())
    , m_view(view)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("GraphMinimap"));
    setFixedSize(kWidth, kHeight);
    setCursor(Qt::PointingHandCursor);
    hide();
    view->viewport()->installEventFilter(this);
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &GraphMinimap::follow);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &GraphMinimap::follow);
    connect(view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &GraphMinimap::follow);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &GraphMinimap::follow);
}

void GraphMinimap::refresh()
{
    m_bounds = m_scene->visibleBounds();
    m_dots = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_dots.setDevicePixelRatio(devicePixelRatioF());
    m_dots.fill(Qt::transparent);
    QPainter painter(&m_dots);
    const QRectF target = overviewRect();
    const double scale = m_bounds.isEmpty() ? 1 : std::min(target.width() / m_bounds.width(),
                                                            target.height() / m_bounds.height());
    std::vector<QRectF> found; // drawn last, larger: where the find bar's matches are
    m_scene->forEachShownNode([&](const GraphScene::ShownNode &node) {
        const QRectF drawn(target.left() + (node.box.left() - m_bounds.left()) * scale,
                           target.top() + (node.box.top() - m_bounds.top()) * scale,
                           std::max(1.0, node.box.width() * scale), std::max(1.0, node.box.height() * scale));
        if (node.found)
            found.push_back(drawn);
        else if (node.isAppBox)
            painter.fillRect(drawn, QColor(0, 0, 0, 14));
        else
            painter.fillRect(drawn, node.broken ? GraphStyle::broken() : GraphStyle::idle());
    });
    for (const QRectF &drawn : found)
        painter.fillRect(QRectF(drawn.center() - QPointF(2, 2), QSizeF(4, 4)), GraphStyle::found());
    follow();
}

QRectF GraphMinimap::overviewRect() const
{
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    if (m_bounds.isEmpty())
        return area;
    const double scale = std::min(area.width() / m_bounds.width(), area.height() / m_bounds.height());
    const QSizeF drawn = m_bounds.size() * scale;
    return QRectF(area.center() - QPointF(drawn.width(), drawn.height()) / 2, drawn);
}

void GraphMinimap::follow()
{
    QWidget *viewport = m_view->viewport();
    move(viewport->width() - width() - kMargin, viewport->height() - height() - kMargin);
    const QRectF inView = m_view->mapToScene(viewport->rect()).boundingRect();
    // Only while part of the graph is out of view: a fitted graph needs no map.
    const bool partial = !m_bounds.isEmpty() && !inView.adjusted(-1, -1, 1, 1).contains(m_bounds);
    const bool fits = viewport->width() > 2 * width() && viewport->height() > 2 * height();
    setVisible(partial && fits);
    update();
}

void GraphMinimap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(255, 255, 255, 230));
    painter.setPen(QColor(0, 0, 0, 60));
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    painter.drawImage(QPointF(0, 0), m_dots);
    const QRectF target = overviewRect();
    const double scale = std::min(target.width() / m_bounds.width(), target.height() / m_bounds.height());
    const QRectF inView = m_view->mapToScene(m_view->viewport()->rect()).boundingRect().intersected(m_bounds);
    const QRectF frame(target.left() + (inView.left() - m_bounds.left()) * scale,
                       target.top() + (inView.top() - m_bounds.top()) * scale, inView.width() * scale,
                       inView.height() * scale);
    painter.setPen(QPen(GraphStyle::selection(), 1.5));
    painter.setBrush(QColor(0x00, 0x66, 0xcc, 30));
    painter.drawRect(frame);
}

void GraphMinimap::centreViewAt(const QPointF &point)
{
    const QRectF target = overviewRect();
    if (m_bounds.isEmpty() || target.isEmpty())
        return;
    const double scale = std::min(target.width() / m_bounds.width(), target.height() / m_bounds.height());
    m_view->centerOn(m_bounds.left() + (point.x() - target.left()) / scale,
                     m_bounds.top() + (point.y() - target.top()) / scale);
}

void GraphMinimap::mousePressEvent(QMouseEvent *event)
{
    centreViewAt(event->position());
}

void GraphMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centreViewAt(event->position());
}

bool GraphMinimap::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        follow();
    return QWidget::eventFilter(watched, event);
}

} // namespace meshlane::ui
