// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>

#include <functional>

namespace meshlane::ui {

class GraphStyle;

// Beside a gateway whose edges are collapsed (GatewayFanOut): how many
// routes leave it, and a click that draws them all, or folds them again.
class FanOutBadgeItem : public QGraphicsItem
{
public:
    // `anchor`: the middle of the gateway shape's right side, in the scene.
    FanOutBadgeItem(const GraphStyle &style, QPointF anchor, int routes, std::function<void()> clicked);

    void setExpanded(bool expanded);
    bool isExpanded() const { return m_expanded; }
    QString text() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void updateGeometry();

    const GraphStyle &m_style;
    int m_routes;
    std::function<void()> m_clicked;
    bool m_expanded = false;
    QRectF m_pill;
};

} // namespace meshlane::ui
