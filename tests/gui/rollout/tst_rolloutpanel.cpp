// SPDX-License-Identifier: MIT
#include "document/document.h"
#include "rollout/rolloutpanel.h"
#include "rollout/rolloutstepeditor.h"
#include "shell/languagemanager.h"
#include "shell/simulationdocks.h"
#include "simulation/liveplotpanel.h"
#include "simulation/simulationrunner.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include "simulation/qcustomplotinclude.h"

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kSceneSize(1280, 560);

QStringList stepTexts(const RolloutPanel &panel)
{
    QStringList texts;
    for (int i = 0; i < panel.stepList()->count(); ++i)
        texts << panel.stepList()->item(i)->text();
    return texts;
}

std::string planText(const Document &document) { return document.mesh()->findFile("plan.yaml")->text; }

// The dock beside the Live Plot it plays into, at a fixed size: the picture
// the goldens hold.
struct Scene
{
    Document document;
    SimulationRunner runner{SimulationRunner::Options{.seed = 7, .startPaused = true}};
    QWidget window;
    LivePlotPanel *plot = new LivePlotPanel(&runner);
    RolloutPanel *panel = new RolloutPanel(&document);

    Scene()
    {
        auto *layout = new QHBoxLayout(&window);
        layout->addWidget(panel, 4);
        layout->addWidget(plot, 6);
        QObject::connect(panel, &RolloutPanel::rehearsed, plot, &LivePlotPanel::showRecording);
        panel->setPlaybackSeconds(0); // the whole picture at once (a playback is tested on its own)
        window.resize(kSceneSize);
    }

    bool open()
    {
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::samplePath("rollout-reviews"));
        if (!loaded.wait(30'000))
            return false;
        window.show();
        return QTest::qWaitForWindowExposed(&window);
    }

    bool rehearseWith(const QString &traffic)
    {
        if (!panel->selectTraffic(traffic))
            return false;
        QSignalSpy finished(panel, &RolloutPanel::rehearsalFinished);
        QTest::mouseClick(panel->rehearseButton(), Qt::LeftButton);
        return finished.wait(60'000) && panel->lastReport().has_value();
    }
};

} // namespace

class TestRolloutPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void showsThePlanOfTheFolder()
    {
        Scene scene;
        QVERIFY(scene.open());
        QCOMPARE(scene.panel->planBox()->count(), 1);
        QCOMPARE(scene.panel->planBox()->currentText(), QStringLiteral("default/reviews-v3"));
        const QStringList steps = stepTexts(*scene.panel);
        QCOMPARE(steps.size(), 9);
        QCOMPARE(steps[0], QStringLiteral("1. setHeaderRoute testers"));
        QCOMPARE(steps[2], QStringLiteral("3. setWeight 10"));
        QCOMPARE(steps[3], QStringLiteral("4. pause 300s"));
        // The folder's traffic mixes, and the CLI's default mix.
        QCOMPARE(scene.panel->trafficBox()->count(), 3);
        QCOMPARE(scene.panel->trafficBox()->itemText(0), QStringLiteral("traffic-faulty.traffic"));
        QCOMPARE(scene.panel->trafficBox()->itemText(1), QStringLiteral("traffic-healthy.traffic"));
    }

