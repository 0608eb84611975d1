// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphlayout.h"
#include "graph/meshgraph.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace meshlane::ui {

class GraphStyle;

// A routed, mirrored or broken edge along Graphviz's spline, with its arrow
// and a label (share, mirror percentage or the route's condition).
class GraphEdgeItem : public QGraphicsItem
{
public:
    GraphEdgeItem(const GraphStyle &style, const EdgePath &path);

    void setEdge(const GraphEdge &edge); // again after an edit
    const GraphEdge &edge() const { return m_edge; }
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
    QPainterPath m_hitArea;
    GraphEdge m_edge;
    QString m_label;
    QRectF m_labelRect;
    QRectF m_bounds;
    bool m_highlighted = false;
};

} // namespace meshlane::ui
