// SPDX-License-Identifier: MIT
#include "editing/editoricons.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <functional>

namespace meshlane::ui {

namespace {

using Painter = std::function<void(QPainter &, const QColor &)>;

// Drawn on a 16x16 grid, rendered at 1x and 2x for each mode.
QIcon painted(const Painter &paint)
{
    QIcon icon;
    const QPalette palette = QApplication::palette();
    for (const int scale : {1, 2}) {
        for (const auto &[mode, colour] : {std::pair{QIcon::Normal, palette.color(QPalette::Active, QPalette::WindowText)},
                                           std::pair{QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText)}}) {
            QPixmap pixmap(16 * scale, 16 * scale);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(scale, scale);
            paint(painter, colour);
            painter.end();
            pixmap.setDevicePixelRatio(scale);
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

void padlock(QPainter &painter, const QColor &colour, bool closed)
{
    painter.setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    QPainterPath shackle;
    if (closed) {
        shackle.moveTo(5, 8);
        shackle.lineTo(5, 5.5);
        shackle.arcTo(5, 2, 6, 6, 180, -180);
        shackle.lineTo(11, 8);
    } else {
        shackle.moveTo(10, 8);
        shackle.lineTo(10, 5.5);
        shackle.arcTo(10, 2, 5, 6, 180, -180);
        shackle.lineTo(15, 6.5);
    }
    painter.drawPath(shackle);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(3, 7.5, 10, 7), 1.2, 1.2);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QPointF(8, 10.6), 1.2, 1.2);
}

} // namespace

QIcon EditorIcons::lock()
{
    QIcon icon = painted([](QPainter &painter, const QColor &colour) { padlock(painter, colour, false); });
    const QIcon closed = painted([](QPainter &painter, const QColor &colour) { padlock(painter, colour, true); });
    for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
        for (const int size : {16, 32})
            icon.addPixmap(closed.pixmap(QSize(size, size), 1.0, mode), mode, QIcon::On);
    }
    return icon;
}

QIcon EditorIcons::remove()
{
    return painted([](QPainter &painter, const QColor &colour) {
        painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(4.5, 4.5), QPointF(11.5, 11.5));
        painter.drawLine(QPointF(11.5, 4.5), QPointF(4.5, 11.5));
    });
}

QIcon EditorIcons::add()
{
    return painted([](QPainter &painter, const QColor &colour) {
        painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(8, 3.5), QPointF(8, 12.5));
        painter.drawLine(QPointF(3.5, 8), QPointF(12.5, 8));
    });
}

QIcon EditorIcons::moveUp()
{
    return painted([](QPainter &painter, const QColor &colour) {
        painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(QPolygonF({QPointF(4, 10), QPointF(8, 6), QPointF(12, 10)}));
    });
}

QIcon EditorIcons::moveDown()
{
    return painted([](QPainter &painter, const QColor &colour) {
        painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(QPolygonF({QPointF(4, 6), QPointF(8, 10), QPointF(12, 6)}));
    });
}

QIcon EditorIcons::copy()
{
    return painted([](QPainter &painter, const QColor &colour) {
        painter.setPen(QPen(colour, 1.3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(2.5, 2.5, 8, 9), 1, 1);
        painter.setBrush(QApplication::palette().color(QPalette::Base));
        painter.drawRoundedRect(QRectF(5.5, 4.5, 8, 9), 1, 1);
    });
}

} // namespace meshlane::ui
