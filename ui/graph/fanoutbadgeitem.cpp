// SPDX-License-Identifier: MIT
#include "graph/fanoutbadgeitem.h"

#include "graph/graphstyle.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace meshlane::ui {

namespace {

constexpr double kGap = 6; // from the gateway's shape

} // namespace

FanOutBadgeItem::FanOutBadgeItem(const GraphStyle &style, QPointF anchor, int routes, std::function<void()> clicked)
    : m_style(style)
    , m_routes(routes)
    , m_clicked(std::move(clicked))
{
    setPos(anchor);
    setZValue(3); // over the edges it stands for
    setCursor(Qt::PointingHandCursor);
    updateGeometry();
}

void FanOutBadgeItem::setExpanded(bool expanded)
{
    if (m_expanded == expanded)
        return;
    m_expanded = expanded;
    updateGeometry();
    update();
}

QString FanOutBadgeItem::text() const { return m_style.fanOutLabel(m_routes, m_expanded); }

void FanOutBadgeItem::updateGeometry()
{
    prepareGeometryChange();
    const QSizeF size(m_style.smallTextWidth(text()) + 12, QFontMetricsF(m_style.smallFont).height() + 4);
    m_pill = QRectF(QPointF(kGap, -size.height() / 2), size);
    setToolTip(m_style.fanOutToolTip(m_routes, m_expanded));
}

QRectF FanOutBadgeItem::boundingRect() const { return m_pill.adjusted(-1, -1, 1, 1); }

void FanOutBadgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < m_style.outlineDetail) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(m_pill, GraphStyle::traffic());
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(GraphStyle::traffic(), 1.2));
    painter->setBrush(m_expanded ? GraphStyle::background() : GraphStyle::traffic());
    const double radius = m_pill.height() / 2;
    painter->drawRoundedRect(m_pill, radius, radius);
    painter->setPen(m_expanded ? GraphStyle::traffic() : Qt::white);
    painter->setFont(m_style.smallFont);
    painter->drawText(m_pill, Qt::AlignCenter, text());
}

void FanOutBadgeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    event->accept();
    if (m_clicked)
        m_clicked();
}

} // namespace meshlane::ui
