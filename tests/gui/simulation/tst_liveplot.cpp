// SPDX-License-Identifier: MIT
#include "editing/destinationrow.h"
#include "graph/graphpanel.h"
#include "shell/languagemanager.h"
#include "shell/simulationdocks.h"
#include "simulation/liveplotpanel.h"
#include "simulation/simulationrunner.h"
#include "simulation/simulationtoolbar.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"
#include "simulation/splitchartpanel.h"

#include <QDoubleSpinBox>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "simulation/qcustomplotinclude.h"

#include <cmath>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);
constexpr uint64_t kSeed = 11;

SimulationRunner *runnerOf(const MainWindow &window)
{
    return window.simulationDocks()->runner();
}

LivePlotPanel *plotOf(const MainWindow &window)
{
    return window.simulationDocks()->livePlotPanel();
}

bool simulate(MainWindow &window, double seconds)
{
    QSignalSpy finished(runnerOf(window), &SimulationRunner::runFinished);
    runnerOf(window)->runFor(seconds);
    return finished.wait(20'000) && test::waitUntilShown(window);
}

QCPGraph *graphNamed(const std::vector<QCPGraph *> &graphs, const QString &name)
{
    for (QCPGraph *graph : graphs) {
        if (graph->name() == name)
            return graph;
    }
    return nullptr;
}

// The mean of what `graph` plots over the last `seconds` of simulated time:
// what a person reads off the line.
double recentMean(const QCPGraph *graph, double seconds)
{
    const auto data = graph->data();
    if (data->isEmpty())
        return std::nan("");
    const double from = (data->constEnd() - 1)->key - seconds;
    double sum = 0;
    int points = 0;
    for (auto it = data->findBegin(from, false); it != data->constEnd(); ++it) {
        sum += it->value;
        ++points;
    }
    return points ? sum / points : std::nan("");
}

// A binomial share's standard deviation in percentage points, for `requests` draws.
double shareSpread(double percent, double requests)
{
    const double p = percent / 100.0;
    return 100.0 * std::sqrt(p * (1 - p) / requests);
}

// The live plot and the split chart side by side, as they sit in the
// window's bottom row: what a golden of a canary's simulation shows.
QImage plotAndChart(MainWindow &window)
{
    const QImage plot = test::settledGrab(*plotOf(window));
    const QImage chart = test::settledGrab(*window.simulationDocks()->splitChartPanel());
    QImage both(plot.width() + chart.width(), std::max(plot.height(), chart.height()), QImage::Format_ARGB32);
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawImage(0, 0, plot);
    painter.drawImage(plot.width(), 0, chart);
    return both;
}

} // namespace