    // Each gesture is one Document edit: one undo step, only the step's bytes
    // change, undo gives the file back byte for byte.
    void editingStepsUndoAndRedo()
    {
        Scene scene;
        QVERIFY(scene.open());
        RolloutPanel &panel = *scene.panel;
        QUndoStack &undo = *scene.document.undoStack();
        const std::string original = planText(scene.document);

        panel.selectStep(2);
        QCOMPARE(panel.stepEditor()->weightBox()->value(), 10);
        panel.stepEditor()->weightBox()->setValue(20);
        Q_EMIT panel.stepEditor()->weightBox()->editingFinished();
        QCOMPARE(undo.count(), 1);
        QCOMPARE(stepTexts(panel)[2], QStringLiteral("3. setWeight 20"));
        std::string expected = original;
        expected.replace(expected.find("setWeight: 10"), 13, "setWeight: 20");
        QCOMPARE(planText(scene.document), expected);
        // Focus leaving without a change is no edit.
        Q_EMIT panel.stepEditor()->weightBox()->editingFinished();
        QCOMPARE(undo.count(), 1);

        // Add copies the selected step after it; up moves it before step 3.
        QTest::mouseClick(panel.addButton(), Qt::LeftButton);
        QCOMPARE(undo.count(), 2);
        QCOMPARE(stepTexts(panel).size(), 10);
        QCOMPARE(panel.stepList()->currentRow(), 3);
        QCOMPARE(stepTexts(panel)[3], QStringLiteral("4. setWeight 20"));
        panel.selectStep(4); // pause 300s
        QTest::mouseClick(panel.upButton(), Qt::LeftButton);
        QCOMPARE(undo.count(), 3);
        QCOMPARE(stepTexts(panel)[3], QStringLiteral("4. pause 300s"));
        QCOMPARE(panel.stepList()->currentRow(), 3);

        // Another kind in place: the pause becomes a mirror.
        panel.stepEditor()->kindBox()->setCurrentIndex(2);
        Q_EMIT panel.stepEditor()->kindBox()->activated(2);
        QCOMPARE(undo.count(), 4);
        QCOMPARE(stepTexts(panel)[3], QStringLiteral("4. setMirror 0%"));

        QTest::mouseClick(panel.removeButton(), Qt::LeftButton);
        QCOMPARE(undo.count(), 5);
        QCOMPARE(stepTexts(panel).size(), 9);

        // A refused value changes nothing and shows what is written.
        QSignalSpy refused(&scene.document, &Document::editFailed);
        panel.selectStep(1);
        panel.stepEditor()->kindBox()->setCurrentIndex(1);
        panel.stepEditor()->durationEdit()->setText(QStringLiteral("soon"));
        Q_EMIT panel.stepEditor()->durationEdit()->editingFinished();
        QCOMPARE(refused.count(), 1);
        QCOMPARE(undo.count(), 5);
        QCOMPARE(panel.stepEditor()->durationEdit()->text(), QStringLiteral("2m"));

        const QStringList edited = stepTexts(panel);
        const std::string editedText = planText(scene.document);
        while (undo.canUndo())
            undo.undo();
        QCOMPARE(planText(scene.document), original);
        QCOMPARE(stepTexts(panel)[2], QStringLiteral("3. setWeight 10"));
        QCOMPARE(stepTexts(panel).size(), 9);
        while (undo.canRedo())
            undo.redo();
        QCOMPARE(planText(scene.document), editedText);
        QCOMPARE(stepTexts(panel), edited);
    }

