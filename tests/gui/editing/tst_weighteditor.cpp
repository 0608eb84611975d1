// SPDX-License-Identifier: MIT
#include "editing/destinationrow.h"
#include "graph/graphedgeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "shell/languagemanager.h"
#include "shell/screenshotrunner.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"
#include "yaml/markedtextview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);
const QString kGreeter = QStringLiteral("default/greeter-service");
const QString kV2Edge = QStringLiteral("svc:greeter-service.default.svc.cluster.local > wl:default/greeter-service-v2");

std::vector<int64_t> weightsInMesh(const Mesh &mesh, const std::string &ns, const std::string &name, size_t route)
{
    std::vector<int64_t> weights;
    const HttpRoute &http = mesh.findVirtualService(ns, name)->http.at(route);
    for (size_t i = 0; i < http.route.size(); ++i)
        weights.push_back(http.effectiveWeight(i));
    return weights;
}

int weightLines(const QString &yaml, int weight)
{
    return int(yaml.count(QStringLiteral("weight: %1\n").arg(weight)));
}

int markedLines(const YamlPane &pane)
{
    const auto &changed = pane.view()->changedLines();
    return int(std::count(changed.begin(), changed.end(), true));
}

} // namespace

class TestWeightEditor : public QObject
{
    Q_OBJECT

private:
    // A shown window on `folder` with `vs` selected through the graph.
    void open(MainWindow &window, const QString &folder, const QString &vs)
    {
        window.resize(kWindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.openFolder(folder);
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(vs);
        QCOMPARE(test::weightEditor(window)->virtualService(), vs);
        QCOMPARE(test::yamlPane(window)->virtualService(), vs);
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

    void showsEveryRouteWithReadableMatches()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("bookinfo"), QStringLiteral("default/reviews"));
        const auto &editors = test::weightEditor(window)->routeEditors();
        QCOMPARE(editors.size(), size_t(2));
        QCOMPARE(editors[0]->matchLabel()->text(), QStringLiteral("header end-user = jason \u2192 v2"));
        QCOMPARE(editors[1]->matchLabel()->text(), QStringLiteral("all requests \u2192 v1"));
        // A lone destination gets everything: its weight cannot move and it cannot go.
        QCOMPARE(test::shownWeights(*editors[1]), std::vector<int>{100});
        QVERIFY(!editors[1]->rows()[0]->slider()->isEnabled());
        QVERIFY(!editors[1]->rows()[0]->removeButton()->isEnabled());
        // Picking another VirtualService in the combo selects it in the graph too.
        QComboBox *choice = test::weightEditor(window)->virtualServiceChoice();
        const int ratings = choice->findText(QStringLiteral("default/ratings"));
        QVERIFY(ratings >= 0);
        choice->setCurrentIndex(ratings);
        Q_EMIT choice->activated(ratings);
        QCOMPARE(window.graphPanel()->scene()->selectedVirtualService(), QStringLiteral("default/ratings"));
        QCOMPARE(test::yamlPane(window)->virtualService(), QStringLiteral("default/ratings"));
    }