class TestLivePlot : public QObject
{
    Q_OBJECT

private:
    void open(MainWindow &window, const char *sample, const QString &vs)
    {
        window.resize(kWindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.openFolder(test::samplePath(sample));
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(vs);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(runnerOf(window)->virtualService(), vs);
        QVERIFY(runnerOf(window)->isSimulating());
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // The scene: after a drag the lines visibly move to the new
    // split. v2's line sits near 10 % under the 90/10 canary, near 50 % after
    // v2's slider is dragged to 50 with the mouse, and near 10 % again after
    // an undo. The tolerance is five binomial standard deviations of the
    // last 20 s (2,000 requests at 100 req/s).
    void dragMovesTheShareLines()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, "greeter", QStringLiteral("default/greeter-service"));
        QVERIFY(simulate(window, 30));
        QCPGraph *v2 = graphNamed(plotOf(window)->shareGraphs(), QStringLiteral("v2"));
        QCPGraph *v1 = graphNamed(plotOf(window)->shareGraphs(), QStringLiteral("v1"));
        QVERIFY(v1 && v2);
        QCOMPARE(plotOf(window)->mirrorGraphs().size(), size_t(0));
        const double canary = recentMean(v2, 20);
        QVERIFY2(std::abs(canary - 10) < 5 * shareSpread(10, 2000), qPrintable(QString::number(canary)));
        QVERIFY(std::abs(recentMean(v1, 20) + canary - 100) < 1e-6); // every request goes somewhere

        RouteEditor *route = test::routeEditor(window, 0);
        QVERIFY(route);
        test::dragSlider(route->rows()[1]->slider(), {20, 30, 40, 50});
        QVERIFY(test::settled(window));
        QVERIFY(test::waitUntilShown(window)); // the new Router is with the simulation
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
        QVERIFY(simulate(window, 30));
        QCOMPARE(graphNamed(plotOf(window)->shareGraphs(), QStringLiteral("v2")), v2); // the same line moved
        const double even = recentMean(v2, 20);
        QVERIFY2(std::abs(even - 50) < 5 * shareSpread(50, 2000), qPrintable(QString::number(even)));
        // The line climbed from where it was: the points before the drag are still plotted.
        QVERIFY(v2->data()->findBegin(1, false)->value < 30);

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.document()->undoStack()->index(), 0);
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(simulate(window, 30));
        const double undone = recentMean(v2, 20);
        QVERIFY2(std::abs(undone - 10) < 5 * shareSpread(10, 2000), qPrintable(QString::number(undone)));
    }

    // Mirrored traffic is a dashed line on the right axis, in requests per
    // second: the rate times the mirror percentage. The editor's percentage
    // and the toolbar's rate move it.
    void mirrorSeriesFollowsPercentageAndRate()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, "httpbin-mirror", QStringLiteral("default/httpbin"));
        QVERIFY(simulate(window, 15));
        LivePlotPanel *plot = plotOf(window);
        QCOMPARE(plot->mirrorGraphs().size(), size_t(1));
        QCPGraph *mirrored = plot->mirrorGraphs().front();
        QCOMPARE(mirrored->name(), QStringLiteral("v2 mirrored (req/s)"));
        QCOMPARE(mirrored->pen().style(), Qt::DashLine);
        QCOMPARE(mirrored->valueAxis(), plot->plot()->yAxis2);
        QVERIFY(plot->plot()->yAxis2->visible());
        // 100 % of 100 req/s, every request: exactly 100 per second.
        QCOMPARE(recentMean(mirrored, 10), 100.0);
        QVERIFY(plot->plot()->yAxis2->range().upper >= 100);

        QDoubleSpinBox *percentage = test::routeEditor(window, 0)->mirrorPercentage();
        percentage->setValue(25);
        QCOMPARE(window.document()->mesh()->findVirtualService("default", "httpbin")->http[0].mirrorPercentage.value_or(-1), 25.0);
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(simulate(window, 15));
        QCOMPARE(plot->mirrorGraphs().front(), mirrored);
        // Requests per second: 25 % of 100, binomial over the last 10 s (1,000 requests).
        const double quarter = recentMean(mirrored, 10);
        const double spread = std::sqrt(1000 * 0.25 * 0.75) / 10;
        QVERIFY2(std::abs(quarter - 25) < 5 * spread, qPrintable(QString::number(quarter)));

        QDoubleSpinBox *rate = plot->toolBar()->rateBox();
        rate->setValue(200);
        QCOMPARE(runnerOf(window)->requestsPerSecond(), 200.0);
        QVERIFY(simulate(window, 15));
        const double doubled = recentMean(mirrored, 10);
        QVERIFY2(std::abs(doubled - 50) < 5 * std::sqrt(2000 * 0.25 * 0.75) / 10, qPrintable(QString::number(doubled)));
        // The share lines are shares, whatever the rate.
        QCOMPARE(recentMean(graphNamed(plot->shareGraphs(), QStringLiteral("v1")), 10), 100.0);
    }

    // The plot keeps the last minute: older points go, the axis follows.
    void keepsTheLastMinute()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, "greeter", QStringLiteral("default/greeter-service"));
        QVERIFY(simulate(window, 75));
        const QCPRange range = plotOf(window)->plot()->xAxis->range();
        QCOMPARE(range.upper, 75.0);
        QCOMPARE(range.lower, 15.0);
        const QCPGraph *v1 = plotOf(window)->shareGraphs().front();
        QVERIFY(v1->data()->constBegin()->key >= 15.0 - 1e-9);
    }

    // A Gateway API canary plots as a VirtualService one does: the mesh
    // HTTPRoute's 90/10 between per-version Services, its series named by
    // backend Service, the status line saying what is sent.
    void gatewayApiCanaryPicture()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, "bookinfo-gateway-api", QStringLiteral("HTTPRoute/bookinfo/reviews"));
        QVERIFY(simulate(window, 30));
        LivePlotPanel *plot = plotOf(window);
        QCPGraph *v1 = graphNamed(plot->shareGraphs(), QStringLiteral("reviews-v1.bookinfo"));
        QCPGraph *v2 = graphNamed(plot->shareGraphs(), QStringLiteral("reviews-v2.bookinfo"));
        QVERIFY(v1 && v2);
        const double canary = recentMean(v2, 20);
        QVERIFY2(std::abs(canary - 10) < 5 * shareSpread(10, 2000), qPrintable(QString::number(canary)));
        const QString status = plot->statusText();
        QVERIFY2(status.contains(QStringLiteral("GET / to reviews.bookinfo")), qPrintable(status));
        const QString failure = test::compareWithGolden(plotAndChart(window), QStringLiteral("simulation_gatewayapi_canary"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // The TCP canary: connections through the TCP gateway, 80/20 by subset.
    void tcpCanaryPicture()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = kSeed, .simulationPaused = true, .selectOnOpen = false});
        open(window, "tcp-echo-shift", QStringLiteral("echo/tcp-echo"));
        QVERIFY(simulate(window, 30));
        LivePlotPanel *plot = plotOf(window);
        QCPGraph *v2 = graphNamed(plot->shareGraphs(), QStringLiteral("v2"));
        QVERIFY(v2 && graphNamed(plot->shareGraphs(), QStringLiteral("v1")));
        const double canary = recentMean(v2, 20);
        QVERIFY2(std::abs(canary - 20) < 5 * shareSpread(20, 2000), qPrintable(QString::number(canary)));
        const QString status = plot->statusText();
        QVERIFY2(status.contains(QStringLiteral("TCP connections to www.example.com:31400")), qPrintable(status));
        const QString failure = test::compareWithGolden(plotAndChart(window), QStringLiteral("simulation_tcp_canary"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestLivePlot)
#include "tst_liveplot.moc"