    // The healthy canary passes every gate and is promoted; the picture: the
    // steps, the outcome, the shares moving step by step to v3, the error
    // rate under its limit, every gate passed.
    void healthyMixPromotes()
    {
        Scene scene;
        QVERIFY(scene.open());
        QVERIFY(scene.rehearseWith(QStringLiteral("traffic-healthy.traffic")));
        const RehearsalReport &report = *scene.panel->lastReport();
        QCOMPARE(report.outcome, RehearsalReport::Outcome::Promoted);
        QVERIFY(scene.panel->outcomeLabel()->text().startsWith(QStringLiteral("Promoted at t=1020 s.")));
        QVERIFY(scene.plot->isShowingRecording());
        int failed = 0;
        int passed = 0;
        for (const RehearsalStep &step : report.steps) {
            for (const GateCheck &gate : step.gates) {
                failed += gate.verdict == GateCheck::Verdict::Fail;
                passed += gate.verdict == GateCheck::Verdict::Pass;
            }
        }
        QCOMPARE(failed, 0);
        QVERIFY(passed > 0);
        // The plot's v3 line ends on the last pause's observed share: the
        // testers' 10 % by their header route plus 60 % of the other 90 %,
        // 64 %; 6,000 requests make 3.5 points about five standard deviations.
        QCPGraph *v3 = nullptr;
        for (QCPGraph *graph : scene.plot->recordingGraphs()) {
            if (graph->name() == QStringLiteral("v3"))
                v3 = graph;
        }
        QVERIFY(v3);
        QVERIFY(std::abs((v3->data()->constEnd() - 1)->value - 64.0) < 3.5);
        // The time axis covers the rehearsal, 1020 s, with a small margin.
        QVERIFY(scene.plot->plot()->xAxis->range().upper >= 1020.0);
        QVERIFY(scene.plot->plot()->xAxis->range().upper < 1100.0);

        scene.panel->selectStep(6); // setWeight 60: its weights are previewed
        QVERIFY(scene.panel->stepDetails()->text().contains(QStringLiteral("weights v1 40 \u00b7 v3 60")));
        const QString difference =
            test::compareWithGolden(test::settledGrab(scene.window), QStringLiteral("rollout_promoted"));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // Stage Step makes a rehearsed step the document's state in one undoable
    // edit (the graph and the weight editor follow the document), and only
    // while no other edit would be overwritten.
    void stagingAStepMakesItTheDocumentsState()
    {
        Scene scene;
        QVERIFY(scene.open());
        const MeshPtr before = scene.document.mesh();
        QVERIFY(!scene.panel->stageButton()->isEnabled());
        QVERIFY(scene.rehearseWith(QStringLiteral("traffic-healthy.traffic")));
        const RehearsalReport &report = *scene.panel->lastReport();
        const auto stepMesh = [&](size_t index) {
            return std::find_if(report.steps.begin(), report.steps.end(),
                                [&](const RehearsalStep &step) { return step.index == index; })
                ->mesh;
        };

        scene.panel->selectStep(6); // setWeight 60
        QVERIFY(scene.panel->stageButton()->isEnabled());
        QTest::mouseClick(scene.panel->stageButton(), Qt::LeftButton);
        QVERIFY(Document::sameFiles(*scene.document.mesh(), *stepMesh(7)));
        QCOMPARE(scene.document.undoStack()->undoText(), QStringLiteral("Stage step 7 (setWeight 60)"));
        // Only the bytes the steps changed moved; the plan still holds, so another step can be staged.
        QVERIFY(scene.document.mesh()->findFile("plan.yaml") == before->findFile("plan.yaml"));
        scene.panel->selectStep(2); // setWeight 10, after the testers' header route
        QVERIFY(scene.panel->stageButton()->isEnabled());
        QTest::mouseClick(scene.panel->stageButton(), Qt::LeftButton);
        QVERIFY(Document::sameFiles(*scene.document.mesh(), *stepMesh(3)));

        scene.document.undoStack()->undo();
        scene.document.undoStack()->undo();
        QVERIFY(Document::sameFiles(*scene.document.mesh(), *before));
        // An edit the rehearsal did not see: staging would throw it away.
        QVERIFY(scene.document.createSubset("reviews.default.svc.cluster.local", "canary",
                                            Labels{{"version", "v2"}}));
        QVERIFY(!scene.panel->stageButton()->isEnabled());
    }

    // The faulty canary (8 % errors) rolls back at the first gate that sees
    // minRequests canary requests: the testers' header route sends it 2 req/s,
    // 120 in the first one-minute interval of step 2's pause.
    void faultyMixRollsBackAtTheFirstJudgedGate()
    {
        Scene scene;
        QVERIFY(scene.open());
        QVERIFY(scene.rehearseWith(QStringLiteral("traffic-faulty.traffic")));
        const RehearsalReport &report = *scene.panel->lastReport();
        QCOMPARE(report.outcome, RehearsalReport::Outcome::RolledBack);
        const GateCheck *firstJudged = nullptr;
        size_t firstJudgedStep = 0;
        for (const RehearsalStep &step : report.steps) {
            for (const GateCheck &gate : step.gates) {
                if (!firstJudged && gate.verdict != GateCheck::Verdict::None) {
                    firstJudged = &gate;
                    firstJudgedStep = step.index;
                }
            }
        }
        QVERIFY(firstJudged);
        QCOMPARE(firstJudged->verdict, GateCheck::Verdict::Fail);
        QCOMPARE(report.rolledBackAtStep, firstJudgedStep);
        QCOMPARE(report.rolledBackAtStep, size_t(2));
        QVERIFY(firstJudged->requests >= 100);
        const QString outcome = scene.panel->outcomeLabel()->text();
        QVERIFY2(outcome.startsWith(QStringLiteral("Rolled back at step 2 (t=60 s)")), qPrintable(outcome));
        QVERIFY(outcome.contains(QStringLiteral("canary requests")));
        QVERIFY(stepTexts(*scene.panel)[1].contains(QStringLiteral("rolled back here")));
        QVERIFY(scene.plot->isShowingRecording());

        scene.panel->selectStep(1);
        const QString difference =
            test::compareWithGolden(test::settledGrab(scene.window), QStringLiteral("rollout_rolledback"));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));

