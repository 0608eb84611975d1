// SPDX-License-Identifier: MIT
#include "graph/graphminimap.h"

#include "graph/graphscene.h"
#include "graph/graphstyle.h"
#include "graph/graphview.h"
#include "graph/namespaceboxitem.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTransform>

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
    const QTransform toMap = sceneToMap();
    std::vector<QRectF> found; // drawn last, larger: where the find bar's matches are
    m_scene->forEachShownNode([&](const GraphScene::ShownNode &node) {
        QRectF drawn = toMap.mapRect(node.box);
        drawn.setSize(drawn.size().expandedTo(QSizeF(1, 1))); // every node at least a pixel
        if (node.found)
            found.push_back(drawn);
        else if (node.isAppBox)
            painter.fillRect(drawn, QColor(0, 0, 0, 14));
        else
            painter.fillRect(drawn, node.broken ? GraphStyle::broken() : GraphStyle::idle());
    });
    // The namespaces' boxes, named where the name fits: what the map is read by.
    QFont font = painter.font();
    font.setPixelSize(9);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    for (const NamespaceBoxItem *box : m_scene->namespaceBoxes()) {
        const QRectF drawn = toMap.mapRect(box->mapRectToScene(box->frame()));
        painter.setPen(QPen(GraphStyle::namespaceBorder(), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(drawn);
        const QString name = QString::fromStdString(box->ns());
        if (metrics.horizontalAdvance(name) + 4 < drawn.width() && metrics.height() + 2 < drawn.height()) {
            painter.setPen(GraphStyle::text());
            painter.drawText(drawn.adjusted(2, 1, -2, -1), Qt::AlignLeft | Qt::AlignTop, name);
        }
    }
    for (const QRectF &drawn : found)
        painter.fillRect(QRectF(drawn.center() - QPointF(2, 2), QSizeF(4, 4)), GraphStyle::found());
    follow();
}

QTransform GraphMinimap::sceneToMap() const
{
    // m_bounds, as large as fits, centred in the widget less a small margin.
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    if (m_bounds.isEmpty())
        return QTransform::fromTranslate(area.left(), area.top());
    const double scale = std::min(area.width() / m_bounds.width(), area.height() / m_bounds.height());
    const QPointF offset = area.center() - QPointF(m_bounds.width(), m_bounds.height()) * scale / 2;
    return QTransform(scale, 0, 0, scale, offset.x() - m_bounds.left() * scale,
                      offset.y() - m_bounds.top() * scale);
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
    const QRectF inView = m_view->mapToScene(m_view->viewport()->rect()).boundingRect().intersected(m_bounds);
    const QRectF frame = sceneToMap().mapRect(inView);
    painter.setPen(QPen(GraphStyle::selection(), 1.5));
    painter.setBrush(QColor(0x00, 0x66, 0xcc, 30));
    painter.drawRect(frame);
}

void GraphMinimap::centreViewAt(const QPointF &point)
{
    if (!m_bounds.isEmpty())
        m_view->centerOn(sceneToMap().inverted().map(point));
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
