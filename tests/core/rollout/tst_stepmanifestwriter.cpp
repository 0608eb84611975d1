// SPDX-License-Identifier: MIT
// A folder per step: which steps get one, what is in it (only the files the
// step changed, as that step left them), byte-minimal changes from one step
// to the next, and the folder names.

#include "support/routingtestsupport.h"
#include "support/testfolder.h"

#include "rollout/rehearsal.h"
#include "rollout/rolloutplanparser.h"
#include "rollout/stepmanifestwriter.h"

#include <QDirIterator>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

std::string readFile(const std::string &path)
{
    std::ifstream stream(path);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

RehearsalReport planned(const MeshPtr &mesh)
{
    const Result<RolloutPlan> plan =
        RolloutPlanParser::parse(readFile(samplePath("rollout-reviews/plan.yaml")), "plan.yaml");
    if (!plan)
        qFatal("%s", plan.error().c_str());
    RehearsalOptions options;
    options.simulate = false;
    HttpRequest request;
    request.authority = "reviews";
    return Rehearsal(mesh, *plan, TrafficMix::single(request), {}, options).run();
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream stream(text);
    for (std::string line; std::getline(stream, line);)
        out.push_back(line);
    return out;
}

// Lines that differ between two texts of the same length in lines.
int changedLines(const std::string &a, const std::string &b)
{
    const std::vector<std::string> x = lines(a), y = lines(b);
    if (x.size() != y.size())
        return -1;
    int changed = 0;
    for (size_t i = 0; i < x.size(); ++i)
        changed += x[i] != y[i];
    return changed;
}

RehearsalStep stepNamed(size_t index, const std::string &action)
{
    RehearsalStep step;
    step.index = index;
    step.action = action;
    return step;
}

} // namespace

class TestStepManifestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFolderPerStepThatChangesFiles()
    {
        const MeshPtr mesh = sampleMesh("rollout-reviews");
        const RehearsalReport report = planned(mesh);
        QCOMPARE(RehearsalReport::outcomeName(report.outcome), "promoted");
        QCOMPARE(report.requests, int64_t(0)); // nothing simulated: only the edits
        TestFolder out;
        const Result<StepManifestSummary> written = StepManifestWriter::write(mesh, report, out.path());
        QVERIFY2(written.ok(), written.error().c_str());
        const std::vector<std::string> folders{
            "step-01-header-route-testers", "step-03-weight-10", "step-05-weight-30", "step-07-weight-60",
            "step-09-weight-100",           "step-10-promote"};
        QCOMPARE(written->folders, folders);
        QStringList files;
        QDirIterator it(out.qpath(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(out.qpath()).relativeFilePath(it.next());
        files.sort();
        QCOMPARE(files.size(), 6); // only the VirtualService changes; the other manifests are not copied
        for (const QString &file : files)
            QVERIFY2(file.endsWith(QStringLiteral("/virtual-services.yaml")), qPrintable(file));
    }

    void eachFileIsTheStepsTextAndChangesOnlyItsBytes()
    {
        const MeshPtr mesh = sampleMesh("rollout-reviews");
        const RehearsalReport report = planned(mesh);
        TestFolder out;
        QVERIFY(StepManifestWriter::write(mesh, report, out.path()).ok());
        auto folder = [&](const char *name) {
            return out.read(QString::fromLatin1(name) + QStringLiteral("/virtual-services.yaml")).toStdString();
        };
        // Step 3 (setWeight 10) is what the rehearsal's mesh holds after it.
        QCOMPARE(folder("step-03-weight-10"), report.steps[2].mesh->findFile("virtual-services.yaml")->text);
        // From one weight step to the next only the two weight lines move.
        QCOMPARE(changedLines(folder("step-03-weight-10"), folder("step-05-weight-30")), 2);
        QCOMPARE(changedLines(folder("step-05-weight-30"), folder("step-07-weight-60")), 2);
        const std::string original = mesh->findFile("virtual-services.yaml")->text;
        // The first step adds the testers' route and the canary at weight 0; the
        // lines before them (comments included) stay as written.
        const std::string first = folder("step-01-header-route-testers");
        QCOMPARE(first.substr(0, original.find("  - name: primary")),
                 original.substr(0, original.find("  - name: primary")));
        QVERIFY(first.find("x-tester") != std::string::npos);
        // Promotion removes the testers' route again.
        QVERIFY(folder("step-10-promote").find("x-tester") == std::string::npos);
    }

    void folderNames_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("name");
        QTest::newRow("weight") << 3 << "setWeight 10"
                                << "step-03-weight-10";
        QTest::newRow("manual pause") << 4 << "pause until promoted"
                                      << "step-04-pause-manual";
        QTest::newRow("mirror") << 12 << "setMirror 12.5%"
                                << "step-12-mirror-12-5";
        QTest::newRow("route removed") << 7 << "setHeaderRoute testers (remove)"
                                       << "step-07-header-route-testers-remove";
        QTest::newRow("rollback") << 9 << "rollback"
                                  << "step-09-rollback";
    }

    void folderNames()
    {
        QFETCH(int, index);
        QFETCH(QString, action);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(StepManifestWriter::folderName(stepNamed(size_t(index), action.toStdString()))),
                 name);
    }
};

QTEST_GUILESS_MAIN(TestStepManifestWriter)
#include "tst_stepmanifestwriter.moc"