    // The scene: greeter's 90/10 canary, v2 dragged to 50 with the
    // mouse. One undo step; YAML, graph and sliders follow; undo and redo
    // give back exactly the pictures before and after.
    void dragUndoRedoGreeter()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), kGreeter);
        RouteEditor *route = test::routeEditor(window, 0);
        QVERIFY(route);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{90, 10}));
        const QString originalYaml = test::yamlPane(window)->text();
        QCOMPARE(weightLines(originalYaml, 90), 1);
        QCOMPARE(weightLines(originalYaml, 10), 1);
        QCOMPARE(markedLines(*test::yamlPane(window)), 0);
        QUndoStack *undo = window.document()->undoStack();

        QSlider *v2 = route->rows()[1]->slider();
        test::dragSlider(v2, {20, 30, 40, 50});
        QVERIFY(test::settled(window));
        QCOMPARE(v2->value(), 50);
        QVERIFY(!route->isDragging());
        QCOMPARE(weightsInMesh(*window.document()->mesh(), "default", "greeter-service", 0), (std::vector<int64_t>{50, 50}));
        QCOMPARE(undo->count(), 1); // four steps, one undo step
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
        const QString draggedYaml = test::yamlPane(window)->text();
        QCOMPARE(weightLines(draggedYaml, 50), 2);
        QCOMPARE(weightLines(draggedYaml, 90), 0);
        QCOMPARE(markedLines(*test::yamlPane(window)), 2);
        QVERIFY(window.document()->isModified());
        QVERIFY(window.isWindowModified());
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.5);
        QString failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("weighteditor_greeter_drag"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(undo->index(), 0);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{90, 10}));
        QCOMPARE(test::yamlPane(window)->text(), originalYaml);
        QCOMPARE(markedLines(*test::yamlPane(window)), 0);
        QVERIFY(!window.document()->isModified());
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.1);
        failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("weighteditor_greeter_undo"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(undo->index(), 1);
        QCOMPARE(test::yamlPane(window)->text(), draggedYaml);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.5);
        failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("weighteditor_greeter_drag"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // From an even split, v2 dragged down to 10: the 90/10 canary. The text
    // is then what is on disk, so nothing counts as modified.
    void dragBackToTheFileIsNoChange()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), kGreeter);
        RouteEditor *route = test::routeEditor(window, 0);
        QSpinBox *v2Spin = route->rows()[1]->spinBox();
        v2Spin->setValue(50); // as typed and committed
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
        QVERIFY(window.document()->isModified());
        test::dragSlider(route->rows()[1]->slider(), {40, 25, 10});
        QVERIFY(test::settled(window));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{90, 10}));
        QCOMPARE(window.document()->undoStack()->count(), 2); // typing, then the drag
        QVERIFY(!window.document()->isModified());
        QCOMPARE(markedLines(*test::yamlPane(window)), 0);
        QVERIFY(test::yamlPane(window)->text().contains(QStringLiteral("weight: 90\n")));
    }

    // On a large mesh the steps are computed off the GUI thread: the slider
    // stays under the hand, and the drag still ends as one undo step.
    void dragOffTheGuiThread()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), kGreeter);
        window.document()->setSynchronousDragLimit(0);
        RouteEditor *route = test::routeEditor(window, 0);
        QSlider *v2 = route->rows()[1]->slider();
        QPoint at = test::sliderHandleCentre(*v2, v2->value());
        QTest::mousePress(v2, Qt::LeftButton, {}, at);
        for (const int value : {20, 35, 60}) {
            at = test::sliderHandleCentre(*v2, value);
            QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(v2->mapToGlobal(at)), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(v2, &move);
            QCOMPARE(v2->value(), value); // not pulled back by a refresh that is a step behind
            QCOMPARE(route->rows()[1]->spinBox()->value(), value);
        }
        QVERIFY(window.document()->isEditPending());
        QTest::mouseRelease(v2, Qt::LeftButton, {}, at);
        QVERIFY(test::settled(window));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{40, 60}));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QCOMPARE(weightLines(test::yamlPane(window)->text(), 60), 1);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.6);
    }

    void ctrlZRestoresWeightsAndYaml()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), kGreeter);
        RouteEditor *route = test::routeEditor(window, 0);
        const QString originalYaml = test::yamlPane(window)->text();
        const MeshPtr original = window.document()->mesh();

        route->rows()[0]->spinBox()->setValue(70);
        route->distributeButton()->click();
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
        QCOMPARE(window.document()->undoStack()->count(), 2);
        QCOMPARE(window.document()->undoStack()->undoText().left(12), QStringLiteral("Set weights "));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{70, 30}));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{90, 10}));
        QCOMPARE(test::yamlPane(window)->text(), originalYaml);
        QCOMPARE(window.document()->mesh(), original); // the very snapshot, not a copy
        QVERIFY(!window.document()->isModified());
    }

    // Locks hold a weight while others move; with only one unlocked
    // destination left nothing can move, so the sliders say so.
    void locksAreRespected()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("bookinfo"), QStringLiteral("default/reviews"));
        RouteEditor *route = test::routeEditor(window, 1);
        // Add v2 and v3 from the add menu: existing subsets of the host.
        for (const QString &subset : {QStringLiteral("Subset v2"), QStringLiteral("Subset v3")}) {
            Q_EMIT route->addMenu()->aboutToShow();
            QAction *add = nullptr;
            for (QAction *action : route->addMenu()->actions())
                add = action->text() == subset ? action : add;
            QVERIFY2(add, qPrintable(subset));
            add->trigger();
        }
        route = test::routeEditor(window, 1);
        QCOMPARE(route->rows().size(), size_t(3));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{100, 0, 0}));
        route->distributeButton()->click();
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{34, 33, 33}));

        route->rows()[0]->lockButton()->click(); // v1 stays at 34
        QVERIFY(route->rows()[0]->isLocked());
        QVERIFY(!route->rows()[0]->slider()->isEnabled());
        test::dragSlider(route->rows()[1]->slider(), {50, 60, 80});
        QVERIFY(test::settled(window));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{34, 66, 0})); // clamped: v1's 34 is held
        route->rows()[1]->spinBox()->setValue(20);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{34, 20, 46}));

        route->rows()[2]->lockButton()->click();
        QVERIFY(!route->rows()[1]->slider()->isEnabled()); // nothing left to take up a change
        QVERIFY(!route->distributeButton()->isEnabled());
        // Locks belong to the editor, not the file: they survive undo.
        window.document()->undoStack()->undo();
        QVERIFY(route->rows()[0]->isLocked());

        // Removing a destination shares its weight among the rest.
        const int steps = window.document()->undoStack()->index();
        route->rows()[2]->removeButton()->click();
        route = test::routeEditor(window, 1);
        QCOMPARE(route->rows().size(), size_t(2));
        int total = 0;
        for (int weight : test::shownWeights(*route))
            total += weight;
        QCOMPARE(total, 100);
        QCOMPARE(window.document()->undoStack()->index(), steps + 1);
    }

    // A version label with no subset: one click creates the subset in the
    // DestinationRule and adds it to the route, as one undo step.
    void addVersionCreatesTheSubset()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::testDataPath(QStringLiteral("gui/canary")), QStringLiteral("default/shop"));
        RouteEditor *route = test::routeEditor(window, 1);
        QCOMPARE(route->matchLabel()->text(), QStringLiteral("all requests \u2192 v1"));
        QCOMPARE(test::routeEditor(window, 0)->matchLabel()->text(), QStringLiteral("header x-tester = yes \u2192 v2"));
        Q_EMIT route->addMenu()->aboutToShow();
        QStringList offered;
        QAction *v3 = nullptr;
        for (QAction *action : route->addMenu()->actions()) {
            offered << action->text();
            if (action->text().startsWith(QStringLiteral("Version v3")))
                v3 = action;
        }
        QCOMPARE(offered, (QStringList{QStringLiteral("Subset v2"), QStringLiteral("Version v3 (creates subset v3)")}));
        v3->trigger();
        Document *document = window.document();
        QCOMPARE(document->undoStack()->count(), 1);
        QVERIFY(document->mesh()->findSubset("shop.default.svc.cluster.local", "v3"));
        route = test::routeEditor(window, 1);
        QCOMPARE(route->rows().size(), size_t(2));
        QVERIFY(test::yamlPane(window)->text().contains(QStringLiteral("- labels:\n      version: v3\n    name: v3\n")));
        document->undoStack()->undo();
        QVERIFY(!document->mesh()->findSubset("shop.default.svc.cluster.local", "v3"));
        QCOMPARE(test::routeEditor(window, 1)->rows().size(), size_t(1));
        QVERIFY(!document->isModified());
    }

    void routesMoveAndGo()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::testDataPath(QStringLiteral("gui/canary")), QStringLiteral("default/shop"));
        RouteEditor *first = test::routeEditor(window, 0);
        QToolButton *up = nullptr;
        QToolButton *down = nullptr;
        QToolButton *remove = nullptr;
        for (QToolButton *button : first->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly)) {
            if (button->toolTip().startsWith(QStringLiteral("Move this route up")))
                up = button;
            else if (button->toolTip() == QStringLiteral("Move this route down"))
                down = button;
            else if (button->toolTip() == QStringLiteral("Remove this route"))
                remove = button;
        }
        QVERIFY(up && down && remove);
        QVERIFY(!up->isEnabled());
        down->click();
        const VirtualService *vs = window.document()->mesh()->findVirtualService("default", "shop");
        QCOMPARE(vs->http[0].name, std::string("everyone"));
        QCOMPARE(test::routeEditor(window, 0)->matchLabel()->text(), QStringLiteral("all requests \u2192 v1"));
        remove->click(); // the editor at index 0 now shows the catch-all
        vs = window.document()->mesh()->findVirtualService("default", "shop");
        QCOMPARE(vs->http.size(), size_t(1));
        QCOMPARE(vs->http[0].name, std::string("testers"));
        QTRY_COMPARE(test::weightEditor(window)->routeEditors().size(), size_t(1));
        window.document()->undoStack()->undo();
        window.document()->undoStack()->undo();
        QVERIFY(!window.document()->isModified());
    }

    void mirrorTargetAndPercentage()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("httpbin-mirror"), QStringLiteral("default/httpbin"));
        RouteEditor *route = test::routeEditor(window, 0);
        QComboBox *target = route->mirrorTarget();
        QDoubleSpinBox *percentage = route->mirrorPercentage();
        QCOMPARE(target->currentText(), QStringLiteral("v2"));
        QCOMPARE(percentage->value(), 100.0);
        percentage->setValue(25.5);
        const HttpRoute *http = &window.document()->mesh()->findVirtualService("default", "httpbin")->http[0];
        QCOMPARE(http->mirrorPercentage.value_or(-1), 25.5);
        QVERIFY(test::yamlPane(window)->text().contains(QStringLiteral("value: 25.5")));

        const int none = target->findText(QStringLiteral("No mirror"));
        target->setCurrentIndex(none);
        Q_EMIT target->activated(none);
        http = &window.document()->mesh()->findVirtualService("default", "httpbin")->http[0];
        QVERIFY(!http->mirror);
        QVERIFY(!percentage->isEnabled());
        QVERIFY(!test::yamlPane(window)->text().contains(QStringLiteral("mirror")));

        window.document()->undoStack()->undo();
        window.document()->undoStack()->undo();
        QCOMPARE(route->mirrorTarget()->currentText(), QStringLiteral("v2"));
        QCOMPARE(route->mirrorPercentage()->value(), 100.0);
        QVERIFY(!window.document()->isModified());
    }

    // What the core refuses reaches the user, and nothing changes.
    void refusedEditsAreShown()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), kGreeter);
        QSignalSpy failed(window.document(), &Document::editFailed);
        QVERIFY(!window.document()->setRouteWeights(RouteRef{"default", "greeter-service", 7}, {50, 50}));
        QCOMPARE(failed.size(), 1);
        QVERIFY(test::weightEditor(window)->errorLabel()->isVisibleTo(test::weightEditor(window)));
        QVERIFY(test::weightEditor(window)->errorLabel()->text().startsWith(QStringLiteral("Cannot set the weights: ")));
        QCOMPARE(window.document()->undoStack()->count(), 0);
        // The next successful edit clears the message.
        test::routeEditor(window, 0)->rows()[0]->spinBox()->setValue(80);
        QVERIFY(!test::weightEditor(window)->errorLabel()->isVisibleTo(test::weightEditor(window)));
    }

    void koreanEditor()
    {
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), kGreeter);
        test::routeEditor(window, 0)->rows()[1]->spinBox()->setValue(25);
        RouteEditor *route = test::routeEditor(window, 0);
        QCOMPARE(route->matchLabel()->text(), QStringLiteral("\ubaa8\ub4e0 \uc694\uccad \u2192 v1, v2")); // 모든 요청 → v1, v2
        QCOMPARE(route->distributeButton()->text(), QStringLiteral("\uade0\ub4f1 \ubd84\ubc30")); // 균등 분배
        QVERIFY(test::waitUntilShown(window));
        const QString failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("weighteditor_greeter_ko"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // Switching back retranslates the editor in place.
        QTRY_COMPARE(test::routeEditor(window, 0)->distributeButton()->text(), QStringLiteral("Distribute Evenly"));
        QCOMPARE(test::routeEditor(window, 0)->matchLabel()->text(), QStringLiteral("all requests \u2192 v1, v2"));
    }

    // --set-weights acts like a drag on the first route with several
    // destinations; the picture shows the new split.
    void screenshotSetsWeights()
    {
        QTemporaryDir output;
        ScreenshotRunner::Request request;
        request.folder = test::samplePath("greeter");
        request.output = output.filePath(QStringLiteral("shot.png"));
        request.size = kWindowSize;
        request.selectVirtualService = kGreeter;
        request.setWeights = QStringLiteral("v2=50");
        QString error;
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 0);
        // The same picture the test above takes after dragging v2 to 50 by hand.
        if (qEnvironmentVariableIntValue("MESHLANE_UPDATE_GOLDENS") != 1) { // that test writes the golden
            const QString failure = test::compareWithGolden(QImage(request.output), QStringLiteral("weighteditor_greeter_drag"));
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }

        request.setWeights = QStringLiteral("v9=50");
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 64);
        QVERIFY2(error.contains(QStringLiteral("no destination 'v9'")), qPrintable(error));
        request.setWeights = QStringLiteral("v2=50");
        request.selectVirtualService = QStringLiteral("default/helloweb"); // one destination only
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 64);
        QVERIFY(error.contains(QStringLiteral("no route with several destinations")));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestWeightEditor)
#include "tst_weighteditor.moc"
