// SPDX-License-Identifier: MIT
#include "graph/fanoutbadgeitem.h"
#include "graph/graphedgeitem.h"
#include "graph/graphfindbar.h"
#include "graph/graphminimap.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphquery.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "load/manifestloader.h"
#include "shell/languagemanager.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace meshlane;
using namespace meshlane::ui;

// Find, hide and focus on the 1,000-service meshgen mesh (5,001 nodes: a
// gateway, 1,000 services, their boxes and 3,000 versions; every 10th
// service has an ingress route on the gateway).
class TestGraphFind : public QObject
{
    Q_OBJECT

private:
    bool settle() { return QTest::qWaitFor([this] { return !m_panel->isBusy() && m_panel->scene()->graph(); }, 120'000); }

    std::vector<int> select(const char *expression) const
    {
        return GraphQuery::parse(expression)->select(*m_panel->fullGraph(), *m_mesh);
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        const std::string command =
            std::string(MESHGEN_PATH) + " --services 1000 --versions 3 --out " + m_folder.path().toStdString() + " > /dev/null";
        QCOMPARE(std::system(command.c_str()), 0);
        m_mesh = ManifestLoader().loadFolder(m_folder.path().toStdString()).mesh;
        m_panel = std::make_unique<GraphPanel>();
        m_panel->resize(1000, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_panel->setMesh(m_mesh);
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), size_t(5001));
    }

    void init()
    {
        m_panel->findBar()->setFocusMode(false);
        m_panel->findBar()->setMode(GraphFindBar::Mode::Highlight);
        m_panel->findBar()->setQuery({});
        QVERIFY(settle());
    }

    void findHighlightsWhatTheQuerySelects()
    {
        GraphFindBar *bar = m_panel->findBar();
        bar->setQuery(QStringLiteral("is:service and name = svc-00?5"));
        QCOMPARE(bar->result(), QStringLiteral("10 of 5,001 nodes"));
        const auto &nodes = m_panel->scene()->graph()->nodes();
        for (size_t i = 0; i < nodes.size(); ++i) {
            auto *item = m_panel->scene()->nodeItem(QString::fromStdString(nodes[i].id));
            if (!item)
                continue; // app boxes
            const bool found = nodes[i].kind == GraphNodeKind::Service && nodes[i].label.size() == 8
                && nodes[i].label.rfind("svc-00", 0) == 0 && nodes[i].label.back() == '5';
            QVERIFY2(qFuzzyCompare(item->opacity(), found ? 1.0 : 0.18), nodes[i].id.c_str());
            QVERIFY(item->isVisible());
        }
        QVERIFY(test::compareWithGolden(test::settledGrab(*m_panel), QStringLiteral("graphfind_1k_highlight")).isEmpty());
    }

    // The gateway's 100 ingress edges are folded into its badge, and drawn
    // where the selection, the find bar or a click on the badge asks.
    void gatewayEdgesFoldUntilAsked()
    {
        GraphScene *scene = m_panel->scene();
        const MeshGraph &graph = *scene->graph();
        const auto shownTargets = [&] {
            std::vector<std::string> targets;
            for (const GraphEdge &edge : graph.edges()) {
                if (graph.nodes()[size_t(edge.from)].kind == GraphNodeKind::Gateway
                    && scene->edgeItem(QString::fromStdString(edge.id))->isVisible())
                    targets.push_back(graph.nodes()[size_t(edge.to)].label);
            }
            std::sort(targets.begin(), targets.end());
            return targets;
        };
        QCOMPARE(scene->fanOutBadges().size(), size_t(1));
        FanOutBadgeItem *badge = scene->fanOutBadges().front();
        QCOMPARE(badge->text(), QStringLiteral("100 routes \u25b8"));
        QVERIFY(shownTargets().empty());

        const int gateway = select("is:gateway").front();
        scene->selectNode(QString::fromStdString(graph.nodes()[size_t(gateway)].id));
        QCOMPARE(shownTargets().size(), size_t(100));
        const int service = select("is:service and name = svc-0250").front();
        scene->selectNode(QString::fromStdString(graph.nodes()[size_t(service)].id));
        QCOMPARE(shownTargets(), std::vector<std::string>{"svc-0250"});
        scene->clearSelection();
        QVERIFY(shownTargets().empty());

        m_panel->findBar()->setQuery(QStringLiteral("is:service and name = svc-00?0"));
        QCOMPARE(shownTargets().size(), size_t(9)); // svc-0010 ... svc-0090
        m_panel->findBar()->setQuery({});
        QVERIFY(shownTargets().empty());

        // A click on the badge, as a user makes it.
        m_panel->view()->reveal(badge->sceneBoundingRect());
        QTest::mouseClick(m_panel->view()->viewport(), Qt::LeftButton, {},
                          m_panel->view()->mapFromScene(badge->sceneBoundingRect().center()));
        QVERIFY(badge->isExpanded());
        QCOMPARE(badge->text(), QStringLiteral("\u25c2 fold 100 routes"));
        QCOMPARE(shownTargets().size(), size_t(100));
        scene->setFanOutExpanded(gateway, false);
        QVERIFY(shownTargets().empty());
        m_panel->fit();
    }

    // The overview shows while part of the graph is out of view; a click in
    // it moves the view there.
    void minimapFollowsTheView()
    {
        GraphMinimap *minimap = m_panel->minimap();
        m_panel->fit();
        QTRY_VERIFY(!minimap->isVisible()); // once the scroll bars have settled
        m_panel->view()->zoomBy(4);
        QTRY_VERIFY(minimap->isVisible());
        const QPointF before = m_panel->view()->mapToScene(m_panel->view()->viewport()->rect().center());
        QTest::mouseClick(minimap, Qt::LeftButton, {}, QPoint(minimap->width() - 10, minimap->height() - 10));
        const QPointF after = m_panel->view()->mapToScene(m_panel->view()->viewport()->rect().center());
        QVERIFY2(after.x() > before.x() && after.y() > before.y(),
                 qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
        m_panel->fit();
        QTRY_VERIFY(!minimap->isVisible()); // once the scroll bars have settled
    }

    void showOnlyAndHide()
    {
        GraphFindBar *bar = m_panel->findBar();
        bar->setMode(GraphFindBar::Mode::ShowOnly);
        bar->setQuery(QStringLiteral("app = svc-0042"));
        // The app box, its three versions and the service (meshgen labels it with its app).
        const size_t found = select("app = svc-0042").size();
        int shown = 0;
        for (const auto &node : m_panel->scene()->graph()->nodes()) {
            if (auto *item = m_panel->scene()->nodeItem(QString::fromStdString(node.id)); item && item->isVisible())
                ++shown;
        }
        QVERIFY(found >= 4);
        QCOMPARE(size_t(shown), found - 1); // every found node but the box (nodeItem() is for nodes, not boxes)

        bar->setMode(GraphFindBar::Mode::Hide);
        bar->setQuery(QStringLiteral("is:version"));
        for (const auto &node : m_panel->scene()->graph()->nodes()) {
            if (auto *item = m_panel->scene()->nodeItem(QString::fromStdString(node.id)))
                QCOMPARE(item->isVisible(), node.kind != GraphNodeKind::Version);
        }
    }

    void errorsAreShownNotApplied()
    {
        GraphFindBar *bar = m_panel->findBar();
        bar->setQuery(QStringLiteral("name = (svc"));
        QVERIFY2(bar->result().startsWith(QStringLiteral("column 8: ")), qPrintable(bar->result()));
        const auto &nodes = m_panel->scene()->graph()->nodes();
        for (const auto &node : nodes) {
            if (auto *item = m_panel->scene()->nodeItem(QString::fromStdString(node.id)))
                QVERIFY(item->isVisible() && item->opacity() == 1.0);
        }
    }

    // Focus on the gateway, one hop: it and the 100 services it routes to,
    // laid out on their own; off again: the whole graph.
    void focusLaysTheNeighbourhoodOutOnItsOwn()
    {
        GraphFindBar *bar = m_panel->findBar();
        bar->setHops(1);
        bar->setQuery(QStringLiteral("is:gateway"));
        bar->setFocusMode(true);
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), size_t(101));
        QCOMPARE(m_panel->scene()->graph()->edges().size(), size_t(100));
        QCOMPARE(m_panel->fullGraph()->nodes().size(), size_t(5001));

        bar->setHops(2); // and their boxes and versions
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), size_t(1 + 100 + 100 + 300));

        bar->setFocusMode(false);
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), size_t(5001));
    }

    // A service with an ingress route and a canary header route: it, the
    // gateway, its box and versions, laid out on their own and readable.
    void focusOnOneService()
    {
        GraphFindBar *bar = m_panel->findBar();
        bar->setHops(1);
        bar->setQuery(QStringLiteral("is:service name = svc-0040"));
        bar->setFocusMode(true);
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), size_t(6));
        QVERIFY(test::compareWithGolden(test::settledGrab(*m_panel), QStringLiteral("graphfind_1k_focus_service")).isEmpty());
    }

    // With nothing to find, focus starts from the selection.
    void focusOnTheSelection()
    {
        m_panel->scene()->selectNode(QStringLiteral("svc:svc-0010.default.svc.cluster.local"));
        GraphFindBar *bar = m_panel->findBar();
        bar->setHops(1);
        bar->setFocusMode(true);
        QVERIFY(settle());
        // The service, the gateway routing to it, its box and three versions.
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), size_t(6));
        bar->setFocusMode(false);
        QVERIFY(settle());
    }

    // Focus stays on for the next folder; with nothing there to focus on, all of it is shown.
    void anotherFolderWithNothingToFocusOn()
    {
        GraphPanel panel;
        panel.resize(600, 400);
        panel.show();
        panel.findBar()->setQuery(QStringLiteral("is:gateway"));
        panel.findBar()->setFocusMode(true);
        panel.setMesh(m_mesh);
        QVERIFY(QTest::qWaitFor([&] { return !panel.isBusy() && panel.scene()->graph(); }, 120'000));
        QCOMPARE(panel.scene()->graph()->nodes().size(), size_t(101));
        const MeshPtr greeter = ManifestLoader().loadFolder(test::samplePath("greeter").toStdString()).mesh;
        panel.resetView();
        panel.findBar()->setQuery(QStringLiteral("name = nothing-here"));
        panel.setMesh(greeter);
        QVERIFY(QTest::qWaitFor([&] { return !panel.isBusy() && panel.scene()->graph() == panel.fullGraph(); }, 60'000));
        QCOMPARE(panel.findBar()->result(), QStringLiteral("Select a node or find something to focus on"));
    }

    void cleanupTestCase() { m_panel.reset(); }

private:
    LanguageManager m_languages;
    QTemporaryDir m_folder;
    MeshPtr m_mesh;
    std::unique_ptr<GraphPanel> m_panel;
};

QTEST_MAIN(TestGraphFind)
#include "tst_graphfind.moc"
