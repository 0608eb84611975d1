// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>

namespace meshlane::ui {

class GraphStyle;

// The box around the versions of one app, titled with the app's name.
class AppBoxItem : public QGraphicsItem
{
public:
    AppBoxItem(const GraphStyle &style, const QRectF &box, const QString &title);

    void setTitle(const QString &title);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const GraphStyle &m_style;
    QSizeF m_size;
    QString m_title;
};

} // namespace meshlane::ui
