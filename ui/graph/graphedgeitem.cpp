// SPDX-License-Identifier: MIT
#include "graph/graphedgeitem.h"

#include "graph/graphstyle.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <vector>

namespace meshlane::ui {

namespace {

QPointF toPoint(const LayoutPoint &point) { return {point.x, point.y}; }

// The few pens edges are drawn with far out, made once: a whole view of
// 30,000 edges made (and freed) a pen each, and QPainter skips setting a pen
// equal to the one it has, which consecutive edges mostly are.
const QPen &farPen(const QColor &color, int width, Qt::PenStyle style)
{
    static std::vector<QPen> pens; // GUI thread only, as painting is
    for (const QPen &pen : pens) {
        if (pen.color() == color && pen.width() == width && pen.style() == style)
            return pen;
    }
    return pens.emplace_back(color, width, style);
}

} // namespace

GraphEdgeItem::GraphEdgeItem(const GraphStyle &style, const EdgePath &path)
    : m_style(style)
{
    if (!path.bezier.empty()) {
        m_path.moveTo(toPoint(path.bezier.front()));
        for (size_t i = 1; i + 2 < path.bezier.size(); i += 3)
            m_path.cubicTo(toPoint(path.bezier[i]), toPoint(path.bezier[i + 1]), toPoint(path.bezier[i + 2]));
    }
    if (path.arrowTip && !path.bezier.empty()) {
        const QPointF base = toPoint(path.bezier.back());
        const QPointF tip = toPoint(*path.arrowTip);
        const QPointF along = tip - base;
        const double length = std::hypot(along.x(), along.y());
        if (length > 0.01) {
            const QPointF across = QPointF(-along.y(), along.x()) / length * 3.5;
            m_arrow << tip << base + across << base - across;
        }
    }
    // Far out the curve is a few pixels long: its segments' end points draw it.
    for (size_t i = 0; i < path.bezier.size(); i += 3)
        m_farLine << toPoint(path.bezier[i]);
    if (path.arrowTip)
        m_farLine << toPoint(*path.arrowTip);
    setFlag(ItemIsSelectable);
    setZValue(2);
}

void GraphEdgeItem::setEdge(const GraphEdge &edge)
{
    m_edge = edge;
    m_label = m_style.edgeLabel(edge);
    m_tag = edge.kind == GraphEdgeKind::Route ? GraphStyle::edgeTag(edge) : QString();
    updateLabelGeometry();
}

QString GraphEdgeItem::toolTipText(const MeshGraph &graph) const
{
    return m_style.edgeToolTip(graph, m_edge);
}

void GraphEdgeItem::updateLabelGeometry()
{
    prepareGeometryChange();
    const QFontMetricsF metrics(m_style.smallFont);
    const QPointF anchor = m_path.isEmpty() ? QPointF() : m_path.pointAtPercent(m_labelPosition);
    const QSizeF size(m_style.smallTextWidth(m_label) + 8, metrics.height() + 2);
    m_labelRect = QRectF(anchor - QPointF(size.width() / 2, size.height() / 2), size);
    m_tagRect = QRectF();
    if (!m_tag.isEmpty()) {
        // Left of the label, touching it: the two read as one "TCP 80%" badge.
        const double width = m_style.smallTextWidth(m_tag) + 6;
        m_tagRect = QRectF(m_labelRect.left() - width + 1, m_labelRect.top(), width, m_labelRect.height());
    }
    m_bounds = m_path.boundingRect()
                   .united(m_arrow.boundingRect())
                   .united(m_labelRect)
                   .united(m_tagRect.isEmpty() ? m_labelRect : m_tagRect)
                   .adjusted(-3, -3, 3, 3);
}

QRectF GraphEdgeItem::badgeRect() const
{
    return m_tagRect.isEmpty() ? m_labelRect : m_labelRect.united(m_tagRect);
}

void GraphEdgeItem::setLabelPosition(double percent)
{
    m_labelPosition = std::clamp(percent, 0.0, 1.0);
    updateLabelGeometry();
    update();
}

void GraphEdgeItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath GraphEdgeItem::shape() const
{
    if (m_hitArea.isEmpty()) {
        // Made when first asked (a click, a tooltip): stroking thousands of
        // curves up front would hold up showing a large graph.
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_hitArea = stroker.createStroke(m_path);
        m_hitArea.addPolygon(m_arrow);
    }
    QPainterPath hit = m_hitArea;
    hit.addRect(m_labelRect);
    if (!m_tagRect.isEmpty())
        hit.addRect(m_tagRect);
    return hit;
}

QColor GraphEdgeItem::color() const
{
    if (m_highlighted || isSelected())
        return GraphStyle::selection();
    if (m_edge.broken())
        return GraphStyle::broken();
    if (m_edge.kind == GraphEdgeKind::Mirror)
        return GraphStyle::mirror();
    return m_edge.share > 0 ? GraphStyle::traffic() : GraphStyle::idle();
}

Qt::PenStyle GraphEdgeItem::strokeStyle() const
{
    if (m_edge.kind == GraphEdgeKind::Mirror)
        return Qt::DashLine;
    if (m_edge.share <= 0 && m_edge.conditional && !m_edge.broken())
        return Qt::DotLine;
    return Qt::SolidLine;
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor c = color();
    const Qt::PenStyle style = strokeStyle();
    const double width = (m_highlighted || isSelected()) ? 2.4 : m_edge.broken() ? 1.8 : 1.4;
    const double detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < m_style.outlineDetail) {
        // Thousands of edges a few pixels long: a one-pixel polyline, as
        // cheap as lines get, keeps the structure without the curves' cost.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(farPen(c, width > 1.4 ? 2 : 0, style));
        painter->drawPolyline(m_farLine);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(c, m_tag.isEmpty() ? width : width + 1.6, style, Qt::FlatCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_tag.isEmpty()) {
        // Hollow: the background shows through the middle of the stroke.
        painter->setPen(QPen(GraphStyle::background(), std::max(0.8, width - 0.8), style, Qt::FlatCap));
        painter->drawPath(m_path);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawPolygon(m_arrow);

    if (m_label.isEmpty())
        return;
    if (!m_tag.isEmpty()) {
        painter->setPen(QPen(GraphStyle::connection(), 1));
        painter->setBrush(GraphStyle::connection());
        painter->drawRoundedRect(m_tagRect, 3, 3);
        painter->setPen(Qt::white);
        painter->setFont(m_style.smallFont);
        painter->drawText(m_tagRect, Qt::AlignCenter, m_tag);
    }
    painter->setPen(QPen(c, 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(m_labelRect, 3, 3);
    painter->setPen(m_edge.broken() ? GraphStyle::broken() : GraphStyle::text());
    painter->setFont(m_style.smallFont);
    painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
}

} // namespace meshlane::ui
