// SPDX-License-Identifier: MIT
#include "graph/namespaceboxitem.h"

#include "graph/graphstyle.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace meshlane::ui {

namespace {

// Drawn a little inside its space, as app boxes are, so neighbours stay apart.
constexpr double kInset = 3;
constexpr double kFarTitlePixels = 14; // on screen

} // namespace

NamespaceBoxItem::NamespaceBoxItem(const GraphStyle &style, const QRectF &box, std::string ns,
                                   std::function<void()> titleClicked)
    : m_style(style)
    , m_size(box.size())
    , m_ns(std::move(ns))
    , m_titleClicked(std::move(titleClicked))
{
    setPos(box.topLeft());
    setZValue(-1); // under the app boxes and nodes it holds
    setCursor(Qt::PointingHandCursor); // shape() is the title: that is where the cursor changes
    retranslate();
}

void NamespaceBoxItem::retranslate()
{
    m_title = m_style.namespaceTitle(m_ns);
    setToolTip(m_style.namespaceBoxToolTip(m_ns));
    update();
}

QRectF NamespaceBoxItem::frame() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(kInset, kInset, -kInset, -kInset);
}

QRectF NamespaceBoxItem::titleRect() const
{
    const QSizeF title = m_style.namespaceTitleSize(m_ns);
    return QRectF(frame().topLeft(), QSizeF(std::min(title.width(), frame().width()), title.height()));
}

QRectF NamespaceBoxItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-1, -1, 1, 1);
}

QPainterPath NamespaceBoxItem::shape() const
{
    QPainterPath path;
    path.addRect(titleRect());
    return path;
}

void NamespaceBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF box = frame();
    const double detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < m_style.outlineDetail) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(GraphStyle::namespaceBorder(), 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box); // its name is drawn over everything (GraphScene::drawForeground)
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(GraphStyle::namespaceBorder(), 1.5));
    painter->setBrush(GraphStyle::namespaceFill());
    painter->drawRoundedRect(box, 4, 4);
    painter->setPen(GraphStyle::text());
    painter->setFont(m_style.titleFont);
    painter->drawText(titleRect().adjusted(6, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, m_title);
}

void NamespaceBoxItem::paintFarTitle(QPainter *painter, double detail) const
{
    const QRectF box = mapRectToScene(frame());
    QFont font = m_style.titleFont;
    font.setPixelSize(std::max(1, int(std::lround(kFarTitlePixels / detail))));
    const QFontMetricsF metrics(font);
    const QString name = QString::fromStdString(m_ns);
    const QRectF strip(box.topLeft(), QSizeF(std::min(box.width(), metrics.horizontalAdvance(name) + metrics.height()),
                                             metrics.height() * 1.3));
    if (strip.height() > box.height() / 2)
        return; // a small box far out: the name would cover it all
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(GraphStyle::namespaceBorder(), 0));
    painter->setBrush(GraphStyle::namespaceFill());
    painter->drawRect(strip);
    painter->setPen(GraphStyle::text());
    painter->setFont(font);
    painter->drawText(strip.adjusted(metrics.height() / 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->restore();
}

void NamespaceBoxItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !titleRect().contains(event->pos())) {
        event->ignore();
        return;
    }
    event->accept();
    if (m_titleClicked)
        m_titleClicked();
}

} // namespace meshlane::ui
