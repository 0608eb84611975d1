// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

namespace meshlane::ui {

class GraphScene;

// Zoom with the wheel (around the cursor) or +/-, pan by dragging the
// background, 0 or F fits the graph.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QWidget *parent = nullptr);

    // Shows `scene`, painting it itself when most of the graph is in view
    // (GraphScene::paintItems). Any other scene is Qt's to paint.
    void setGraphScene(GraphScene *scene);
    // The share of the graph an exposed area must hold for the view to paint
    // it itself (0.25; 0 paints every update itself, as tests do to compare
    // the two ways at any zoom).
    void setPaintsItselfFrom(double share) { m_paintsItselfFrom = share; }

    void zoomBy(double factor);
    void fitGraph(const QRectF &bounds);
    // Shows `bounds` (a selection made outside the graph) at a size one can
    // read: zooms in when the view is too far out, otherwise only scrolls.
    void reveal(const QRectF &bounds);
    double zoom() const { return transform().m11(); }

    // While true the graph is refitted whenever the view is resized; zooming
    // by hand turns it off, fitting turns it back on.
    bool followsFit() const { return m_followsFit; }

Q_SIGNALS:
    void fitRequested();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent *event) override;

private:
    GraphScene *m_graphScene = nullptr;
    double m_paintsItselfFrom;
    // A complete scene was painted since the view was last resized or
    // scrolled: the window has a picture of it to keep showing.
    bool m_painted = false;
    QRectF m_fittedBounds;
    bool m_followsFit = true;
};

} // namespace meshlane::ui
