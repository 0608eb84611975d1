// SPDX-License-Identifier: MIT
// What an edge says about its traffic: TCP / TLS connections carry a tag and
// a hollow stroke; Gateway API routes draw from gateway nodes with their
// backendRef weights, mirrors dashed; a click on their edges selects the route.

#include "graph/graphedgeitem.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphstyle.h"
#include "load/manifestloader.h"
#include "shell/languagemanager.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kPanelSize(900, 420);

std::unique_ptr<GraphPanel> showSample(const char *sample)
{
    auto panel = std::make_unique<GraphPanel>();
    panel->resize(kPanelSize);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        return nullptr;
    QSignalSpy shown(panel.get(), &GraphPanel::graphShown);
    panel->setMesh(ManifestLoader().loadFolder(test::samplePath(sample).toStdString()).mesh);
    if (!shown.wait(30'000) || !QTest::qWaitFor([&panel] { return !panel->isBusy(); }, 30'000))
        return nullptr;
    return panel;
}

} // namespace

class TestGraphEdgeItem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en"))); // "2 pods", not "2 pod(s)"
    }

    // tcp-echo-shift: the gateway's tcp route to v1 and v2 reads "TCP 80%" and
    // "TCP 20%"; the Service's own (HTTP-less, VirtualService-less) split has no tag.
    void tcpEdgesCarryTheTag()
    {
        const std::unique_ptr<GraphPanel> panel = showSample("tcp-echo-shift");
        QVERIFY(panel);
        GraphScene *scene = panel->scene();
        GraphEdgeItem *v1 = scene->edgeItem(QStringLiteral("gw:echo/echo-gateway > wl:echo/tcp-echo-v1"));
        GraphEdgeItem *v2 = scene->edgeItem(QStringLiteral("gw:echo/echo-gateway > wl:echo/tcp-echo-v2"));
        QVERIFY(v1 && v2);
        QCOMPARE(v1->tag(), QStringLiteral("TCP"));
        QCOMPARE(v2->tag(), QStringLiteral("TCP"));
        QCOMPARE(panel->style().edgeLabel(v1->edge()), QStringLiteral("80%"));
        QCOMPARE(panel->style().edgeLabel(v2->edge()), QStringLiteral("20%"));
        // The tag sits just left of the label, inside what the item paints and hits.
        QVERIFY(!v1->tagRect().isEmpty());
        QVERIFY(v1->boundingRect().contains(v1->tagRect()));
        QVERIFY(v1->shape().contains(v1->tagRect().center()));
        QVERIFY(v1->edge().virtualService == "echo/tcp-echo");
        QVERIFY(panel->style().edgeToolTip(*scene->graph(), v1->edge()).contains(QStringLiteral("TCP connections")));
        int untagged = 0;
        for (QGraphicsItem *item : scene->items()) {
            if (auto *edge = dynamic_cast<GraphEdgeItem *>(item); edge && edge->edge().section == "http") {
                QVERIFY(edge->tag().isEmpty());
                ++untagged;
            }
        }
        QVERIFY(untagged > 0); // the Service's pod-count split
        // Crossing edges meet mid-way: the tagged badges move along their
        // path until no other label hides them.
        for (QGraphicsItem *item : scene->items()) {
            auto *edge = dynamic_cast<GraphEdgeItem *>(item);
            if (!edge || edge == v1 || edge == v2)
                continue;
            QVERIFY(!edge->badgeRect().intersects(v1->badgeRect()));
            QVERIFY(!edge->badgeRect().intersects(v2->badgeRect()));
        }
        const QString failure = test::compareWithGolden(test::settledGrab(*panel), QStringLiteral("graph_tcp_echo_shift"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void tlsEdgesCarryTheTag()
    {
        const std::unique_ptr<GraphPanel> panel = showSample("tls-passthrough");
        QVERIFY(panel);
        GraphEdgeItem *storefront = panel->scene()->edgeItem(QStringLiteral("gw:edge/edge-gateway > wl:edge/storefront-v1"));
        QVERIFY(storefront);
        QCOMPARE(storefront->tag(), QStringLiteral("TLS"));
    }

    // bookinfo-gateway-api: the Gateway API Gateway is a gateway node; the
    // mesh HTTPRoute's edges show the backendRef weights, carry no tag, and
    // a click on one selects the HTTPRoute.
    void gatewayApiRoutes()
    {
        const std::unique_ptr<GraphPanel> panel = showSample("bookinfo-gateway-api");
        QVERIFY(panel);
        GraphScene *scene = panel->scene();
        GraphNodeItem *gateway = scene->nodeItem(QStringLiteral("gw:bookinfo/bookinfo-gateway"));
        QVERIFY(gateway);
        QCOMPARE(int(gateway->node().kind), int(GraphNodeKind::Gateway));
        QCOMPARE(panel->style().subtitle(gateway->node()), QStringLiteral("gateway"));
        const QString reviews = QStringLiteral("svc:reviews.bookinfo.svc.cluster.local");
        GraphEdgeItem *v1 = scene->edgeItem(reviews + QStringLiteral(" > wl:bookinfo/reviews-v1"));
        GraphEdgeItem *v2 = scene->edgeItem(reviews + QStringLiteral(" > wl:bookinfo/reviews-v2"));
        QVERIFY(v1 && v2);
        QCOMPARE(panel->style().edgeLabel(v1->edge()), QStringLiteral("90%"));
        QCOMPARE(panel->style().edgeLabel(v2->edge()), QStringLiteral("10%"));
        QVERIFY(v1->tag().isEmpty());
        QCOMPARE(v1->strokeStyle(), Qt::SolidLine);
        QVERIFY(panel->style().edgeToolTip(*scene->graph(), v1->edge()).contains(QStringLiteral("HTTPRoute bookinfo/reviews")));

        QSignalSpy selected(panel.get(), &GraphPanel::virtualServiceSelected);
        scene->clearSelection();
        v2->setSelected(true);
        QVERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().front().toString(), QStringLiteral("HTTPRoute/bookinfo/reviews"));
    }

    // mesh-httproute: the RequestMirror filter is a mirror edge (drawn dashed).
    void gatewayApiMirrorIsAMirrorEdge()
    {
        const std::unique_ptr<GraphPanel> panel = showSample("mesh-httproute");
        QVERIFY(panel);
        GraphEdgeItem *mirror =
            panel->scene()->edgeItem(QStringLiteral("svc:checkout.shop.svc.cluster.local > wl:shop/checkout-v2 ~"));
        QVERIFY(mirror);
        QCOMPARE(int(mirror->edge().kind), int(GraphEdgeKind::Mirror));
        QCOMPARE(panel->style().edgeLabel(mirror->edge()), QStringLiteral("mirror 100%"));
        QCOMPARE(mirror->strokeStyle(), Qt::DashLine);
        QVERIFY(mirror->tag().isEmpty());
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestGraphEdgeItem)
#include "tst_graphedgeitem.moc"
