// SPDX-License-Identifier: MIT
#include "edit/meshedit.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphquery.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/namespaceboxitem.h"
#include "graph/namespacecollapse.h"
#include "load/manifestloader.h"
#include "shell/languagemanager.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"
#include "support/testdata.h"

#include <QSignalSpy>
#include <QTest>

using namespace meshlane;
using namespace meshlane::ui;

// Namespace boxes and collapsed namespaces on tests/data/graph/namespaces
// (istio-system's gateway in front of shop and pay; its README says more).
class TestGraphNamespaces : public QObject
{
    Q_OBJECT

private:
    bool settle() { return QTest::qWaitFor([this] { return !m_panel->isBusy() && m_panel->scene()->graph(); }, 60'000); }

    std::vector<std::string> boxNames() const
    {
        std::vector<std::string> names;
        for (const NamespaceBoxItem *box : m_panel->scene()->namespaceBoxes())
            names.push_back(box->ns());
        std::sort(names.begin(), names.end());
        return names;
    }

    int nodesIn(const std::string &ns) const
    {
        int count = 0;
        for (const GraphNode &node : m_panel->scene()->graph()->nodes())
            count += node.ns == ns ? 1 : 0;
        return count;
    }

    QPoint onView(const QPointF &scenePoint) const { return m_panel->view()->mapFromScene(scenePoint); }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_mesh = ManifestLoader().loadFolder(meshlane::test::testDataPath(std::string("graph/namespaces"))).mesh;
        m_panel = std::make_unique<GraphPanel>();
        m_panel->resize(1000, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_panel->setMesh(m_mesh);
        QVERIFY(settle());
        m_wholeNodes = m_panel->scene()->graph()->nodes().size();
    }

    void init()
    {
        m_panel->setMesh(m_mesh);
        m_panel->setNamespaceBoxes(true);
        m_panel->expandAllNamespaces();
        QVERIFY(settle());
        m_panel->scene()->clearSelection();
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), m_wholeNodes);
    }

    void boxesHoldTheirNamespaces()
    {
        QCOMPARE(boxNames(), (std::vector<std::string>{"istio-system", "pay", "shop"}));
        const MeshGraph &graph = *m_panel->scene()->graph();
        for (const NamespaceBoxItem *box : m_panel->scene()->namespaceBoxes()) {
            for (const GraphNode &node : graph.nodes()) {
                const GraphNodeItem *item = m_panel->scene()->nodeItem(QString::fromStdString(node.id));
                if (item && node.ns == box->ns())
                    QVERIFY2(box->sceneBoundingRect().contains(item->sceneBoundingRect()), node.id.c_str());
            }
        }
        QVERIFY(test::compareWithGolden(test::settledGrab(*m_panel), QStringLiteral("graph_namespaces_boxed")).isEmpty());
    }

