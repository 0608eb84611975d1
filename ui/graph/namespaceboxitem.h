// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>

#include <functional>
#include <string>

namespace meshlane::ui {

class GraphStyle;

// Kiali's namespace box: around the nodes of one namespace, titled with its
// name. A click on the title collapses the namespace into one node.
class NamespaceBoxItem : public QGraphicsItem
{
public:
    NamespaceBoxItem(const GraphStyle &style, const QRectF &box, std::string ns, std::function<void()> titleClicked);

    const std::string &ns() const { return m_ns; }
    QRectF frame() const;     // the box as drawn, in item coordinates (a little inside its space)
    QRectF titleRect() const; // in item coordinates: where a click collapses
    void retranslate();       // the title and the tooltip
    // Far out (below GraphStyle::outlineDetail) the boxes are what a user
    // finds their way by: the name, as large on screen as near, in scene
    // coordinates, drawn over the items (they would hide it).
    void paintFarTitle(QPainter *painter, double detail) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override; // the title only: the box must not take clicks meant for the empty space in it
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:

    const GraphStyle &m_style;
    QSizeF m_size;
    std::string m_ns;
    std::function<void()> m_titleClicked;
    QString m_title;
};

} // namespace meshlane::ui
