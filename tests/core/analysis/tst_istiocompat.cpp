// SPDX-License-Identifier: MIT
// Compatibility with istioctl's own analyzer tests: every folder of
// tests/data/analysis/istio-compat/ reproduces one case of the test grid in
// istio/istio's analyzers_test.go with our own resources, and its expected.txt
// lists the findings istioctl's test expects, one "CODE Kind ns/name" a line
// (a finding reported twice is listed twice). Upstream runs one analyzer per
// case; we run them all, so `# codes:` names the codes the case is about and
// only those are compared (`IST*`: every istioctl code, for whole situations
// such as Istio's samples). `# differs: <why>` marks a deliberate difference
// (README lists them): such a folder's expected.txt holds what we report.
#include "analysis/analyzer.h"
#include "load/manifestloader.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace meshlane;

namespace {

struct Expectation
{
    std::set<std::string> codes;
    std::vector<std::string> findings;
};

Expectation readExpectation(const QString &path)
{
    Expectation expectation;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return expectation;
    std::istringstream lines(file.readAll().toStdString());
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("# codes:", 0) == 0) {
            std::istringstream words(line.substr(8));
            std::string code;
            while (words >> code)
                expectation.codes.insert(code);
        } else if (!line.empty() && line.front() != '#') {
            expectation.findings.push_back(line);
        }
    }
    std::sort(expectation.findings.begin(), expectation.findings.end());
    return expectation;
}

std::string joinLines(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &line : lines)
        text += "\n  " + line;
    return text;
}

} // namespace

class TestIstioCompat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upstreamCase_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir root(test::testData(QStringLiteral("analysis/istio-compat")));
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(cases.size() >= 10, "the compatibility suite is missing");
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << root.filePath(name);
    }

    void upstreamCase()
    {
        QFETCH(QString, folder);
        const Expectation expected = readExpectation(folder + QStringLiteral("/expected.txt"));
        QVERIFY2(!expected.codes.empty(), "expected.txt has no `# codes:` line");

        const LoadResult loaded = ManifestLoader().loadFolder(folder.toStdString());
        QVERIFY(loaded.mesh);
        QCOMPARE(loaded.unparseableFiles, 0);
        std::vector<std::string> actual;
        const auto compared = [&](const std::string &code) {
            return expected.codes.count(code) || (expected.codes.count("IST*") && code.rfind("IST", 0) == 0);
        };
        for (const Diagnostic &finding : analyze(loaded)) {
            if (compared(finding.code))
                actual.push_back(finding.code + ' ' + finding.resource.toString());
        }
        std::sort(actual.begin(), actual.end());
        if (actual != expected.findings) {
            std::string details;
            for (const Diagnostic &finding : analyze(loaded)) {
                if (compared(finding.code))
                    details += "\n  " + finding.toString();
            }
            QFAIL(("expected:" + joinLines(expected.findings) + "\nactual:" + joinLines(actual) + "\nfindings:"
                   + details)
                      .c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestIstioCompat)
#include "tst_istiocompat.moc"
