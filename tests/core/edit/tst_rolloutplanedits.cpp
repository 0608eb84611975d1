// SPDX-License-Identifier: MIT
#include "edit/rolloutplanedits.h"
#include "load/manifestloader.h"
#include "rollout/rolloutplan.h"
#include "support/editingsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace meshlane;

namespace {

const RolloutPlanRef kPlan{"default", "reviews-v3"};

MeshPtr sample() { return ManifestLoader().loadFolder(editingtest::samplesDir() + "/rollout-reviews").mesh; }

MeshPtr folderWith(const QTemporaryDir &dir, const std::string &planText)
{
    editingtest::writeFile(dir.path().toStdString() + "/plan.yaml", planText);
    return ManifestLoader().loadFolder(dir.path().toStdString()).mesh;
}

std::map<std::string, std::string> texts(const Mesh &mesh)
{
    std::map<std::string, std::string> result;
    for (const auto &file : mesh.files)
        result[file->path] = file->text;
    return result;
}

const RolloutPlan &planOf(const MeshPtr &mesh)
{
    const RolloutPlanResource *resource = findRolloutPlan(*mesh, kPlan);
    if (!resource || !resource->plan)
        qFatal("no readable plan default/reviews-v3");
    return *resource->plan;
}

std::string planText(const MeshPtr &mesh) { return mesh->findFile("plan.yaml")->text; }

// Every operation must be undoable byte for byte through its inverse edits,
// and must leave the other files alone.
void verifyInverse(const MeshPtr &before, const Result<MeshChange> &result)
{
    QVERIFY2(result.ok(), result.error().c_str());
    const Result<MeshChange> undone = applyEdits(result->mesh, result->inverse);
    QVERIFY2(undone.ok(), undone.error().c_str());
    QVERIFY(texts(*undone->mesh) == texts(*before));
    QVERIFY(!result->description.empty());
    for (const TextEdit &edit : result->edits)
        QCOMPARE(edit.file, std::string("plan.yaml"));
}

RolloutStep weight(int value)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.weight = value;
    return step;
}

RolloutStep pause(std::optional<double> seconds)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::Pause;
    step.pauseSeconds = seconds;
    return step;
}

RolloutStep mirror(double percent)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetMirror;
    step.mirrorPercent = percent;
    return step;
}

std::vector<std::string> described(const RolloutPlan &plan)
{
    std::vector<std::string> list;
    for (const RolloutStep &step : plan.steps)
        list.push_back(step.describe());
    return list;
}

} // namespace

class TestRolloutPlanEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thePlanIsAResourceOfTheMesh()
    {
        const MeshPtr mesh = sample();
        QCOMPARE(mesh->rolloutPlans.size(), size_t(1));
        const RolloutPlanResource &resource = *mesh->rolloutPlans.front();
        QCOMPARE(resource.meta.kind, std::string("RolloutPlan"));
        QCOMPARE(resource.meta.location.file, std::string("plan.yaml"));
        QVERIFY(resource.error.empty());
        QCOMPARE(planOf(mesh).steps.size(), size_t(9));
        QCOMPARE(planOf(mesh).steps[2].line, 13); // the file's lines, comments included
        for (const ResourceMeta &other : mesh->otherResources)
            QVERIFY(other.kind != "RolloutPlan");
    }

    void anUnreadablePlanLoadsWithItsError()
    {
        QTemporaryDir dir;
        const MeshPtr mesh = folderWith(dir,
                                        "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\n"
                                        "metadata: {name: p}\nspec:\n  route: {virtualService: default/r}\n"
                                        "  stable: v1\n  canary: v2\n  steps:\n    - setWeight: 150\n");
        const LoadResult loaded = ManifestLoader().loadFolder(dir.path().toStdString());
        QCOMPARE(mesh->rolloutPlans.size(), size_t(1));
        QVERIFY(!mesh->rolloutPlans.front()->plan);
        QCOMPARE(mesh->rolloutPlans.front()->error,
                 std::string("plan.yaml:9: setWeight must be a number from 0 to 100"));
        const auto finding = std::find_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                                          [](const Diagnostic &d) { return d.code == codes::SchemaError; });
        QVERIFY(finding != loaded.diagnostics.end());
        QCOMPARE(finding->location.line, 9);
        QCOMPARE(finding->resource.name, std::string("p"));
        // No edit of an unreadable plan.
        const Result<MeshChange> refused = setRolloutStep(mesh, {"default", "p"}, 0, weight(10));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().find("does not read") != std::string::npos);
    }

    void setWeightMovesOnlyItsDigits()
    {
        const MeshPtr mesh = sample();
        const Result<MeshChange> result = setRolloutStep(mesh, kPlan, 2, weight(20));
        verifyInverse(mesh, result);
        QCOMPARE(result->edits.size(), size_t(1));
        QCOMPARE(result->edits[0].replacement, std::string("20"));
        QCOMPARE(result->edits[0].length, size_t(2));
        QCOMPARE(planOf(result->mesh).steps[2].weight, 20);
        std::string expected = planText(mesh);
        expected.replace(expected.find("setWeight: 10"), 13, "setWeight: 20");
        QCOMPARE(planText(result->mesh), expected);
        // Files the edit did not touch are shared, not copied.
        QCOMPARE(result->mesh->findFile("services.yaml"), mesh->findFile("services.yaml"));
    }

    void setPauseKeepsTheFlowMapping()
    {
        const MeshPtr mesh = sample();
        const Result<MeshChange> result = setRolloutStep(mesh, kPlan, 3, pause(90));
        verifyInverse(mesh, result);
        std::string expected = planText(mesh);
        const size_t at = expected.find("pause: {duration: 5m}");
        expected.replace(at, 21, "pause: {duration: 90s}");
        QCOMPARE(planText(result->mesh), expected);
        QCOMPARE(*planOf(result->mesh).steps[3].pauseSeconds, 90.0);

        const Result<MeshChange> manual = setRolloutStep(result->mesh, kPlan, 3, pause(std::nullopt));
        verifyInverse(result->mesh, manual);
        QVERIFY(!planOf(manual->mesh).steps[3].pauseSeconds);
        QCOMPARE(planOf(manual->mesh).steps[3].describe(), std::string("pause until promoted"));
        QVERIFY(planText(manual->mesh).find("    - pause: {}\n") != std::string::npos);

        const Result<MeshChange> timed = setRolloutStep(manual->mesh, kPlan, 3, pause(600));
        verifyInverse(manual->mesh, timed);
        QCOMPARE(*planOf(timed->mesh).steps[3].pauseSeconds, 600.0);
        QVERIFY(planText(timed->mesh).find("    - pause: {duration: 10m}\n") != std::string::npos);
    }

    void setAnotherKindRewritesTheStepInPlace()
    {
        const MeshPtr mesh = sample();
        const Result<MeshChange> result = setRolloutStep(mesh, kPlan, 2, mirror(20));
        verifyInverse(mesh, result);
        const RolloutPlan &plan = planOf(result->mesh);
        QCOMPARE(plan.steps.size(), size_t(9));
        QCOMPARE(plan.steps[2].describe(), std::string("setMirror 20%"));
        QCOMPARE(plan.steps[3].describe(), std::string("pause 300s"));
        std::string expected = planText(mesh);
        const size_t at = expected.find("    - setWeight: 10\n");
        QVERIFY(planText(result->mesh).find("    - setMirror:") == at);
        // Everything before and after the step is byte-identical.
        const size_t after = at + std::string("    - setWeight: 10\n").size();
        const std::string text = planText(result->mesh);
        QCOMPARE(text.substr(0, at), expected.substr(0, at));
        QVERIFY(text.size() > at);
        QCOMPARE(text.substr(text.size() - (expected.size() - after)), expected.substr(after));
    }

    void addInsertsOneLine()
    {
        const MeshPtr mesh = sample();
        const Result<MeshChange> result = addRolloutStep(mesh, kPlan, 2, weight(5));
        verifyInverse(mesh, result);
        std::string expected = planText(mesh);
        expected.insert(expected.find("    - setWeight: 10\n"), "    - setWeight: 5\n");
        QCOMPARE(planText(result->mesh), expected);
        QCOMPARE(planOf(result->mesh).steps.size(), size_t(10));

        const Result<MeshChange> appended = addRolloutStep(result->mesh, kPlan, 10, pause(std::nullopt));
        verifyInverse(result->mesh, appended);
        QCOMPARE(planOf(appended->mesh).steps.back().describe(), std::string("pause until promoted"));
    }

    void removeTakesTheStepsLine()
    {
        const MeshPtr mesh = sample();
        const Result<MeshChange> result = removeRolloutStep(mesh, kPlan, 1);
        verifyInverse(mesh, result);
        std::string expected = planText(mesh);
        expected.erase(expected.find("    - pause: {duration: 2m}\n"), 28);
        QCOMPARE(planText(result->mesh), expected);
        QCOMPARE(planOf(result->mesh).steps.size(), size_t(8));
    }

    void moveReorders()
    {
        const MeshPtr mesh = sample();
        const Result<MeshChange> result = moveRolloutStep(mesh, kPlan, 4, 2); // setWeight 30 before setWeight 10
        verifyInverse(mesh, result);
        const std::vector<std::string> steps = described(planOf(result->mesh));
        QCOMPARE(steps[2], std::string("setWeight 30"));
        QCOMPARE(steps[3], std::string("setWeight 10"));
        QCOMPARE(steps[4], std::string("pause 300s"));
        QCOMPARE(planText(result->mesh).size(), planText(mesh).size());
    }

    void refusals()
    {
        const MeshPtr mesh = sample();
        QVERIFY(!setRolloutStep(mesh, kPlan, 2, weight(150)).ok());
        QVERIFY(!setRolloutStep(mesh, kPlan, 9, weight(10)).ok());
        QVERIFY(!setRolloutStep(mesh, {"default", "nope"}, 0, weight(10)).ok());
        QVERIFY(!setRolloutStep(mesh, kPlan, 1, pause(0)).ok());
        QVERIFY(!setRolloutStep(mesh, kPlan, 2, mirror(101)).ok());
        QVERIFY(!addRolloutStep(mesh, kPlan, 11, weight(10)).ok());
        QVERIFY(!moveRolloutStep(mesh, kPlan, 0, 9).ok());
        RolloutStep unnamed;
        unnamed.kind = RolloutStep::Kind::SetHeaderRoute;
        QVERIFY(!addRolloutStep(mesh, kPlan, 0, unnamed).ok());

        QTemporaryDir dir;
        const MeshPtr single = folderWith(dir,
                                          "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\n"
                                          "metadata: {name: p}\nspec:\n  route: {virtualService: default/r}\n"
                                          "  stable: v1\n  canary: v2\n  steps:\n    - setWeight: 100\n");
        const Result<MeshChange> last = removeRolloutStep(single, {"default", "p"}, 0);
        QVERIFY(!last.ok());
        QCOMPARE(last.error(), std::string("the last step of a plan cannot be removed"));
    }

    void headerRouteStep()
    {
        const MeshPtr mesh = sample();
        RolloutStep step;
        step.kind = RolloutStep::Kind::SetHeaderRoute;
        step.headerRouteName = "beta";
        step.match.push_back({MatchCondition::Field::Header, "X-Beta", StringMatch::Kind::Prefix, "on"});
        const Result<MeshChange> result = setRolloutStep(mesh, kPlan, 0, step);
        verifyInverse(mesh, result);
        const RolloutStep &read = planOf(result->mesh).steps[0];
        QCOMPARE(read.headerRouteName, std::string("beta"));
        QCOMPARE(read.match.size(), size_t(1));
        QCOMPARE(read.match[0].name, std::string("x-beta"));
        QCOMPARE(read.match[0].kind, StringMatch::Kind::Prefix);
        QCOMPARE(read.match[0].value, std::string("on"));
    }

    void durationText()
    {
        QCOMPARE(rolloutDurationText(300), std::string("5m"));
        QCOMPARE(rolloutDurationText(3600), std::string("1h"));
        QCOMPARE(rolloutDurationText(90), std::string("90s"));
        QCOMPARE(rolloutDurationText(1.5), std::string("1.5s"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutPlanEdits)
#include "tst_rolloutplanedits.moc"
