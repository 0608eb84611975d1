// SPDX-License-Identifier: MIT
// GraphUpdater: a layout measures its graph in the layout's pool job (not on
// the GUI thread), with the measure the GUI thread hands it as each layout
// starts, and the geometry handed out is laid out with those sizes.

#include "graph/graphupdater.h"
#include "load/manifestloader.h"
#include "support/guitestsupport.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

using namespace meshlane;
using namespace meshlane::ui;

class TestGraphUpdater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresOffTheGuiThreadWithWhatItWasHanded()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath("bookinfo").toStdString()).mesh;
        QVERIFY(mesh && !mesh->services.empty());
        struct Seen
        {
            std::atomic<int> factories{0};
            std::atomic<int> measures{0};
            std::atomic<bool> factoryOnGui{true};
            std::atomic<bool> measureOffGui{true};
        };
        auto seen = std::make_shared<Seen>();
        double width = 77; // what the GUI thread knows as a layout starts
        QThread *gui = QThread::currentThread();
        GraphUpdater updater([seen, gui, &width]() -> GraphUpdater::Measure {
            ++seen->factories;
            seen->factoryOnGui = seen->factoryOnGui && QThread::currentThread() == gui;
            return [seen, gui, width](const MeshGraph &graph) {
                ++seen->measures;
                seen->measureOffGui = seen->measureOffGui && QThread::currentThread() != gui;
                return LayoutInput{std::vector<LayoutSize>(graph.nodes().size(), LayoutSize{width, 40}), {}};
            };
        });
        std::vector<std::pair<std::shared_ptr<const MeshGraph>, std::shared_ptr<const GraphGeometry>>> laidOut;
        connect(&updater, &GraphUpdater::graphLaidOut, this,
                [&laidOut](auto graph, auto layout) { laidOut.emplace_back(std::move(graph), std::move(layout)); });
        updater.setMesh(mesh);
        QVERIFY(QTest::qWaitFor([&laidOut] { return laidOut.size() == 1; }, 30'000));
        QCOMPARE(seen->factories.load(), 1);
        QCOMPARE(seen->measures.load(), 1);
        QVERIFY(seen->factoryOnGui);
        QVERIFY(seen->measureOffGui);
        const auto [graph, layout] = laidOut.front(); // copies: the list grows below
        QVERIFY(layout && graph);
        QCOMPARE(layout->nodes.size(), graph->nodes().size());
        // Graphviz keeps sizes in hundredths of an inch.
        const auto near = [](double actual, double expected) { return std::abs(actual - expected) < 1; };
        // An app's box is laid out around its versions: its size is theirs.
        const auto isApp = [&graph](size_t i) { return graph->nodes()[i].kind == GraphNodeKind::App; };
        for (size_t i = 0; i < layout->nodes.size(); ++i)
            QVERIFY2(isApp(i) || near(layout->nodes[i].width, 77), qPrintable(QString::number(layout->nodes[i].width)));

        width = 91; // the next layout asks again
        updater.relayout();
        QVERIFY(QTest::qWaitFor([&laidOut] { return laidOut.size() == 2; }, 30'000));
        QCOMPARE(seen->factories.load(), 2);
        for (size_t i = 0; i < layout->nodes.size(); ++i)
            QVERIFY(isApp(i) || near(laidOut.back().second->nodes[i].width, 91));
    }
};

QTEST_MAIN(TestGraphUpdater)
#include "tst_graphupdater.moc"
