// SPDX-License-Identifier: MIT
#include "graph/appboxitem.h"

#include "graph/graphstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace meshlane::ui {

namespace {

// Graphviz packs clusters edge to edge; drawing the box a little inside the
// space it was given (LayoutOptions::clusterMargin) keeps neighbours apart.
constexpr double kInset = 4;

} // namespace

AppBoxItem::AppBoxItem(const GraphStyle &style, const QRectF &box, const QString &title)
    : m_style(style)
    , m_size(box.size())
    , m_title(title)
{
    setPos(box.topLeft());
    setZValue(0);
}

void AppBoxItem::setTitle(const QString &title)
{
    m_title = title;
    update();
}

QRectF AppBoxItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-1, -1, 1, 1);
}

void AppBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF box = QRectF(QPointF(0, 0), m_size).adjusted(kInset, kInset, -kInset, -kInset);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < m_style.outlineDetail) {
        // Far out the corners and the title are below a pixel: a plain box is as good and far cheaper.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(box, GraphStyle::appFill());
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(GraphStyle::appBorder(), 1));
    painter->setBrush(GraphStyle::appFill());
    painter->drawRoundedRect(box, 6, 6);
    painter->setPen(GraphStyle::mutedText());
    painter->setFont(m_style.titleFont);
    painter->drawText(QRectF(kInset + 5, kInset + 1, m_size.width() - 2 * kInset - 6, QFontMetricsF(m_style.titleFont).height()),
                      Qt::AlignLeft | Qt::AlignVCenter, m_title);
}

} // namespace meshlane::ui
