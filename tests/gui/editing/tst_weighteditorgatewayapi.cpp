// SPDX-License-Identifier: MIT
// The weight editor on Gateway API rules: samples/bookinfo-gateway-api's
// reviews HTTPRoute (a mesh route, 90/10 over per-version Services) chosen
// from the graph, its backendRef weights dragged, locked, distributed,
// backends added and removed, undone, and exported byte-minimal.
#include "editing/destinationrow.h"
#include "routing/routeresource.h"
#include "graph/graphedgeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "shell/languagemanager.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"
#include "yaml/markedtextview.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);
const QString kReviews = QStringLiteral("HTTPRoute/bookinfo/reviews");
const GatewayRuleRef kRule{"HTTPRoute", "bookinfo", "reviews", 0};
const QString kV2Edge = QStringLiteral("svc:reviews.bookinfo.svc.cluster.local > wl:bookinfo/reviews-v2");

std::vector<int64_t> backendWeights(const Mesh &mesh)
{
    std::vector<int64_t> weights;
    if (const std::optional<HttpRoute> route = backendWeightsRoute(mesh, kRule)) {
        for (const RouteDestination &backend : route->route)
            weights.push_back(backend.weight.value_or(-1));
    }
    return weights;
}

int markedLines(const YamlPane &pane)
{
    const auto &changed = pane.view()->changedLines();
    return int(std::count(changed.begin(), changed.end(), true));
}

QAction *menuAction(QMenu *menu, const QString &text)
{
    Q_EMIT menu->aboutToShow();
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

QStringList menuTexts(QMenu *menu)
{
    Q_EMIT menu->aboutToShow();
    QStringList texts;
    for (QAction *action : menu->actions())
        texts << action->text();
    return texts;
}

} // namespace

class TestWeightEditorGatewayApi : public QObject
{
    Q_OBJECT

private:
    MainWindow::Options options()
    {
        return {.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true,
                .selectOnOpen = false};
    }

