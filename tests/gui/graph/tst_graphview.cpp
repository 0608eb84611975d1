// SPDX-License-Identifier: MIT
#include "graph/graphview.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QTest>

using namespace meshlane::ui;

namespace {

// Is `sceneRect` wholly inside what the view shows?
bool shows(const GraphView &view, const QRectF &sceneRect)
{
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    return visible.contains(sceneRect);
}

} // namespace

// A selection made outside the graph (the editor's list, a finding, --select)
// must land where the user can read it, whatever the zoom was.
class TestGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_scene = std::make_unique<QGraphicsScene>();
        m_scene->addRect(0, 0, 20'000, 12'000); // a thousand-service mesh's extent
        m_view = std::make_unique<GraphView>();
        m_view->setScene(m_scene.get());
        m_view->resize(800, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
    }

    // Fitted to the whole mesh, a node is a few pixels wide: revealing it
    // zooms in on it and centres it, and the view stops following fits.
    void farOutZoomsInOnTheSelection()
    {
        m_view->fitGraph(m_scene->sceneRect());
        QVERIFY(m_view->zoom() < 0.1);
        QVERIFY(m_view->followsFit());
        const QRectF node(12'000, 7'000, 80, 60);
        m_view->reveal(node);
        QCOMPARE(m_view->zoom(), 1.0);
        QVERIFY(shows(*m_view, node));
        const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
        QVERIFY(QLineF(centre, node.center()).length() < 2);
        QVERIFY(!m_view->followsFit());
    }

    // A selection too large for 100 % is fitted instead, never zoomed out of.
    void aWideSelectionIsFitted()
    {
        m_view->fitGraph(m_scene->sceneRect());
        const double farOut = m_view->zoom();
        const QRectF rule(1'000, 1'000, 4'000, 300); // a gateway's rule across many services
        m_view->reveal(rule);
        QVERIFY(m_view->zoom() > farOut);
        QVERIFY(m_view->zoom() < 1.0);
        QVERIFY(shows(*m_view, rule));
    }

    // Already readable: only scrolled to, the zoom the user chose is kept.
    void readableZoomOnlyScrolls()
    {
        m_view->zoomBy(0.8); // 80 %
        const double chosen = m_view->zoom();
        const QRectF node(15'000, 9'000, 80, 60);
        QVERIFY(!shows(*m_view, node));
        m_view->reveal(node);
        QCOMPARE(m_view->zoom(), chosen);
        QVERIFY(shows(*m_view, node));
    }

private:
    std::unique_ptr<QGraphicsScene> m_scene;
    std::unique_ptr<GraphView> m_view;
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
