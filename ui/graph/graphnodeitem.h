// SPDX-License-Identifier: MIT
#pragma once

#include "graph/meshgraph.h"

#include <QGraphicsItem>

namespace meshlane::ui {

class GraphStyle;

// A gateway (hexagon), service (triangle), version (rounded square) or
// external host (diamond), with its label and subtitle underneath.
class GraphNodeItem : public QGraphicsItem
{
public:
    GraphNodeItem(const GraphStyle &style, const QRectF &box);

    void setNode(const GraphNode &node); // call again after an edit: texts and flags may change
    const std::string &nodeId() const { return m_node.id; }
    const GraphNode &node() const { return m_node; }
    // Made when asked (GraphScene::helpEvent): thousands of items are made at once.
    QString toolTipText() const;
    void setHighlighted(bool highlighted);
    void setFound(bool found); // a match of the graph's find bar: ringed
    bool isFound() const { return m_found; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath outline() const;

    const GraphStyle &m_style;
    QSizeF m_size;
    GraphNode m_node;
    QString m_label;
    QString m_subtitle;
    bool m_highlighted = false;
    bool m_found = false;
};

} // namespace meshlane::ui