        // An edit of the plan makes the rehearsal stale, an undo current again.
        scene.panel->selectStep(2);
        scene.panel->stepEditor()->weightBox()->setValue(5);
        Q_EMIT scene.panel->stepEditor()->weightBox()->editingFinished();
        QVERIFY(scene.panel->outcomeLabel()->text().contains(QStringLiteral("The plan changed")));
        scene.document.undoStack()->undo();
        QVERIFY(!scene.panel->outcomeLabel()->text().contains(QStringLiteral("The plan changed")));
    }

    // Rehearse plays the result in simulated time: frames that grow from
    // t=0 to the whole rehearsal, ending on the complete picture.
    void rehearsalPlaysOverTime()
    {
        Scene scene;
        QVERIFY(scene.open());
        scene.panel->setPlaybackSeconds(0.8);
        QVERIFY(scene.panel->selectTraffic(QStringLiteral("traffic-healthy.traffic")));
        std::vector<PlotRecording> frames;
        QObject::connect(scene.panel, &RolloutPanel::rehearsed,
                         [&frames](const PlotRecording &frame) { frames.push_back(frame); });
        QSignalSpy finished(scene.panel, &RolloutPanel::rehearsalFinished);
        scene.panel->rehearse();
        QVERIFY(finished.wait(60'000));
        QVERIFY2(frames.size() >= 3, qPrintable(QString::number(frames.size())));
        const auto lastTime = [](const PlotRecording &frame) {
            return frame.series.empty() || frame.series[0].points.empty() ? 0.0 : frame.series[0].points.back().x();
        };
        for (size_t i = 1; i < frames.size(); ++i) {
            QVERIFY(lastTime(frames[i]) >= lastTime(frames[i - 1]));
            QVERIFY(frames[i].boundaries.size() >= frames[i - 1].boundaries.size());
        }
        QVERIFY(frames.front().boundaries.size() < frames.back().boundaries.size());
        QCOMPARE(lastTime(frames.back()), 1020.0);
        QCOMPARE(frames.back().boundaries.size(), size_t(5)); // steps 1, 3, 5, 7 and 9 + promote
        QCOMPARE(frames.back().marks.size(), size_t(17)); // pauses of 2 + 5 + 5 + 5 minutes, judged every minute
        QVERIFY(scene.plot->isShowingRecording());
    }

    // In the workbench: the dock shows for a folder with a plan and its
    // rehearsal plays in the window's Live Plot.
    void dockInTheWorkbench()
    {
        MainWindow window({.persistent = false,
                           .languages = &m_languages,
                           .simulationSeed = 3,
                           .simulationPaused = true,
                           .selectOnOpen = false});
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFolder(test::samplePath("rollout-reviews"));
        QVERIFY(test::waitUntilShown(window));
        RolloutPanel *panel = window.simulationDocks()->rolloutPanel();
        QVERIFY(panel);
        auto *dock = qobject_cast<QDockWidget *>(panel->parentWidget());
        QVERIFY(dock && !dock->isHidden());
        QCOMPARE(dock->windowTitle(), QStringLiteral("Rollout"));
        QVERIFY(panel->selectTraffic(QStringLiteral("traffic-healthy.traffic")));
        QSignalSpy finished(panel, &RolloutPanel::rehearsalFinished);
        panel->rehearse();
        QVERIFY(finished.wait(60'000));
        QVERIFY(window.simulationDocks()->livePlotPanel()->isShowingRecording());
        QVERIFY(!panel->outcomeLabel()->text().isEmpty());

        // Another folder: no plan, no outcome of the last one's.
        window.openFolder(test::samplePath("greeter"));
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(panel->planBox()->count(), 0);
        QCOMPARE(panel->stepList()->count(), 0);
        QVERIFY(panel->outcomeLabel()->text().isEmpty());
        QVERIFY(!panel->rehearseButton()->isEnabled());
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestRolloutPanel)
#include "tst_rolloutpanel.moc"
