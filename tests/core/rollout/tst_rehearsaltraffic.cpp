// SPDX-License-Identifier: MIT
// The traffic a rehearsal runs against, as the workbench and the CLI read it,
// and a plan read from the mesh rehearsing exactly as the plan file does.

#include "support/routingtestsupport.h"

#include "edit/rolloutplanedits.h"
#include "rollout/rehearsal.h"
#include "rollout/rehearsaltraffic.h"
#include "rollout/rolloutplanparser.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

std::string readSample(const std::string &file)
{
    std::ifstream stream(samplePath("rollout-reviews/" + file));
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

const RolloutPlan &meshPlan(const Mesh &mesh)
{
    const RolloutPlanResource *resource = findRolloutPlan(mesh, {"default", "reviews-v3"});
    if (!resource || !resource->plan)
        qFatal("samples/rollout-reviews has no readable plan");
    return *resource->plan;
}

} // namespace

class TestRehearsalTraffic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutAFileGetToTheRoutesHost()
    {
        const MeshPtr mesh = sampleMesh("rollout-reviews");
        const auto traffic = RehearsalTraffic::forPlan(*mesh, meshPlan(*mesh), std::nullopt);
        QVERIFY2(traffic, traffic.error().c_str());
        QCOMPARE(traffic->mix.classes.size(), size_t(1));
        QCOMPARE(traffic->mix.classes[0].request.authority, std::string("reviews"));
        QCOMPARE(traffic->mix.requestsPerSecond, 100.0);
        QVERIFY(traffic->profiles.empty());
    }

    void aTrafficFileGivesClassesAndProfiles()
    {
        const MeshPtr mesh = sampleMesh("rollout-reviews");
        const auto traffic = RehearsalTraffic::forPlan(*mesh, meshPlan(*mesh), readSample("traffic-faulty.traffic"));
        QVERIFY2(traffic, traffic.error().c_str());
        QCOMPARE(traffic->mix.requestsPerSecond, 20.0);
        QCOMPARE(traffic->mix.classes.size(), size_t(2));
        QCOMPARE(traffic->profiles.size(), size_t(2));
        QCOMPARE(traffic->profiles[1].subset, std::string("v3"));
        QCOMPARE(traffic->profiles[1].errorRate, 0.08);
    }

    void problemsAreSaid()
    {
        const MeshPtr mesh = sampleMesh("rollout-reviews");
        RolloutPlan elsewhere = meshPlan(*mesh);
        elsewhere.virtualServiceName = "nope";
        const auto missing = RehearsalTraffic::forPlan(*mesh, elsewhere, std::nullopt);
        QVERIFY(!missing);
        QCOMPARE(missing.error(), std::string("no VirtualService default/nope"));
        const auto badProfile = RehearsalTraffic::forPlan(
            *mesh, meshPlan(*mesh), std::string("behaviour:\n  - destination: reviews:v3\n    errorRate: 2\n"));
        QVERIFY(!badProfile);
        QVERIFY(!badProfile.error().empty());
    }

    // The dock rehearses the plan the loader read; the CLI the plan file it
    // parses itself: same seed, same report.
    void theMeshsPlanRehearsesAsThePlanFile()
    {
        const MeshPtr mesh = sampleMesh("rollout-reviews");
        const Result<RolloutPlan> fromFile = RolloutPlanParser::parse(readSample("plan.yaml"), "plan.yaml");
        QVERIFY2(fromFile, fromFile.error().c_str());
        for (const char *file : {"traffic-healthy.traffic", "traffic-faulty.traffic"}) {
            const auto traffic = RehearsalTraffic::forPlan(*mesh, meshPlan(*mesh), readSample(file));
            QVERIFY2(traffic, traffic.error().c_str());
            const RehearsalReport a = Rehearsal(mesh, meshPlan(*mesh), traffic->mix, traffic->profiles).run();
            const RehearsalReport b = Rehearsal(mesh, *fromFile, traffic->mix, traffic->profiles).run();
            QCOMPARE(a.outcome, b.outcome);
            QCOMPARE(a.endedAt, b.endedAt);
            QCOMPARE(a.requests, b.requests);
            QCOMPARE(a.failedRequests, b.failedRequests);
            QCOMPARE(a.rolledBackAtStep, b.rolledBackAtStep);
            QCOMPARE(a.explanation.text(), b.explanation.text());
        }
    }
};

QTEST_GUILESS_MAIN(TestRehearsalTraffic)
#include "tst_rehearsaltraffic.moc"
