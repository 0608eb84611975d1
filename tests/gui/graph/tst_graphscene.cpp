// SPDX-License-Identifier: MIT
// GraphScene makes a large graph's items a slice per event, the scene
// complete (and completed() sent once) after the last; anything that needs
// every item before then makes the rest at once.

#include "graph/expectedrouteshares.h"
#include "graph/graphedgeitem.h"
#include "graph/graphnodeitem.h"
#include "graph/graphscene.h"
#include "graph/graphstyle.h"
#include "graph/graphview.h"
#include "load/manifestloader.h"
#include "routing/router.h"
#include "support/guitestsupport.h"
#include "support/incrementalsupport.h"

#include <QScreen>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace meshlane;
using namespace meshlane::ui;

class TestGraphScene : public QObject
{
    Q_OBJECT

    size_t itemCount() const { return m_graph->nodes().size() + m_graph->edges().size(); }

    // Node and edge items made so far (the namespace boxes and the badges
    // are made with the first slice).
    size_t madeItems(GraphScene &scene) const
    {
        return size_t(scene.items().size()) - scene.namespaceBoxes().size() - scene.fanOutBadges().size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        // 1,000 services: 5,001 nodes and 3,100 edges, more than one slice.
        const MeshPtr mesh = ManifestLoader().loadFolder(incremental::generatedMesh(1000)).mesh;
        m_graph = std::make_shared<const MeshGraph>(
            MeshGraph::build(*mesh, expectedRouteShares(std::make_shared<const Router>(mesh))));
        const LayoutInput input = m_style.layoutInput(*m_graph);
        Result<GraphGeometry> layout = GraphLayout::compute(*m_graph, input.sizes, input.options);
        QVERIFY(layout);
        m_layout = std::make_shared<const GraphGeometry>(std::move(layout).value());
        QVERIFY(itemCount() > 6144);
    }

    void largeGraphsAreMadeASliceAtATime()
    {
        GraphScene scene(m_style);
        QSignalSpy completed(&scene, &GraphScene::completed);
        scene.setGraph(m_graph, m_layout);
        QVERIFY(!scene.isComplete());
        const size_t first = madeItems(scene);
        QVERIFY(first > 0 && first < itemCount());
        QVERIFY(completed.wait(30'000));
        QVERIFY(scene.isComplete());
        QCOMPARE(madeItems(scene), itemCount());
        QTest::qWait(20); // the slice scheduled before completion does nothing more
        QCOMPARE(completed.count(), 1);
        QCOMPARE(madeItems(scene), itemCount());

        // Top-level, as one event would have made them: Qt's index finds
        // an item under a parent only through its parent, and a repaint
        // would walk every sibling.
        for (QGraphicsItem *item : scene.items())
            QVERIFY(!item->parentItem());
        for (const GraphNode &node : m_graph->nodes()) {
            if (node.kind != GraphNodeKind::App)
                QVERIFY(scene.nodeItem(QString::fromStdString(node.id)));
        }
    }

    void whatNeedsEveryItemMakesTheRestAtOnce()
    {
        GraphScene scene(m_style);
        QSignalSpy completed(&scene, &GraphScene::completed);
        scene.setGraph(m_graph, m_layout);
        QVERIFY(!scene.isComplete());
        // The last edge: not made by the first slice.
        const GraphEdge &last = m_graph->edges().back();
        GraphEdgeItem *item = scene.edgeItem(QString::fromStdString(last.id));
        QVERIFY(item);
        QVERIFY(scene.isComplete());
        QCOMPARE(completed.count(), 1);
        QCOMPARE(madeItems(scene), itemCount());
        QTest::qWait(20);
        QCOMPARE(completed.count(), 1);

        // A new graph set before the old one completed starts over.
        scene.setGraph(m_graph, m_layout);
        scene.setGraph(m_graph, m_layout);
        QVERIFY(completed.wait(30'000));
        QTest::qWait(20);
        QCOMPARE(completed.count(), 2);
        QCOMPARE(madeItems(scene), itemCount());
    }

    void theSelectionComesBackOnceComplete()
    {
        GraphScene scene(m_style);
        scene.setGraph(m_graph, m_layout);
        QVERIFY(QTest::qWaitFor([&scene] { return scene.isComplete(); }, 30'000));
        std::string id; // the last node that is not an app's box: made by the last slice
        for (const GraphNode &node : m_graph->nodes()) {
            if (node.kind != GraphNodeKind::App)
                id = node.id;
        }
        scene.selectNode(QString::fromStdString(id));
        QCOMPARE(scene.selectedNodeId(), QString::fromStdString(id));
        QSignalSpy selected(&scene, &GraphScene::nodeSelected);
        scene.setGraph(m_graph, m_layout);
        QVERIFY(scene.selectedNodeId().isEmpty());
        QVERIFY(QTest::qWaitFor([&scene] { return scene.isComplete(); }, 30'000));
        QCOMPARE(scene.selectedNodeId(), QString::fromStdString(id));
        QVERIFY(!selected.isEmpty());
    }

    // The graph appears whole, once: until the last slice is in, a view
    // keeps showing what it showed (here the empty scene's background, then
    // the first graph while a second is made), not the slices made so far.
    void aViewShowsNothingOfAnIncompleteGraph()
    {
        GraphScene scene(m_style);
        GraphView view;
        view.setGraphScene(&scene);
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QWidget *viewport = view.viewport();
        const auto onScreen = [&view, viewport] {
            const QPoint at = viewport->mapTo(&view, QPoint(0, 0));
            return view.screen()
                ->grabWindow(view.winId(), at.x(), at.y(), viewport->width(), viewport->height())
                .toImage()
                .convertToFormat(QImage::Format_RGB32);
        };
        const auto settle = [] {
            QTest::qWait(30);
            QCoreApplication::processEvents();
        };
        const auto blank = [](const QImage &image) {
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    if (image.pixel(x, y) != image.pixel(0, 0))
                        return false;
                }
            }
            return true;
        };
        settle();
        const QImage empty = onScreen();
        QVERIFY(blank(empty));
        scene.setGraph(m_graph, m_layout);
        view.fitGraph(scene.graphBounds());
        viewport->repaint(); // as the view repaints between slices
        QVERIFY(!scene.isComplete());
        QVERIFY(madeItems(scene) > 0);
        QCOMPARE(onScreen(), empty);
        QVERIFY(QTest::qWaitFor([&scene] { return scene.isComplete(); }, 30'000));
        settle();
        const QImage first = onScreen();
        QVERIFY(!blank(first));

        scene.setGraph(m_graph, m_layout); // the same graph made anew: nothing changes on screen
        viewport->repaint();
        QVERIFY(!scene.isComplete());
        QCOMPARE(onScreen(), first);
        QVERIFY(QTest::qWaitFor([&scene] { return scene.isComplete(); }, 30'000));
        settle();
        QCOMPARE(onScreen(), first);

        // Resized while a graph is made, the view has no picture that fits:
        // the background, not what the window's memory holds.
        scene.setGraph(m_graph, m_layout);
        view.resize(900, 560);
        viewport->repaint();
        QVERIFY(!scene.isComplete());
        QVERIFY(blank(onScreen()));
        QCOMPARE(onScreen().pixel(0, 0), GraphStyle::background().rgb());
    }

private:
    GraphStyle m_style;
    std::shared_ptr<const MeshGraph> m_graph;
    std::shared_ptr<const GraphGeometry> m_layout;
};

QTEST_MAIN(TestGraphScene)
#include "tst_graphscene.moc"
