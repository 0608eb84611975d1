// SPDX-License-Identifier: MIT
#include "graph/graphnodeitem.h"

#include "graph/graphstyle.h"
#include "widgets/subsetpalette.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace meshlane::ui {

GraphNodeItem::GraphNodeItem(const GraphStyle &style, const QRectF &box)
    : m_style(style)
    , m_size(box.size())
{
    setPos(box.topLeft());
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
}

void GraphNodeItem::setNode(const GraphNode &node)
{
    m_node = node;
    m_label = QString::fromStdString(node.label);
    m_subtitle = m_style.subtitle(node);
    update();
}

QString GraphNodeItem::toolTipText() const
{
    return m_style.nodeToolTip(m_node);
}

void GraphNodeItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void GraphNodeItem::setFound(bool found)
{
    if (m_found == found)
        return;
    prepareGeometryChange();
    m_found = found;
}

QRectF GraphNodeItem::boundingRect() const
{
    // A found node's ring (or, far out, its block) reaches further.
    const double margin = m_found ? std::max(9.0, m_style.shapeSize / 2 + 1) : 3.0;
    return QRectF(QPointF(0, 0), m_size).adjusted(-margin, -margin, margin, margin);
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(QPointF(0, 0), m_size));
    return path;
}

QPainterPath GraphNodeItem::outline() const
{
    const double s = m_style.shapeSize;
    const QRectF r((m_size.width() - s) / 2, 0, s, s);
    QPainterPath path;
    switch (m_node.kind) {
    case GraphNodeKind::Gateway: {
        QPolygonF hexagon;
        for (int i = 0; i < 6; ++i) {
            const double angle = M_PI / 3 * i;
            hexagon << r.center() + QPointF(std::cos(angle), std::sin(angle)) * (s / 2);
        }
        path.addPolygon(hexagon);
        path.closeSubpath();
        break;
    }
    case GraphNodeKind::Service:
        path.addPolygon(QPolygonF({QPointF(r.center().x(), r.top() + 1), r.bottomRight() + QPointF(-1, -3),
                                   r.bottomLeft() + QPointF(1, -3)}));
        path.closeSubpath();
        break;
    case GraphNodeKind::External:
        path.addPolygon(QPolygonF({QPointF(r.center().x(), r.top()), QPointF(r.right(), r.center().y()),
                                   QPointF(r.center().x(), r.bottom()), QPointF(r.left(), r.center().y())}));
        path.closeSubpath();
        break;
    case GraphNodeKind::Version:
    case GraphNodeKind::App:
        path.addRoundedRect(r.adjusted(2, 2, -2, -2), 5, 5);
        break;
    case GraphNodeKind::Namespace: // the front card of a stack (paint() draws the one behind)
        path.addRoundedRect(r.adjusted(0, 4, -4, 0), 3, 3);
        break;
    }
    return path;
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool active = isSelected() || m_highlighted;
    const double detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < m_style.outlineDetail) {
        // Far out, outlines vanish: a solid block keeps the mesh's structure visible, and is cheap.
        painter->setRenderHint(QPainter::Antialiasing, false);
        const double s = m_style.shapeSize;
        if (m_found) // large enough to be seen among thousands of dots
            painter->fillRect(QRectF((m_size.width() - 2 * s) / 2, -s / 2, 2 * s, 2 * s), GraphStyle::found());
        painter->fillRect(QRectF((m_size.width() - s) / 2, 0, s, s),
                          active ? GraphStyle::selection() : m_node.broken() ? GraphStyle::broken() : GraphStyle::idle());
        return;
    }
    QColor border = m_node.broken() ? GraphStyle::broken() : GraphStyle::nodeBorder();
    QColor fill = m_node.broken() ? GraphStyle::brokenFill() : GraphStyle::nodeFill();
    if (active) {
        border = GraphStyle::selection();
        fill = GraphStyle::selectionFill();
    }
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_found) {
        const double s = m_style.shapeSize;
        painter->setPen(QPen(GraphStyle::found(), 4.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QRectF((m_size.width() - s) / 2 - 6, -6, s + 12, s + 12));
    }
    painter->setPen(QPen(border, isSelected() ? 3.0 : active ? 2.2 : 1.5));
    painter->setBrush(fill);
    if (m_node.kind == GraphNodeKind::Namespace) // many nodes behind one: a stack of cards
        painter->drawPath(outline().translated(4, -4));
    painter->drawPath(outline());

    const double s = m_style.shapeSize;
    if (m_node.kind == GraphNodeKind::Version) {
        // The version's colour, as the editor, the plot and the chart show it.
        const QRectF shape((m_size.width() - s) / 2, 0, s, s);
        painter->setPen(Qt::NoPen);
        painter->setBrush(subsetColor(QString::fromStdString(m_node.label)));
        painter->drawRoundedRect(QRectF(shape.left() + 6, shape.bottom() - 9, s - 12, 4), 2, 2);
    }
    if (m_node.splitsTraffic) {
        // Kiali's badge for "a VirtualService splits traffic here".
        const QPointF centre((m_size.width() + s) / 2 - 2, 5);
        painter->setPen(Qt::NoPen);
        painter->setBrush(GraphStyle::selection());
        painter->drawEllipse(centre, 7, 7);
        painter->setPen(QPen(Qt::white, 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF fork = centre + QPointF(-1, 0);
        painter->drawLine(centre + QPointF(-4.5, 0), fork);
        painter->drawPolyline(QPolygonF({centre + QPointF(4, -3.5), fork + QPointF(1.5, -3.5) * 0.4, fork}));
        painter->drawPolyline(QPolygonF({centre + QPointF(4, 3.5), fork + QPointF(1.5, 3.5) * 0.4, fork}));
    }

    if (detail < m_style.labelDetail)
        return; // text this small is unreadable anyway, and costs most of the painting time
    painter->setPen(m_node.broken() ? GraphStyle::broken() : GraphStyle::text());
    painter->setFont(m_style.labelFont);
    const QFontMetricsF label(m_style.labelFont);
    QRectF textRect(0, s + m_style.labelGap, m_size.width(), label.height());
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop, m_label);
    if (!m_subtitle.isEmpty()) {
        painter->setFont(m_style.smallFont);
        painter->setPen(m_node.broken() ? GraphStyle::broken() : GraphStyle::mutedText());
        textRect.translate(0, label.height());
        textRect.setHeight(QFontMetricsF(m_style.smallFont).height());
        painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop, m_subtitle);
    }
}

} // namespace meshlane::ui
