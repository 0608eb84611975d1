// SPDX-License-Identifier: MIT
// The analyzer as a whole: ordering, merging with the loader's findings,
// severity counting, and analysing one shared snapshot from several threads.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

void writeFile(const QDir &dir, const QString &name, const std::string &text)
{
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.data(), qint64(text.size()));
}

// A VirtualService for host `name` routing to an undefined subset of reviews,
// preceded by `padding` blank lines.
std::string brokenRoute(const std::string &name, int padding)
{
    return std::string(size_t(padding), '\n')
        + virtualService(name, "  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: nope\n",
                         "  - " + name + "\n");
}

} // namespace

class TestAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findingsAreSortedByFileThenLine()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QDir dir(temp.path());
        writeFile(dir, QStringLiteral("b-routes.yaml"), brokenRoute("early", 0));
        writeFile(dir, QStringLiteral("a-routes.yaml"), brokenRoute("late", 30) + brokenRoute("first", 0));
        writeFile(dir, QStringLiteral("base.yaml"), kReviews);
        const LoadResult loaded = ManifestLoader().loadFolder(temp.path().toStdString());
        const Diagnostics diagnostics = analyze(*loaded.mesh);
        QCOMPARE(diagnostics.size(), size_t(3));
        QCOMPARE(diagnostics[0].location.file, std::string("a-routes.yaml"));
        QCOMPARE(diagnostics[0].resource.name, std::string("late"));
        QCOMPARE(diagnostics[1].location.file, std::string("a-routes.yaml"));
        QCOMPARE(diagnostics[1].resource.name, std::string("first"));
        QVERIFY(diagnostics[0].location.line < diagnostics[1].location.line);
        QCOMPARE(diagnostics[2].location.file, std::string("b-routes.yaml"));
    }

    void loadFindingsAreMergedInOrder()
    {
        // An unknown field (the loader's IST0106 warning) above an undefined subset (the analyzer's IST0101).
        const std::string yaml = kReviews
            + virtualService("reviews", "  http:\n  - retires: 3\n    route:\n    - destination:\n"
                                        "        host: reviews\n        subset: v3\n");
        const LoadResult loaded = ManifestLoader().loadText(kFixtureFile, yaml);
        QCOMPARE(loaded.diagnostics.size(), size_t(1));
        const Diagnostics merged = analyze(loaded);
        QCOMPARE(merged.size(), size_t(2));
        QCOMPARE(merged[0].code, std::string(codes::SchemaError));
        QCOMPARE(merged[0].location.line, lineOf(yaml, "retires: 3"));
        QCOMPARE(merged[1].code, std::string(codes::ReferenceNotFound));
        QCOMPARE(merged[1].location.line, lineOf(yaml, "subset: v3"));
    }

    void everyFindingHasResourceLocationAndMessage()
    {
        const Analysis a = analyzeYaml(kReviews + brokenRoute("reviews", 0) + "---\napiVersion: networking.istio.io/v1\n"
                                       "kind: DestinationRule\nmetadata:\n  name: dup\n  namespace: default\nspec:\n"
                                       "  host: reviews\n  subsets:\n  - name: v1\n");
        QVERIFY(a.diagnostics.size() >= 3);
        for (const Diagnostic &diagnostic : a.diagnostics) {
            QVERIFY(!diagnostic.code.empty());
            QVERIFY(!diagnostic.resource.kind.empty());
            QVERIFY(!diagnostic.resource.name.empty());
            QCOMPARE(diagnostic.location.file, std::string(kFixtureFile));
            QVERIFY(diagnostic.location.line > 0);
            QVERIFY(!diagnostic.message.empty());
        }
    }

    void countAtOrAboveFollowsSeverityOrder()
    {
        Diagnostics diagnostics(3);
        diagnostics[0].severity = Severity::Info;
        diagnostics[1].severity = Severity::Warning;
        diagnostics[2].severity = Severity::Error;
        QCOMPARE(countAtOrAbove(diagnostics, Severity::Info), size_t(3));
        QCOMPARE(countAtOrAbove(diagnostics, Severity::Warning), size_t(2));
        QCOMPARE(countAtOrAbove(diagnostics, Severity::Error), size_t(1));
        QCOMPARE(countAtOrAbove({}, Severity::Info), size_t(0));
    }

    void sharedSnapshotAnalysesTheSameFromSeveralThreads()
    {
        const LoadResult loaded = ManifestLoader().loadText(kFixtureFile, kReviews + brokenRoute("reviews", 0));
        const std::shared_ptr<const Mesh> mesh = loaded.mesh;
        const Diagnostics expected = analyze(*mesh);
        std::vector<Diagnostics> results(4);
        std::vector<std::thread> threads;
        for (Diagnostics &result : results)
            threads.emplace_back([&mesh, &result] { result = analyze(*mesh); });
        for (std::thread &thread : threads)
            thread.join();
        for (const Diagnostics &result : results) {
            QCOMPARE(result.size(), expected.size());
            for (size_t i = 0; i < result.size(); ++i)
                QCOMPARE(result[i].toString(), expected[i].toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