    void open(MainWindow &window, const QString &folder)
    {
        window.resize(kWindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.openFolder(folder);
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(kReviews);
        QCOMPARE(test::weightEditor(window)->virtualService(), kReviews);
        QCOMPARE(test::yamlPane(window)->virtualService(), kReviews);
    }

    double v2Share(const MainWindow &window)
    {
        GraphEdgeItem *edge = window.graphPanel()->scene()->edgeItem(kV2Edge);
        return edge ? edge->edge().share : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // A click on one of the route's edges opens the HTTPRoute in the editor
    // and its file in the YAML pane, as a VirtualService's edge does.
    void graphClickChoosesTheHttpRoute()
    {
        MainWindow window(options());
        window.resize(kWindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(test::samplePath("bookinfo-gateway-api"));
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(test::weightEditor(window)->virtualService(), QString());
        GraphEdgeItem *edge = window.graphPanel()->scene()->edgeItem(kV2Edge);
        QVERIFY(edge);
        edge->setSelected(true);
        QCOMPARE(test::weightEditor(window)->virtualService(), kReviews);
        QCOMPARE(test::yamlPane(window)->virtualService(), kReviews);
        QCOMPARE(window.graphPanel()->scene()->selectedVirtualService(), kReviews);

        WeightEditor *editor = test::weightEditor(window);
        QCOMPARE(editor->virtualServiceChoice()->currentText(), QStringLiteral("HTTPRoute bookinfo/reviews"));
        QCOMPARE(editor->routeEditors().size(), size_t(1));
        RouteEditor *rule = test::routeEditor(window, 0);
        QVERIFY(rule->isGatewayRule());
        QCOMPARE(rule->titleLabel()->text(), QStringLiteral("Rule 1"));
        QCOMPARE(rule->matchLabel()->text(), QStringLiteral("all requests \u2192 reviews-v1, reviews-v2"));
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{90, 10}));
        // No mirror or match route controls: a Gateway API mirror is a filter, edited in the YAML.
        QVERIFY(!rule->mirrorTarget()->isVisibleTo(rule));
        QVERIFY(!editor->addRouteButton()->isVisibleTo(editor));
        QCOMPARE(rule->addButton()->text(), QStringLiteral("Add Backend"));

        const QString yaml = test::yamlPane(window)->text();
        QVERIFY(yaml.contains(QStringLiteral("kind: HTTPRoute\n")));
        QVERIFY(yaml.contains(QStringLiteral("name: reviews-v2\n")));
        QVERIFY(!yaml.contains(QStringLiteral("kind: VirtualService")));

        // The other HTTPRoute, picked in the combo: the ingress route and its gateway in the graph.
        QComboBox *choice = editor->virtualServiceChoice();
        const int ingress = choice->findText(QStringLiteral("HTTPRoute bookinfo/bookinfo"));
        QVERIFY(ingress >= 0);
        choice->setCurrentIndex(ingress);
        Q_EMIT choice->activated(ingress);
        QCOMPARE(window.graphPanel()->scene()->selectedVirtualService(), QStringLiteral("HTTPRoute/bookinfo/bookinfo"));
        QCOMPARE(test::yamlPane(window)->virtualService(), QStringLiteral("HTTPRoute/bookinfo/bookinfo"));
        rule = test::routeEditor(window, 0);
        QVERIFY(rule->matchLabel()->text().startsWith(QStringLiteral("uri = /productpage or uri path prefix /static")));
        QCOMPARE(test::shownWeights(*rule), std::vector<int>{100});
        QVERIFY(!rule->rows()[0]->slider()->isEnabled());
    }

    // The canary step by hand: reviews-v2 dragged from 10 to 50, one undo
    // step; the YAML marks the two weight lines, the graph follows; undo and
    // redo give back the texts exactly.
    void dragUndoRedo()
    {
        MainWindow window(options());
        open(window, test::samplePath("bookinfo-gateway-api"));
        RouteEditor *rule = test::routeEditor(window, 0);
        const QString originalYaml = test::yamlPane(window)->text();
        QCOMPARE(markedLines(*test::yamlPane(window)), 0);
        QUndoStack *undo = window.document()->undoStack();

        QSlider *v2 = rule->rows()[1]->slider();
        test::dragSlider(v2, {20, 30, 40, 50});
        QVERIFY(test::settled(window));
        QCOMPARE(v2->value(), 50);
        QCOMPARE(backendWeights(*window.document()->mesh()), (std::vector<int64_t>{50, 50}));
        QCOMPARE(undo->count(), 1); // four steps, one undo step
        QVERIFY(undo->undoText().startsWith(QStringLiteral("Set weights of HTTPRoute bookinfo/reviews rules[0]")));
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{50, 50}));
        const QString draggedYaml = test::yamlPane(window)->text();
        QCOMPARE(draggedYaml.count(QStringLiteral("weight: 50\n")), 2);
        QCOMPARE(markedLines(*test::yamlPane(window)), 2);
        QVERIFY(test::yamlPane(window)->findChild<QLabel *>()->text().contains(QStringLiteral("HTTPRoute bookinfo/reviews")));
        QVERIFY(window.document()->isModified());
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.5);
        const QString failure = test::compareWithGolden(test::editingDocksGrab(window), QStringLiteral("weighteditor_bookinfo_gatewayapi_drag"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(undo->index(), 0);
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{90, 10}));
        QCOMPARE(test::yamlPane(window)->text(), originalYaml);
        QCOMPARE(markedLines(*test::yamlPane(window)), 0);
        QVERIFY(!window.document()->isModified());
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.1);

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(test::yamlPane(window)->text(), draggedYaml);
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{50, 50}));
    }

    // Off the GUI thread (a large mesh) the steps still merge into one.
    void dragOffTheGuiThread()
    {
        MainWindow window(options());
        open(window, test::samplePath("bookinfo-gateway-api"));
        window.document()->setSynchronousDragLimit(0);
        RouteEditor *rule = test::routeEditor(window, 0);
        test::dragSlider(rule->rows()[1]->slider(), {25, 40, 60});
        QVERIFY(test::settled(window));
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{40, 60}));
        QCOMPARE(backendWeights(*window.document()->mesh()), (std::vector<int64_t>{40, 60}));
        QCOMPARE(window.document()->undoStack()->count(), 1);
    }

    // A third version joins from the add menu (a Service of the route's
    // namespace), the three are distributed, a lock holds one while another
    // is dragged, and a backend leaves; each an undo step.
    void addLockDistributeRemove()
    {
        MainWindow window(options());
        open(window, test::samplePath("bookinfo-gateway-api"));
        RouteEditor *rule = test::routeEditor(window, 0);
        const QStringList offered = menuTexts(rule->addMenu());
        QVERIFY(offered.contains(QStringLiteral("Service reviews-v3")));
        QVERIFY(offered.contains(QStringLiteral("Service ratings")));
        QVERIFY(!offered.contains(QStringLiteral("Service reviews-v1"))); // already a backend
        menuAction(rule->addMenu(), QStringLiteral("Service reviews-v3"))->trigger();
        rule = test::routeEditor(window, 0);
        QCOMPARE(rule->rows().size(), size_t(3));
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{90, 10, 0})); // joins at 0: the split holds
        QVERIFY(test::yamlPane(window)->text().contains(QStringLiteral("- name: reviews-v3\n      port: 9080\n      weight: 0\n")));

        rule->distributeButton()->click();
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{34, 33, 33}));
        QCOMPARE(backendWeights(*window.document()->mesh()), (std::vector<int64_t>{34, 33, 33}));

        rule->rows()[0]->lockButton()->click(); // reviews-v1 stays at 34
        QVERIFY(!rule->rows()[0]->slider()->isEnabled());
        test::dragSlider(rule->rows()[1]->slider(), {50, 60, 80});
        QVERIFY(test::settled(window));
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{34, 66, 0})); // clamped by the lock
        rule->rows()[2]->lockButton()->click();
        QVERIFY(!rule->distributeButton()->isEnabled()); // nothing left to take up a change
        rule->rows()[2]->lockButton()->click();

        const int steps = window.document()->undoStack()->index();
        rule->rows()[2]->removeButton()->click();
        rule = test::routeEditor(window, 0);
        QCOMPARE(rule->rows().size(), size_t(2));
        QCOMPARE(window.document()->undoStack()->index(), steps + 1);
        QVERIFY(!test::yamlPane(window)->text().contains(QStringLiteral("reviews-v3")));
        QVERIFY(rule->rows()[0]->isLocked()); // locks belong to the editor and survive edits

        // Back to the file as it was, one step at a time.
        while (window.document()->undoStack()->canUndo())
            window.document()->undoStack()->undo();
        QCOMPARE(test::shownWeights(*test::routeEditor(window, 0)), (std::vector<int>{90, 10}));
        QVERIFY(!window.document()->isModified());
    }

    // A finding about the HTTPRoute opens it in both docks with the line
    // flagged, as a finding about a VirtualService does.
    void findingOpensTheRoute()
    {
        MainWindow window(options());
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("bookinfo-gateway-api"));
        QVERIFY(test::waitUntilShown(window));
        const GatewayApiRoute *route = RouteResource::fromRef(kReviews.toStdString()).findGatewayApiRoute(*window.document()->mesh());
        QVERIFY(route);
        QCOMPARE(YamlPane::virtualServiceShowing(*window.document()->mesh(), route->meta.id()), kReviews);
        Diagnostic finding;
        finding.resource = route->meta.id();
        finding.location = route->rules[0].backendRefs[1].weightLocation;
        QVERIFY(window.editingDocks()->showFinding(finding));
        QCOMPARE(test::weightEditor(window)->virtualService(), kReviews);
        QCOMPARE(test::yamlPane(window)->virtualService(), kReviews);
        const int line = test::yamlPane(window)->revealField(finding.resource, finding.location);
        QCOMPARE(test::yamlPane(window)->text().split(u'\n').value(line).trimmed(), QStringLiteral("weight: 10"));
    }

    // A GRPCRoute rule is edited like an HTTPRoute's; its method match is
    // the path gRPC sends. TCPRoute (drawn, not routed) is not offered.
    void grpcRouteAndTcpRoute()
    {
        QTemporaryDir folder;
        QFile file(folder.filePath(QStringLiteral("rpc.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(apiVersion: v1
kind: Service
metadata: {name: greeter-v1, namespace: rpc}
spec: {selector: {app: greeter, version: v1}, ports: [{name: grpc, port: 50051}]}
---
apiVersion: v1
kind: Service
metadata: {name: greeter-v2, namespace: rpc}
spec: {selector: {app: greeter, version: v2}, ports: [{name: grpc, port: 50051}]}
---
apiVersion: v1
kind: Service
metadata: {name: greeter, namespace: rpc}
spec: {selector: {app: greeter}, ports: [{name: grpc, port: 50051}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: greeter, namespace: rpc}
spec:
  parentRefs: [{group: "", kind: Service, name: greeter, port: 50051}]
  rules:
  - matches: [{method: {service: helloworld.Greeter, method: SayHello}}]
    backendRefs: [{name: greeter-v1, port: 50051, weight: 70}, {name: greeter-v2, port: 50051, weight: 30}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: rpc}
spec:
  gatewayClassName: istio
  listeners: [{name: tcp, port: 5432, protocol: TCP}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: postgres, namespace: rpc}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules: [{backendRefs: [{name: greeter-v1, port: 50051, weight: 80}, {name: greeter-v2, port: 50051, weight: 20}]}]
)");
        file.close();
        MainWindow window(options());
        window.resize(kWindowSize);
        window.show();
        window.openFolder(folder.path());
        QVERIFY(test::waitUntilShown(window));
        WeightEditor *editor = test::weightEditor(window);
        QVERIFY(editor->virtualServiceChoice()->findText(QStringLiteral("GRPCRoute rpc/greeter")) >= 0);
        QVERIFY(editor->virtualServiceChoice()->findText(QStringLiteral("TCPRoute rpc/postgres")) >= 0);

        editor->setVirtualService(QStringLiteral("GRPCRoute/rpc/greeter"));
        QCOMPARE(editor->routeEditors().size(), size_t(1));
        RouteEditor *rule = test::routeEditor(window, 0);
        QCOMPARE(rule->matchLabel()->text(), QStringLiteral("uri = /helloworld.Greeter/SayHello \u2192 greeter-v1, greeter-v2"));
        QCOMPARE(test::shownWeights(*rule), (std::vector<int>{70, 30}));
        rule->rows()[1]->spinBox()->setValue(50);
        const GatewayRuleRef grpc{"GRPCRoute", "rpc", "greeter", 0};
        const std::optional<HttpRoute> backends = backendWeightsRoute(*window.document()->mesh(), grpc);
        QCOMPARE(backends->route[0].weight.value_or(-1), 50);
        QCOMPARE(backends->route[1].weight.value_or(-1), 50);

        // A TCPRoute is routed like a tcp route: its rule takes every connection, its weights are edited.
        editor->setVirtualService(QStringLiteral("TCPRoute/rpc/postgres"));
        QCOMPARE(editor->routeEditors().size(), size_t(1));
        RouteEditor *connections = test::routeEditor(window, 0);
        QCOMPARE(connections->matchLabel()->text(), QStringLiteral("all connections → greeter-v1, greeter-v2"));
        QCOMPARE(test::shownWeights(*connections), (std::vector<int>{80, 20}));
        connections->rows()[1]->spinBox()->setValue(50);
        // Edits right after another are coalesced: the document may take a moment.
        const auto tcpWeights = [&] {
            const std::optional<HttpRoute> tcp =
                backendWeightsRoute(*window.document()->mesh(), GatewayRuleRef{"TCPRoute", "rpc", "postgres", 0});
            return std::vector<int64_t>{tcp->route[0].weight.value_or(-1), tcp->route[1].weight.value_or(-1)};
        };
        QTRY_COMPARE(tcpWeights(), (std::vector<int64_t>{50, 50}));
    }

    // What the engine refuses reaches the user: the last backend cannot go.
    void lastBackendStays()
    {
        MainWindow window(options());
        open(window, test::samplePath("bookinfo-gateway-api"));
        QVERIFY(window.document()->removeBackendRef(kRule, 1));
        RouteEditor *rule = test::routeEditor(window, 0);
        QCOMPARE(rule->rows().size(), size_t(1));
        QVERIFY(!rule->rows()[0]->removeButton()->isEnabled());
        QVERIFY(!window.document()->removeBackendRef(kRule, 0));
        QVERIFY(test::weightEditor(window)->errorLabel()->text().startsWith(QStringLiteral("Cannot remove the backend: ")));
        QCOMPARE(window.document()->undoStack()->count(), 1);
    }

    // Export to another folder: only the two weight lines of the route's
    // file differ, byte for byte; every other file is copied as it was.
    void exportChangesOnlyTheWeights()
    {
        QTemporaryDir source;
        QTemporaryDir output;
        QVERIFY(test::copyFolder(test::samplePath("bookinfo-gateway-api"), source.path()));
        MainWindow window(options());
        open(window, source.path());
        test::dragSlider(test::routeEditor(window, 0)->rows()[1]->slider(), {30, 50});
        QVERIFY(test::settled(window));
        window.editingDocks()->setExportChooser([&](const QString &, const QString &) {
            return EditingDocks::ExportChoice{EditingDocks::ExportChoice::Action::ToFolder, output.path()};
        });
        QVERIFY(window.editingDocks()->exportFiles());
        QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString file = QDir(source.path()).relativeFilePath(it.next());
            ++files;
            const QByteArray before = test::readFile(source.filePath(file));
            const QByteArray after = test::readFile(output.filePath(file));
            if (file != QStringLiteral("reviews-route.yaml")) {
                QVERIFY2(before == after, qPrintable(file));
                continue;
            }
            const QList<QByteArray> oldLines = before.split('\n');
            const QList<QByteArray> newLines = after.split('\n');
            QCOMPARE(newLines.size(), oldLines.size());
            int differing = 0;
            for (qsizetype i = 0; i < oldLines.size(); ++i) {
                if (oldLines[i] == newLines[i])
                    continue;
                ++differing;
                QCOMPARE(oldLines[i].left(oldLines[i].indexOf("weight: ")), newLines[i].left(newLines[i].indexOf("weight: ")));
                QCOMPARE(newLines[i].trimmed(), QByteArray("weight: 50"));
            }
            QCOMPARE(differing, 2);
        }
        QVERIFY(files >= 5);
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestWeightEditorGatewayApi)
#include "tst_weighteditorgatewayapi.moc"
