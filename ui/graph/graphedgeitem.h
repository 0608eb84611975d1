// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphlayout.h"
#include "graph/meshgraph.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace meshlane::ui {

class GraphStyle;

// A routed, mirrored or broken edge along Graphviz's spline, with its arrow
// and a label (share, mirror percentage or the route's condition). An edge
// carrying TCP or TLS connections is drawn hollow (a pipe, not a wire) with
// a "TCP" / "TLS" tag beside its label, so L4 routes read apart from HTTP.
class GraphEdgeItem : public QGraphicsItem
{
public:
    GraphEdgeItem(const GraphStyle &style, const EdgePath &path);

    void setEdge(const GraphEdge &edge); // again after an edit
    const GraphEdge &edge() const { return m_edge; }
    QString tag() const { return m_tag; }
    QRectF tagRect() const { return m_tagRect; } // in item coordinates; empty without a tag
    // Dashed for mirrors, dotted for a conditional route no default request takes.
    Qt::PenStyle strokeStyle() const;
    // The label with its tag, where it sits along the path (0..1; the middle
    // unless GraphScene moved it off another edge's label).
    QRectF badgeRect() const;
    void setLabelPosition(double percent);
    // Made when asked (GraphScene::helpEvent): thousands of items are made at once.
    QString toolTipText(const MeshGraph &graph) const;
    void setHighlighted(bool highlighted);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QColor color() const;
    void updateLabelGeometry();

    const GraphStyle &m_style;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QPolygonF m_farLine; // the path drawn far out: its segments' end points
    mutable QPainterPath m_hitArea; // made by shape() when first needed
    GraphEdge m_edge;
    QString m_label;
    QRectF m_labelRect;
    QString m_tag; // "TCP", "TLS" or empty
    double m_labelPosition = 0.5;
    QRectF m_tagRect;
    QRectF m_bounds;
    bool m_highlighted = false;
};

} // namespace meshlane::ui
