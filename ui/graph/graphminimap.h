// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QTransform>
#include <QWidget>

namespace meshlane::ui {

class GraphScene;
class GraphView;

// The overview in the graph's corner, shown while the view shows only part
// of the graph: every node as a dot, the part in view as a frame. Clicking or
// dragging in it moves the view there. The dots are drawn once per graph
// (one rectangle per node, a few milliseconds at 50,000 nodes); moving the
// view only moves the frame.
class GraphMinimap : public QWidget
{
    Q_OBJECT

public:
    GraphMinimap(GraphView *view, GraphScene *scene);

    // The scene has a new graph (or a find hid some of it): draw the dots again.
    void refresh();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(); // the view moved, zoomed or was resized
    QTransform sceneToMap() const; // from the scene to where it is drawn in this widget
    void centreViewAt(const QPointF &point);

    GraphView *m_view;
    GraphScene *m_scene;
    QImage m_dots;
    QRectF m_bounds; // the scene rectangle m_dots shows
};

} // namespace meshlane::ui
