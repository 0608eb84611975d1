// SPDX-License-Identifier: MIT
#include "graph/graphpanel.h"
#include "routing/router.h"
#include "shell/languagemanager.h"
#include "shell/simulationdocks.h"
#include "simulation/expectedsplit.h"
#include "simulation/plainrequest.h"
#include "simulation/simulationrunner.h"
#include "simulation/splitchartpanel.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"

#include <QBarSet>
#include <QChartView>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);
constexpr uint64_t kSeed = 21;

SplitChartPanel *chartOf(const MainWindow &window)
{
    return window.simulationDocks()->splitChartPanel();
}

QList<qreal> valuesOf(const QBarSet *set)
{
    QList<qreal> values;
    for (int i = 0; i < set->count(); ++i)
        values << set->at(i);
    return values;
}

// The engine's split for the default traffic of `vs` (plain requests to its
// hosts), from a Router of its own: what the bars must say, in percent.
ExpectedSplit engineSplit(const MeshPtr &mesh, const char *ns, const char *name)
{
    const Router router(mesh);
    return ExpectedSplit::of(router, plainTrafficMix(*mesh->findVirtualService(ns, name)));
}

bool simulate(MainWindow &window, double seconds)
{
    SimulationRunner *runner = window.simulationDocks()->runner();
    QSignalSpy finished(runner, &SimulationRunner::runFinished);
    runner->runFor(seconds);
    return finished.wait(20'000) && test::waitUntilShown(window);
}

// Within five binomial standard deviations of `expectedPercent`, for `requests` draws.
bool near(double simulatedPercent, double expectedPercent, double requests)
{
    const double p = expectedPercent / 100.0;
    return std::abs(simulatedPercent - expectedPercent) <= 5 * 100.0 * std::sqrt(p * (1 - p) / requests) + 0.05;
}

} // namespace

class TestSplitChart : public QObject
{
    Q_OBJECT

private:
    void open(MainWindow &window, const QString &folder, const QString &vs)
    {
        window.resize(kWindowSize);
        window.show();
        window.openFolder(folder);
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(vs);
        QVERIFY(test::waitUntilShown(window));
        chartOf(window)->refresh();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // Greeter's 90/10 canary: the expected bars are the engine's split before
    // anything is simulated, the simulated ones come close to them.
    void expectedIsTheEnginesSplit()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::samplePath("greeter"), QStringLiteral("default/greeter-service"));
        SplitChartPanel *chart = chartOf(window);
        const ExpectedSplit engine = engineSplit(window.document()->mesh(), "default", "greeter-service");
        const std::string host = "greeter-service.default.svc.cluster.local";
        QCOMPARE(chart->categories(), (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        const QList<qreal> expected{100 * engine.destinationProbability(host, "v1"), 100 * engine.destinationProbability(host, "v2")};
        QCOMPARE(expected, (QList<qreal>{90, 10}));
        QCOMPARE(valuesOf(chart->expectedSplit()), expected);
        QCOMPARE(valuesOf(chart->simulatedSplit()), (QList<qreal>{0, 0}));
        QVERIFY(chart->statusView()->isHidden()); // only 200s: nothing to compare

        QVERIFY(simulate(window, 30));
        chart->refresh();
        QCOMPARE(valuesOf(chart->expectedSplit()), expected);
        const QList<qreal> simulated = valuesOf(chart->simulatedSplit());
        QVERIFY2(near(simulated[0], 90, 3000) && near(simulated[1], 10, 3000),
                 qPrintable(QStringLiteral("%1 / %2").arg(simulated[0]).arg(simulated[1])));
        QVERIFY(simulated != expected); // drawn, not copied
        QVERIFY(std::abs(simulated[0] + simulated[1] - 100) < 0.11); // each rounded to 0.1
        QVERIFY(chart->caption()->text().startsWith(QStringLiteral("3000 requests since the last change")));
        QVERIFY(chart->statusView()->isHidden());

        // An edit starts the comparison again, against the new split: at
        // once (paused, nothing is drawn from it yet), then with samples.
        QVERIFY(window.document()->setRouteWeights(RouteRef{"default", "greeter-service", 0}, {50, 50}));
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(valuesOf(chart->expectedSplit()), (QList<qreal>{50, 50}));
        QCOMPARE(valuesOf(chart->simulatedSplit()), (QList<qreal>{0, 0}));
        QVERIFY(chart->caption()->text().startsWith(QStringLiteral("0 requests since the last change")));
        QVERIFY(simulate(window, 5));
        chart->refresh();
        QCOMPARE(valuesOf(chart->expectedSplit()), (QList<qreal>{50, 50}));
        QVERIFY(chart->caption()->text().startsWith(QStringLiteral("500 requests since the last change")));
    }

    // A fault: the status codes get their own chart, expected (the engine's
    // abort percentage) next to simulated.
    void faultsShowTheStatusCodes()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, test::testDataPath(QStringLiteral("gui/faults")), QStringLiteral("default/payments"));
        SplitChartPanel *chart = chartOf(window);
        const ExpectedSplit engine = engineSplit(window.document()->mesh(), "default", "payments");
        QCOMPARE(engine.statuses.size(), size_t(2));
        QCOMPARE(engine.statuses.at(500), 0.25);
        QVERIFY(!chart->statusView()->isHidden()); // before any sample: the engine knows
        QCOMPARE(chart->statusCategories(), (QStringList{QStringLiteral("HTTP 200"), QStringLiteral("HTTP 500")}));
        QCOMPARE(valuesOf(chart->expectedStatuses()), (QList<qreal>{75, 25}));
        // Aborted requests reach no subset: the subsets share what is left.
        const std::string host = "payments.default.svc.cluster.local";
        QCOMPARE(valuesOf(chart->expectedSplit()),
                 (QList<qreal>{std::round(1000 * engine.destinationProbability(host, "v1")) / 10,
                               std::round(1000 * engine.destinationProbability(host, "v2")) / 10}));
        QCOMPARE(valuesOf(chart->expectedSplit()), (QList<qreal>{52.5, 22.5}));

        QVERIFY(simulate(window, 40));
        chart->refresh();
        QVERIFY(chart->statusView()->isVisible());
        const QList<qreal> statuses = valuesOf(chart->simulatedStatuses());
        QCOMPARE(statuses.size(), 2);
        QVERIFY2(near(statuses[1], 25, 4000), qPrintable(QString::number(statuses[1])));
        QVERIFY(std::abs(statuses[0] + statuses[1] - 100) < 0.11);
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestSplitChart)
#include "tst_splitchart.moc"
