// SPDX-License-Identifier: MIT
#include "load/manifestloader.h"
#include "simulation/simulationrunner.h"
#include "support/guitestsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <optional>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QString kGreeter = QStringLiteral("default/greeter-service");

MeshPtr loadSample(const char *name)
{
    return ManifestLoader().loadFolder(test::samplePath(name).toStdString()).mesh;
}

// A runner on `mesh` simulating `vs`, its run started (the Router is built
// off the GUI thread first).
bool startOn(SimulationRunner &runner, const MeshPtr &mesh, const QString &vs)
{
    runner.setMesh(mesh);
    runner.setVirtualService(vs);
    return QTest::qWaitFor([&runner] { return runner.isSimulating() && !runner.isBusy(); }, 10'000);
}

bool simulate(SimulationRunner &runner, double seconds)
{
    QSignalSpy finished(&runner, &SimulationRunner::runFinished);
    runner.runFor(seconds);
    return finished.wait(10'000);
}

// Each tick's counts, as text: one line per sample.
QStringList ticks(const SimulationRunner &runner)
{
    QStringList lines;
    for (const SimulationSample &sample : runner.history().samples()) {
        const SimulationCounts &counts = sample.step.counts;
        QString line = QStringLiteral("t=%1 n=%2").arg(sample.endSeconds(), 0, 'f', 1).arg(counts.requests);
        for (const SimulationCounts::Target &target : counts.destinations)
            line += QStringLiteral(" %1=%2").arg(QString::fromStdString(target.subset)).arg(target.count);
        for (const auto &[status, count] : counts.statuses)
            line += QStringLiteral(" %1:%2").arg(status).arg(count);
        lines << line;
    }
    return lines;
}

// Every sample of the run added up (the history keeps the last minute).
SimulationCounts totals(const SimulationRunner &runner)
{
    SimulationCounts counts;
    for (const SimulationSample &sample : runner.history().samples())
        counts.add(sample.step.counts);
    return counts;
}

// A binomial fraction's standard deviation for `draws` draws.
double spread(double fraction, int64_t draws)
{
    return std::sqrt(fraction * (1 - fraction) / double(draws));
}

int64_t requestsIn(const SimulationRunner &runner, double fromSeconds)
{
    int64_t requests = 0;
    for (const SimulationSample &sample : runner.history().samples()) {
        if (sample.step.startSeconds >= fromSeconds - 1e-9)
            requests += sample.step.counts.requests;
    }
    return requests;
}

} // namespace

class TestSimulationRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_greeter = loadSample("greeter");
        QVERIFY(m_greeter && m_greeter->findVirtualService("default", "greeter-service"));
    }

    // The promise screenshots and tests rely on: same seed, snapshot and mix,
    // the same samples tick for tick; another seed, other samples.
    void sameSeedSameSamples()
    {
        SimulationRunner first({.seed = 7, .startPaused = true});
        SimulationRunner second({.seed = 7, .startPaused = true});
        SimulationRunner other({.seed = 8, .startPaused = true});
        for (SimulationRunner *runner : {&first, &second, &other}) {
            QVERIFY(startOn(*runner, m_greeter, kGreeter));
            QVERIFY(simulate(*runner, 20));
        }
        const QStringList expected = ticks(first);
        QCOMPARE(expected.size(), 200); // 20 s of 0.1 s ticks
        QCOMPARE(ticks(second), expected);
        QVERIFY(ticks(other) != expected);
        QCOMPARE(other.history().totalRequests(), first.history().totalRequests()); // the same rate, only other draws
        QCOMPARE(first.seed(), uint64_t(7));

        // A restart is a new run of the same seed: the same ticks again.
        first.restart();
        QVERIFY(first.history().isEmpty());
        QVERIFY(simulate(first, 20));
        QCOMPARE(ticks(first), expected);
    }

    // Paused, the clock stops: no sample arrives however long one waits;
    // running again, they come back.
    void pauseStopsTheClock()
    {
        SimulationRunner runner({.seed = 3, .speed = 10}); // a simulated second per 100 ms
        QVERIFY(startOn(runner, m_greeter, kGreeter));
        QTRY_VERIFY_WITH_TIMEOUT(runner.history().samples().size() >= 5, 5'000);
        QSignalSpy paused(&runner, &SimulationRunner::pausedChanged);
        runner.setPaused(true);
        QCOMPARE(paused.size(), 1);
        QVERIFY(runner.isPaused());
        // A barrier: the worker handles requests in order, so once this empty
        // run is reported the clock has stopped and every earlier tick is in.
        QVERIFY(simulate(runner, 0));
        const double stoppedAt = runner.history().now();
        const size_t samples = runner.history().samples().size();
        QTest::qWait(300); // 30 ticks at this speed, were it running
        QCOMPARE(runner.history().now(), stoppedAt);
        QCOMPARE(runner.history().samples().size(), samples);

        runner.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(runner.history().now() >= stoppedAt + 0.5, 5'000);
    }

    // The rate is requests per simulated second: 10 per 0.1 s tick at 100/s,
    // 25 at 250/s, from the next tick on, in the same run.
    void rateIsHonoured()
    {
        SimulationRunner runner({.seed = 5, .startPaused = true});
        QVERIFY(startOn(runner, m_greeter, kGreeter));
        QCOMPARE(runner.requestsPerSecond(), 100.0);
        QVERIFY(simulate(runner, 2));
        for (const SimulationSample &sample : runner.history().samples())
            QCOMPARE(sample.step.counts.requests, int64_t(10));

        QSignalSpy reset(&runner, &SimulationRunner::runReset);
        runner.setRequestsPerSecond(250);
        QCOMPARE(runner.requestsPerSecond(), 250.0);
        QVERIFY(simulate(runner, 2));
        QCOMPARE(reset.size(), 0); // the same run goes on
        QCOMPARE(runner.history().samples().size(), size_t(40));
        QCOMPARE(requestsIn(runner, 0), int64_t(200 + 500));
        QCOMPARE(requestsIn(runner, 2), int64_t(500));
        for (const SimulationSample &sample : runner.history().samples()) {
            if (sample.step.startSeconds >= 2 - 1e-9)
                QCOMPARE(sample.step.counts.requests, int64_t(25));
        }
        // Fractions carry over: 15/s is 1.5 per tick, 3 every two ticks.
        runner.setRequestsPerSecond(15);
        QVERIFY(simulate(runner, 2));
        QCOMPARE(requestsIn(runner, 4), int64_t(30));
        runner.setRequestsPerSecond(-1); // refused
        QCOMPARE(runner.requestsPerSecond(), 15.0);
    }

    // No selection, no run: nothing is simulated and the views are told.
    void noVirtualServiceNoRun()
    {
        SimulationRunner runner({.seed = 1, .startPaused = true});
        QVERIFY(startOn(runner, m_greeter, kGreeter));
        QSignalSpy reset(&runner, &SimulationRunner::runReset);
        runner.setVirtualService(QString());
        QVERIFY(!runner.isSimulating());
        QCOMPARE(reset.size(), 1);
        QVERIFY(simulate(runner, 1));
        QVERIFY(runner.history().isEmpty());
    }

    // runFor() asked while the Router is still being built simulates the run
    // that starts once it arrives (the screenshot's --sim-seconds relies on
    // this), instead of finishing at once with nothing.
    void runForWaitsForTheRouter()
    {
        SimulationRunner runner({.seed = 2, .startPaused = true});
        QSignalSpy finished(&runner, &SimulationRunner::runFinished);
        runner.setMesh(m_greeter);
        runner.setVirtualService(kGreeter);
        QVERIFY(!runner.isSimulating());
        runner.runFor(3);
        runner.runFor(2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10'000);
        QVERIFY(runner.isSimulating());
        QVERIFY(!runner.isBusy());
        QCOMPARE(runner.history().samples().size(), size_t(50));
    }

    // Receivers of routerChanged (the split chart computes the expected split
    // from router and mix) see the state that goes with the new Router: here
    // the snapshot lost the rule, so the run is already over.
    void routerChangedComesWithItsMix()
    {
        SimulationRunner runner({.seed = 4, .startPaused = true});
        QVERIFY(startOn(runner, m_greeter, kGreeter));
        QCOMPARE(runner.trafficMix().classes.size(), size_t(1));
        std::optional<bool> simulatingWhenTold;
        connect(&runner, &SimulationRunner::routerChanged, this,
                [&] { simulatingWhenTold = runner.isSimulating(); });
        runner.setMesh(loadSample("bookinfo")); // no greeter-service in it
        QTRY_VERIFY_WITH_TIMEOUT(simulatingWhenTold.has_value(), 10'000);
        QCOMPARE(*simulatingWhenTold, false);
        QVERIFY(simulate(runner, 1)); // no run: finished at once, nothing simulated
        QVERIFY(runner.history().isEmpty());
    }

    // The default traffic of a Gateway API canary (a mesh HTTPRoute, selected
    // as "HTTPRoute/ns/name"): in-mesh calls to the parent Service, split 90/10
    // by backendRef weights between the per-version Services. Within five
    // binomial standard deviations of 3,000 requests, for the fixed seed.
    void gatewayApiCanarySplits90To10()
    {
        SimulationRunner runner({.seed = 21, .startPaused = true});
        QVERIFY(startOn(runner, loadSample("bookinfo-gateway-api"), QStringLiteral("HTTPRoute/bookinfo/reviews")));
        const HttpRequest &request = runner.trafficMix().classes.front().request;
        QCOMPARE(request.authority, std::string("reviews.bookinfo.svc.cluster.local"));
        QCOMPARE(request.port, uint32_t(9080));
        QVERIFY(simulate(runner, 30));
        const SimulationCounts counts = totals(runner);
        QCOMPARE(counts.requests, int64_t(3000));
        const SimulationCounts::Target *v1 = counts.destination("reviews-v1.bookinfo.svc.cluster.local", "");
        const SimulationCounts::Target *v2 = counts.destination("reviews-v2.bookinfo.svc.cluster.local", "");
        QVERIFY(v1 && v2);
        QCOMPARE(v1->count + v2->count, counts.requests);
        QVERIFY2(std::abs(counts.fraction(v2->count) - 0.1) < 5 * spread(0.1, counts.requests),
                 qPrintable(QString::number(counts.fraction(v2->count))));
        QCOMPARE(runner.history().expected().destinationProbability("reviews-v2.bookinfo.svc.cluster.local", ""), 0.1);
        QCOMPARE(counts.statuses.at(200), counts.requests);
    }

    // The TCP canary: TCP connections through the TCP gateway on its listener
    // port (an HTTP request to / would find no HTTP server there), 80/20.
    void tcpCanarySplits80To20()
    {
        SimulationRunner runner({.seed = 22, .startPaused = true});
        QVERIFY(startOn(runner, loadSample("tcp-echo-shift"), QStringLiteral("echo/tcp-echo")));
        const HttpRequest &request = runner.trafficMix().classes.front().request;
        QCOMPARE(int(request.protocol), int(ConnectionProtocol::Tcp));
        QCOMPARE(request.gateway, std::string("echo/echo-gateway"));
        QCOMPARE(request.port, uint32_t(31400));
        QVERIFY(simulate(runner, 30));
        const SimulationCounts counts = totals(runner);
        QCOMPARE(counts.requests, int64_t(3000));
        const SimulationCounts::Target *v1 = counts.destination("tcp-echo.echo.svc.cluster.local", "v1");
        const SimulationCounts::Target *v2 = counts.destination("tcp-echo.echo.svc.cluster.local", "v2");
        QVERIFY(v1 && v2);
        QCOMPARE(v1->count + v2->count, counts.requests);
        QVERIFY2(std::abs(counts.fraction(v2->count) - 0.2) < 5 * spread(0.2, counts.requests),
                 qPrintable(QString::number(counts.fraction(v2->count))));
        QCOMPARE(runner.history().expected().destinationProbability("tcp-echo.echo.svc.cluster.local", "v2"), 0.2);
    }

    // A traffic mix may enter through a Gateway API Gateway, not only an Istio one.
    void trafficMixThroughAGatewayApiGateway()
    {
        SimulationRunner runner({.seed = 23, .startPaused = true});
        QVERIFY(startOn(runner, loadSample("bookinfo-gateway-api"), QStringLiteral("HTTPRoute/bookinfo/bookinfo")));
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("ingress.traffic"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("classes:\n  - name: product page\n    host: bookinfo.example.com\n    path: /productpage\n"
                   "    gateway: bookinfo/bookinfo-gateway\n");
        file.close();
        const Result<void> loaded = runner.loadTrafficMix(path);
        QVERIFY2(loaded, loaded.error().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(runner.isSimulating() && !runner.isBusy(), 10'000);
        QVERIFY(simulate(runner, 2));
        const SimulationCounts counts = totals(runner);
        QVERIFY(counts.destination("productpage.bookinfo.svc.cluster.local", ""));
        QCOMPARE(counts.statuses.at(200), counts.requests);
    }

private:
    MeshPtr m_greeter;
};

QTEST_MAIN(TestSimulationRunner)
#include "tst_simulationrunner.moc"