    void aClickOnTheTitleCollapsesADoubleClickExpands()
    {
        const auto boxes = m_panel->scene()->namespaceBoxes();
        const auto shop = std::find_if(boxes.begin(), boxes.end(), [](const NamespaceBoxItem *box) { return box->ns() == "shop"; });
        QVERIFY(shop != boxes.end());
        const QRectF title = (*shop)->mapRectToScene((*shop)->titleRect());
        QTest::mouseClick(m_panel->view()->viewport(), Qt::LeftButton, {}, onView(title.center()));
        QVERIFY(settle());
        QCOMPARE(nodesIn("shop"), 1);
        const GraphNodeItem *folded = m_panel->scene()->nodeItem(QString::fromStdString(namespaceNodeId("shop")));
        QVERIFY(folded);
        QCOMPARE(folded->node().kind, GraphNodeKind::Namespace);
        QCOMPARE(folded->node().foldedServices, 3);
        QCOMPARE(boxNames(), (std::vector<std::string>{"istio-system", "pay"})); // the folded node is its own box
        QVERIFY(test::compareWithGolden(test::settledGrab(*m_panel), QStringLiteral("graph_namespaces_shop_collapsed"))
                    .isEmpty());

        QTest::mouseDClick(m_panel->view()->viewport(), Qt::LeftButton, {},
                           onView(folded->mapToScene(folded->shape().boundingRect().center())));
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), m_wholeNodes);
        QCOMPARE(boxNames(), (std::vector<std::string>{"istio-system", "pay", "shop"}));
    }

    void collapseAllLeavesOneNodePerNamespace()
    {
        m_panel->collapseAllNamespaces();
        QVERIFY(settle());
        const MeshGraph &graph = *m_panel->scene()->graph();
        QCOMPARE(graph.nodes().size(), size_t(3));
        QVERIFY(m_panel->scene()->namespaceBoxes().empty());
        // The gateway's two routes, payments' refund route and its mirror.
        QCOMPARE(graph.edges().size(), size_t(4));
        QVERIFY(graph.findNode("ns:shop")->broken()); // cart's missing subset is inside
        m_panel->expandAllNamespaces();
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->graph()->nodes().size(), m_wholeNodes);
    }

    // A share summed over several routes would mix unlike things: such an edge says how many it is.
    void mergedEdgesSayHowManyRoutes()
    {
        GraphEdge edge;
        edge.share = 0.5;
        QCOMPARE(m_panel->style().edgeLabel(edge), QStringLiteral("50%"));
        edge.merged = 3;
        QCOMPARE(m_panel->style().edgeLabel(edge), QStringLiteral("3 routes"));
        m_panel->collapseAllNamespaces();
        QVERIFY(settle());
        const MeshGraph &graph = *m_panel->scene()->graph();
        const GraphEdge &refund = graph.edges()[size_t(graph.edgeIndex("ns:pay > ns:shop"))];
        QVERIFY(m_panel->style().edgeToolTip(graph, refund).contains(QStringLiteral("When: header x-refund")));
        QCOMPARE(m_panel->style().nodeToolTip(*graph.findNode("ns:shop")),
                 QStringLiteral("Namespace shop, collapsed\n3 services\n7 pods\n1 node inside is broken\n"
                                "Double-click to expand it."));
    }

    void boxesCanBeTurnedOff()
    {
        m_panel->setNamespaceBoxes(false);
        QVERIFY(settle());
        QVERIFY(m_panel->scene()->namespaceBoxes().empty());
        m_panel->setNamespaceBoxes(true);
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->namespaceBoxes().size(), size_t(3));
    }

    // A weight edit inside a folded namespace changes nothing drawn: the
    // folded graph keeps its layout (no new layout is started).
    void editsKeepTheFoldedLayout()
    {
        m_panel->setNamespaceCollapsed(QStringLiteral("shop"), true);
        QVERIFY(settle());
        const auto before = m_panel->scene()->graph();
        QSignalSpy layouts(m_panel.get(), &GraphPanel::layoutStarted);
        const Result<MeshChange> cart = setRouteWeights(m_mesh, {"shop", "cart", 1}, {50, 50});
        QVERIFY2(cart.ok(), cart.ok() ? "" : cart.error().c_str());
        m_panel->setMesh(cart->mesh);
        QVERIFY(settle());
        QCOMPARE(layouts.count(), 0);
        QVERIFY(m_panel->scene()->graph() != before);
        QVERIFY(m_panel->scene()->graph()->sameTopology(*before));
        // One outside it is drawn: payments' split moves, still without a new layout.
        const Result<MeshChange> payments = setRouteWeights(cart->mesh, {"pay", "payments", 1}, {80, 20});
        QVERIFY(payments.ok());
        m_panel->setMesh(payments->mesh);
        QVERIFY(settle());
        QCOMPARE(layouts.count(), 0);
        const MeshGraph &graph = *m_panel->scene()->graph();
        const GraphEdge &v1 = graph.edges()[size_t(graph.edgeIndex("svc:payments.pay.svc.cluster.local > wl:pay/payments-v1"))];
        QCOMPARE(v1.share, 0.8);
    }

    // Find, focus and selection work on the folded graph: a folded namespace
    // is a node like the others.
    void findAndSelectionReachAFoldedNamespace()
    {
        m_panel->setNamespaceCollapsed(QStringLiteral("shop"), true);
        QVERIFY(settle());
        const std::vector<int> found = GraphQuery::parse("is:namespace")->select(*m_panel->fullGraph(), *m_mesh);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(m_panel->fullGraph()->nodes()[size_t(found.front())].id, std::string("ns:shop"));
        m_panel->selectResource({"Deployment", "shop", "cart-v1"});
        QCOMPARE(m_panel->scene()->selectedNodeId(), QStringLiteral("ns:shop"));
        m_panel->selectResource({"Deployment", "pay", "payments-v2"});
        QCOMPARE(m_panel->scene()->selectedNodeId(), QStringLiteral("wl:pay/payments-v2"));
    }

    void cleanupTestCase() { m_panel.reset(); }

private:
    LanguageManager m_languages;
    MeshPtr m_mesh;
    std::unique_ptr<GraphPanel> m_panel;
    size_t m_wholeNodes = 0;
};

QTEST_MAIN(TestGraphNamespaces)
#include "tst_graphnamespaces.moc"
