// SPDX-License-Identifier: MIT
#include "base/backgroundjob.h"
#include "document/diskwatcher.h"
#include "document/document.h"
#include "document/mesheditcommand.h"
#include "load/manifestloader.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

// Swaps snapshots like every edit command will.
class SwapMeshCommand : public QUndoCommand
{
public:
    SwapMeshCommand(Document *document, MeshPtr after)
        : m_document(document), m_before(document->mesh()), m_after(std::move(after))
    {
    }
    void undo() override { m_document->setMesh(m_before); }
    void redo() override { m_document->setMesh(m_after); }

private:
    Document *m_document;
    MeshPtr m_before;
    MeshPtr m_after;
};

bool openAndWait(Document &document, const QString &folder)
{
    QSignalSpy loaded(&document, &Document::loaded);
    document.openFolder(folder);
    return loaded.wait(30'000);
}

std::vector<int64_t> greeterWeights(const Document &document)
{
    const HttpRoute &route = document.mesh()->findVirtualService("default", "greeter-service")->http.at(0);
    return {route.effectiveWeight(0), route.effectiveWeight(1)};
}

const RouteRef kGreeterRoute{"default", "greeter-service", 0};

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty()
    {
        Document document;
        QVERIFY(document.mesh());
        QVERIFY(document.mesh()->services.empty());
        QVERIFY(document.folder().isEmpty());
        QVERIFY(!document.isLoading());
        QVERIFY(!document.isModified());
    }

    void loadsOffTheGuiThread()
    {
        Document document;
        QSignalSpy started(&document, &Document::loadingStarted);
        QSignalSpy loaded(&document, &Document::loaded);
        QSignalSpy changed(&document, &Document::changed);
        document.openFolder(test::samplePath("bookinfo"));
        QCOMPARE(started.size(), 1);
        QVERIFY(document.isLoading());
        QVERIFY(loaded.isEmpty()); // the result arrives later, through the event loop
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!document.isLoading());
        QCOMPARE(document.mesh()->services.size(), size_t(4));
        QVERIFY(document.folder().endsWith(QStringLiteral("/bookinfo")));
        QVERIFY(document.loadDiagnostics().empty());
    }

    void newerOpenWins()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::samplePath("bookinfo"));
        document.openFolder(test::samplePath("account-service"));
        QVERIFY(QTest::qWaitFor([&document] { return !document.isLoading(); }, 30'000));
        QTest::qWait(50); // the superseded load must not arrive late
        QCOMPARE(loaded.size(), 1);
        QVERIFY(document.folder().endsWith(QStringLiteral("/account-service")));
        QCOMPARE(document.mesh()->services.front()->meta.name, std::string("account-service"));
    }

    // Cancel: the open folder stays as it was, unsaved edits included, and
    // the cancelled load never arrives.
    void cancellingALoadKeepsTheOpenFolder()
    {
        QTemporaryDir large;
        for (int i = 0; i < 2000; ++i) {
            QFile file(large.filePath(QStringLiteral("svc-%1.yaml").arg(i)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("apiVersion: v1\nkind: Service\nmetadata: {name: svc-%1}\n").arg(i).toUtf8());
        }
        Document document;
        QVERIFY(openAndWait(document, test::samplePath("greeter")));
        const QString greeter = document.folder();
        QVERIFY(document.setRouteWeights(kGreeterRoute, {30, 70}));
        const MeshPtr edited = document.mesh();

        QSignalSpy loaded(&document, &Document::loaded);
        QSignalSpy cancelled(&document, &Document::loadingCancelled);
        document.openFolder(large.path());
        QVERIFY(document.isLoading());
        QCOMPARE(document.loadingFolder(), QDir(large.path()).absolutePath());
        document.cancelLoading();
        QVERIFY(!document.isLoading());
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.front().front().toString(), QDir(large.path()).absolutePath());
        QVERIFY(document.loadingFolder().isEmpty());

        backgroundPool().waitForDone(); // the worker, stopped early or not
        QTest::qWait(50);                              // and its result, had it been delivered
        QVERIFY(loaded.isEmpty());
        QCOMPARE(document.folder(), greeter);
        QCOMPARE(document.mesh(), edited);
        QVERIFY(document.isModified());
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{30, 70}));
        document.cancelLoading(); // nothing to cancel: no second signal
        QCOMPARE(cancelled.size(), 1);
    }

    void diagnosticsComeSorted()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::testDataPath(QStringLiteral("gui/broken")));
        QVERIFY(loaded.wait(30'000));
        const Diagnostics &diagnostics = document.loadDiagnostics();
        QVERIFY(diagnostics.size() >= 2);
        Diagnostics sorted = diagnostics;
        sortDiagnostics(sorted);
        for (size_t i = 0; i < sorted.size(); ++i)
            QCOMPARE(diagnostics[i].toString(), sorted[i].toString());
    }

    void analysisFollowsTheLoad()
    {
        // The graph of a large folder starts building at loaded(); the
        // analyzer's findings join the loader's afterwards.
        Document document;
        QSignalSpy diagnostics(&document, &Document::diagnosticsChanged);
        QVERIFY(openAndWait(document, test::samplesDir(QStringLiteral("account-service"))));
        QVERIFY(document.isAnalyzing());
        QVERIFY(document.diagnostics().empty()); // the loader found nothing
        QVERIFY(QTest::qWaitFor([&] { return !document.isAnalyzing(); }, 30'000));
        QCOMPARE(diagnostics.count(), 2);
        QCOMPARE(document.diagnostics().size(), size_t(1));
        QCOMPARE(document.diagnostics()[0].code, std::string("IST0101"));
    }

    void undoRestoresTheSnapshot()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::samplePath("bookinfo"));
        QVERIFY(loaded.wait(30'000));
        const MeshPtr original = document.mesh();
        const MeshPtr other = ManifestLoader().loadFolder(test::samplePath("greeter").toStdString()).mesh;
        QSignalSpy changed(&document, &Document::changed);
        QSignalSpy modified(&document, &Document::modifiedChanged);

        document.undoStack()->push(new SwapMeshCommand(&document, other));
        QCOMPARE(document.mesh(), other);
        QVERIFY(document.isModified());
        QCOMPARE(modified.last().at(0).toBool(), true);
        document.undoStack()->undo();
        QCOMPARE(document.mesh(), original);
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(document.mesh(), other);
        QCOMPARE(changed.size(), 3);

        document.reload(); // a fresh load forgets the history
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
    }

    // The steps of one drag become one undo step holding the first `before`
    // and the last `after`; another drag, or a step without a drag id, does not merge.
    void dragStepsMerge()
    {
        Document document;
        QVERIFY(openAndWait(document, test::samplePath("greeter")));
        const MeshPtr original = document.mesh();
        QUndoStack *stack = document.undoStack();
        const int drag = Document::newDragId();
        QVERIFY(document.setRouteWeights(kGreeterRoute, {80, 20}, drag));
        QVERIFY(document.setRouteWeights(kGreeterRoute, {70, 30}, drag));
        QVERIFY(document.setRouteWeights(kGreeterRoute, {60, 40}, drag));
        QCOMPARE(stack->count(), 1);
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{60, 40}));
        const auto *command = static_cast<const MeshEditCommand *>(stack->command(0));
        QCOMPARE(command->before(), original);
        QCOMPARE(command->after(), document.mesh());
        QVERIFY(command->text().contains(QStringLiteral("v1 60, v2 40")));

        QVERIFY(document.setRouteWeights(kGreeterRoute, {50, 50}, Document::newDragId()));
        QVERIFY(document.setRouteWeights(kGreeterRoute, {40, 60}));
        QVERIFY(document.setRouteWeights(kGreeterRoute, {30, 70}));
        QCOMPARE(stack->count(), 4);
        stack->undo();
        stack->undo();
        stack->undo();
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{60, 40}));
        stack->undo();
        QCOMPARE(document.mesh(), original);
    }

    // A Gateway API rule's backendRef weights merge the steps of one drag
    // as a VirtualService route's do; adding and removing a backend are one
    // step each; undo gives back the very snapshot.
    void backendWeightStepsMerge()
    {
        Document document;
        QVERIFY(openAndWait(document, test::samplePath("bookinfo-gateway-api")));
        const MeshPtr original = document.mesh();
        QUndoStack *stack = document.undoStack();
        const GatewayRuleRef rule{"HTTPRoute", "bookinfo", "reviews", 0};
        const auto weights = [&document, &rule] {
            std::vector<int64_t> result;
            const std::optional<HttpRoute> backends = backendWeightsRoute(*document.mesh(), rule);
            for (const RouteDestination &backend : backends->route)
                result.push_back(backend.weight.value_or(-1));
            return result;
        };
        const int drag = Document::newDragId();
        QVERIFY(document.setBackendWeights(rule, {80, 20}, drag));
        QVERIFY(document.setBackendWeights(rule, {70, 30}, drag));
        QCOMPARE(stack->count(), 1);
        QCOMPARE(weights(), (std::vector<int64_t>{70, 30}));
        QVERIFY(document.setBackendWeights(rule, {60, 40})); // no drag id: its own step
        QCOMPARE(stack->count(), 2);

        QVERIFY(document.addBackendRef(rule, "reviews-v3"));
        QCOMPARE(weights(), (std::vector<int64_t>{60, 40, 0}));
        QVERIFY(document.removeBackendRef(rule, 0));
        QCOMPARE(weights(), (std::vector<int64_t>{40, 0}));
        QCOMPARE(stack->count(), 4);
        QVERIFY(!document.addBackendRef(rule, "no-such-service"));
        QVERIFY(!document.setBackendWeights(rule, {0, 0}));
        QCOMPARE(stack->count(), 4);
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(document.mesh(), original);
    }

    // Steps of one drag id merge only on the same route: a tcp route is not
    // the http route of the same index, and a Gateway API rule is neither.
    void mergeKeysNameTheirRoute()
    {
        const RouteRef http{"echo", "tcp-echo", 0};
        const RouteRef tcp{"echo", "tcp-echo", 0, "tcp"};
        const GatewayRuleRef rule{"HTTPRoute", "echo", "tcp-echo", 0};
        const GatewayRuleRef grpc{"GRPCRoute", "echo", "tcp-echo", 0};
        const auto key = [](MergeKey::Kind kind, const RouteRef &route, int dragId, const GatewayRuleRef &gatewayRule) {
            return MergeKey{kind, route, dragId, gatewayRule};
        };
        const MergeKey tcpStep = key(MergeKey::Kind::RouteWeights, tcp, 7, {});
        const MergeKey httpStep = key(MergeKey::Kind::RouteWeights, http, 7, {});
        QVERIFY(tcpStep.mergesWith(tcpStep));
        QVERIFY(!tcpStep.mergesWith(httpStep));
        const MergeKey ruleStep = key(MergeKey::Kind::BackendWeights, {}, 7, rule);
        const MergeKey grpcStep = key(MergeKey::Kind::BackendWeights, {}, 7, grpc);
        const MergeKey laterDrag = key(MergeKey::Kind::BackendWeights, {}, 8, rule);
        const MergeKey noDrag = key(MergeKey::Kind::BackendWeights, {}, 0, rule);
        QVERIFY(ruleStep.mergesWith(ruleStep));
        QVERIFY(!ruleStep.mergesWith(grpcStep));
        QVERIFY(!ruleStep.mergesWith(laterDrag));
        QVERIFY(!ruleStep.mergesWith(tcpStep));
        QVERIFY(!noDrag.mergesWith(noDrag));
    }

    // Drag steps computed off the GUI thread: a burst ends in the last
    // step's weights, as one undo step, and nothing runs on after.
    void requestedStepsCoalesce()
    {
        Document document;
        QVERIFY(openAndWait(document, test::samplePath("greeter")));
        document.setSynchronousDragLimit(0); // as on a large mesh
        QSignalSpy changed(&document, &Document::changed);
        QSignalSpy settled(&document, &Document::editsSettled);
        const int drag = Document::newDragId();
        for (int v2 = 11; v2 <= 60; ++v2)
            document.requestRouteWeights(kGreeterRoute, {100 - v2, v2}, drag);
        QVERIFY(document.isEditPending());
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{90, 10})); // nothing yet
        QVERIFY(settled.wait(10'000));
        QVERIFY(!document.isEditPending());
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{40, 60}));
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(changed.size() < 50); // steps that were overtaken were never computed
        QCOMPARE(settled.size(), 1);

        // A quick edit runs at once (the greeter's take well under the limit).
        document.setSynchronousDragLimit(1'000'000'000);
        document.requestRouteWeights(kGreeterRoute, {70, 30}, drag);
        QVERIFY(!document.isEditPending());
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{70, 30}));
        QCOMPARE(document.undoStack()->count(), 1); // still the same drag
    }

    // A step computed against a snapshot that an undo replaced meanwhile is
    // computed again: the newest snapshot is what it applies to.
    void requestedStepSurvivesAnUndo()
    {
        Document document;
        QVERIFY(openAndWait(document, test::testDataPath(QStringLiteral("gui/canary"))));
        document.setSynchronousDragLimit(0);
        Destination v2;
        v2.subset = "v2";
        const RouteRef everyone{"default", "shop", 1};
        QVERIFY(document.addDestination(everyone, v2, 0));
        const RouteRef testers{"default", "shop", 0};
        Destination v1;
        v1.subset = "v1";
        QVERIFY(document.addDestination(testers, v1, 0));
        document.requestRouteWeights(everyone, {30, 70}, Document::newDragId());
        document.undoStack()->undo(); // the testers' destination goes, while the step runs
        QSignalSpy settled(&document, &Document::editsSettled);
        QVERIFY(settled.wait(10'000));
        const VirtualService *vs = document.mesh()->findVirtualService("default", "shop");
        QCOMPARE(vs->http[0].route.size(), size_t(1)); // the undo stands
        QCOMPARE(vs->http[1].route[1].weight.value_or(-1), int64_t(70));
        QCOMPARE(document.undoStack()->count(), 2); // add v2, then the weights (the redo branch is gone)
    }

    // A drag that ends where it started leaves nothing to undo.
    void dragBackToTheStartLeavesNoStep()
    {
        Document document;
        QVERIFY(openAndWait(document, test::samplePath("greeter")));
        const int drag = Document::newDragId();
        QVERIFY(document.setRouteWeights(kGreeterRoute, {50, 50}, drag));
        QVERIFY(document.isModified());
        QVERIFY(document.setRouteWeights(kGreeterRoute, {90, 10}, drag));
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{90, 10}));
        // An edit to what is already there pushes nothing at all.
        QVERIFY(document.setRouteWeights(kGreeterRoute, {90, 10}));
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void refusedEditsChangeNothing()
    {
        Document document;
        QVERIFY(openAndWait(document, test::samplePath("greeter")));
        const MeshPtr original = document.mesh();
        QSignalSpy failed(&document, &Document::editFailed);
        QVERIFY(!document.setRouteWeights(kGreeterRoute, {50, 50, 0}));
        QVERIFY(!document.removeDestination(RouteRef{"default", "helloweb", 0}, 0)); // the last one
        QVERIFY(!document.moveRoute(kGreeterRoute, 3));
        QVERIFY(!document.createSubset("greeter-service.default.svc.cluster.local", "v1", {{"version", "v1"}}));
        QCOMPARE(failed.size(), 4);
        QVERIFY(failed.at(1).at(0).toString().startsWith(QStringLiteral("Cannot remove the destination: ")));
        QCOMPARE(document.mesh(), original);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void everyEditIsOneUndoStep()
    {
        Document document;
        QVERIFY(openAndWait(document, test::testDataPath(QStringLiteral("gui/canary"))));
        const MeshPtr original = document.mesh();
        const RouteRef everyone{"default", "shop", 1};
        Destination v2;
        v2.subset = "v2";
        MatchRule beta;
        beta.conditions.push_back({MatchCondition::Field::Header, "x-beta", StringMatch::Kind::Prefix, "on"});
        beta.destination.subset = "v2";
        Destination mirror;
        mirror.host = "shop";
        mirror.subset = "v2";
        QVERIFY(document.addDestination(everyone, v2, 10));
        QVERIFY(document.addVersionDestination(everyone, "shop.default.svc.cluster.local", "v3"));
        QVERIFY(document.removeDestination(everyone, 0));
        QVERIFY(document.setMirror(everyone, mirror, 5.0));
        QVERIFY(document.createSubset("shop.default.svc.cluster.local", "stable", {{"version", "v1"}}));
        QVERIFY(document.addMatchRoute(RouteRef{"default", "shop", 1}, beta));
        QVERIFY(document.moveRoute(RouteRef{"default", "shop", 0}, 2));
        QVERIFY(document.removeRoute(RouteRef{"default", "shop", 0}));
        QUndoStack *stack = document.undoStack();
        QCOMPARE(stack->count(), 8);
        const VirtualService *vs = document.mesh()->findVirtualService("default", "shop");
        QCOMPARE(vs->http.size(), size_t(2));
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(document.mesh(), original);
        QVERIFY(!document.isModified());
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(document.mesh()->findVirtualService("default", "shop")->http.size(), size_t(2));
    }

    // In place, the written text becomes what "unmodified" means; undoing
    // past it is a change again. Elsewhere, the folder stays the baseline.
    void exportMovesTheBaseline()
    {
        QTemporaryDir folder;
        QTemporaryDir elsewhere;
        QVERIFY(test::copyFolder(test::samplePath("greeter"), folder.path()));
        Document document;
        QVERIFY(openAndWait(document, folder.path()));
        QSignalSpy baseline(&document, &Document::diskMeshChanged);
        QVERIFY(document.setRouteWeights(kGreeterRoute, {50, 50}));
        QVERIFY(document.exportDiff().contains(QStringLiteral("-      weight: 90\n+      weight: 50\n")));

        Result<ExportSummary> report = document.exportTo(elsewhere.path());
        QVERIFY(report.ok());
        QVERIFY(document.isModified());
        QCOMPARE(baseline.size(), 0);

        report = document.exportTo();
        QVERIFY(report.ok());
        QCOMPARE(report->written, std::vector<std::string>{"routing.yaml"});
        QVERIFY(!document.isModified());
        QCOMPARE(baseline.size(), 1);
        QCOMPARE(document.diskMesh(), document.mesh());
        QVERIFY(document.exportDiff().isEmpty());
        QVERIFY(test::readFile(folder.filePath(QStringLiteral("routing.yaml"))).contains("weight: 50"));
        document.undoStack()->undo();
        QVERIFY(document.isModified());
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{90, 10}));
    }

    // Another program writes a file: without edits the document re-reads it
    // by itself; with edits it asks (once per state of the disk).
    void filesChangedOnDisk()
    {
        QTemporaryDir folder;
        QVERIFY(test::copyFolder(test::samplePath("greeter"), folder.path()));
        Document document;
        document.diskWatcher()->setQuietPeriod(20);
        QVERIFY(openAndWait(document, folder.path()));
        QSignalSpy loaded(&document, &Document::loaded);
        QSignalSpy asked(&document, &Document::changedOnDiskWhileModified);
        const QString routing = folder.filePath(QStringLiteral("routing.yaml"));
        const QByteArray original = test::readFile(routing);
        QTest::qWait(100); // the watcher starts on a worker thread

        auto write = [&routing](const QByteArray &text) {
            QFile file(routing);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
        };
        QVERIFY(write(QByteArray(original).replace("weight: 90", "weight: 70").replace("weight: 10", "weight: 30")));
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{70, 30}));
        QCOMPARE(asked.size(), 0);

        QTest::qWait(100);
        QVERIFY(document.setRouteWeights(kGreeterRoute, {50, 50}));
        QVERIFY(write(original));
        QVERIFY(asked.wait(10'000));
        QCOMPARE(loaded.size(), 1); // not reloaded: the edits are kept
        QCOMPARE(greeterWeights(document), (std::vector<int64_t>{50, 50}));
        // The export now refuses to overwrite what the other program wrote.
        const Result<ExportSummary> refused = document.exportTo();
        QVERIFY(!refused.ok());
        QCOMPARE(test::readFile(routing), original);

        // Our own export is not a change on disk.
        document.reload();
        QVERIFY(loaded.wait(10'000));
        QVERIFY(document.setRouteWeights(kGreeterRoute, {40, 60}));
        QVERIFY(document.exportTo().ok());
        QTest::qWait(300);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(loaded.size(), 2);
    }

    void diskFingerprintFollowsTheLoaderRules()
    {
        QTemporaryDir folder;
        QVERIFY(test::copyFolder(test::samplePath("greeter"), folder.path()));
        QDir(folder.path()).mkpath(QStringLiteral("sub/.hidden"));
        for (const char *name : {"sub/extra.yml", "sub/.hidden/skipped.yaml", "notes.txt", ".swap.yaml"}) {
            QFile file(folder.filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("kind: ConfigMap\n");
        }
        const DiskWatcher::DiskState state = DiskWatcher::readDisk(folder.path().toStdString());
        QStringList paths;
        for (const auto &entry : state.files)
            paths << QString::fromStdString(entry.first);
        QCOMPARE(paths, (QStringList{QStringLiteral("deployments.yaml"), QStringLiteral("egress.yaml"),
                                     QStringLiteral("gateway.yaml"), QStringLiteral("routing.yaml"),
                                     QStringLiteral("services.yaml"), QStringLiteral("sub/extra.yml")}));
        const MeshPtr mesh = ManifestLoader().loadFolder(folder.path().toStdString()).mesh;
        for (const auto &file : mesh->files)
            QCOMPARE(state.files.at(file->path), DiskWatcher::hashText(file->text));
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
