// SPDX-License-Identifier: MIT
// `meshlane rollout`: the JSON keys, exit codes (0 promoted, 79 rolled
// back, 64 usage, 65 unreadable plan or traffic), determinism, text output;
// an Argo Rollout or Flagger Canary as --plan, and the --export-* options.

#include "support/clirunner.h"
#include "support/testfolder.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace meshlane::cli;

namespace {

QString sample(const char *file) { return samplesDir() + QStringLiteral("/rollout-reviews/") + QLatin1String(file); }

CliRun rollout(const QString &traffic, QStringList extra = {})
{
    QStringList args{QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                     QStringLiteral("--plan"), sample("plan.yaml")};
    if (!traffic.isEmpty())
        args << QStringLiteral("--traffic") << sample(traffic.toLatin1().constData());
    return runCli(args + extra);
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

const QStringList kJson{QStringLiteral("-o"), QStringLiteral("json")};

} // namespace

class TestRolloutCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyPlanPromotes()
    {
        const CliRun run = rollout(QStringLiteral("traffic-healthy.traffic"), kJson);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = run.json();
        QVERIFY(keysOf(root).contains(QSet<QString>{QStringLiteral("outcome"), QStringLiteral("endedAt"),
                                                    QStringLiteral("steps"), QStringLiteral("totals")}));
        QCOMPARE(root[QStringLiteral("outcome")].toString(), QStringLiteral("promoted"));
        QCOMPARE(root[QStringLiteral("endedAt")].toDouble(), 1020.0);
        const QJsonArray steps = root[QStringLiteral("steps")].toArray();
        QCOMPARE(steps.size(), 10);
        const QJsonObject pause = steps[3].toObject();
        QVERIFY(keysOf(pause).contains(QSet<QString>{
            QStringLiteral("index"), QStringLiteral("action"), QStringLiteral("startedAt"), QStringLiteral("weights"),
            QStringLiteral("requests"), QStringLiteral("errors"), QStringLiteral("gates")}));
        QCOMPARE(pause[QStringLiteral("index")].toInt(), 4);
        QCOMPARE(pause[QStringLiteral("action")].toString(), QStringLiteral("pause 300s"));
        QCOMPARE(pause[QStringLiteral("startedAt")].toDouble(), 120.0);
        QCOMPARE(pause[QStringLiteral("weights")].toObject()[QStringLiteral("v3")].toInt(), 10);
        QVERIFY(pause[QStringLiteral("requests")].toObject()[QStringLiteral("v1")].toInt() > 0);
        const QJsonArray gates = pause[QStringLiteral("gates")].toArray();
        QCOMPARE(gates.size(), 10); // five one-minute windows, two metrics each
        QCOMPARE(keysOf(gates[0].toObject()),
                 (QSet<QString>{QStringLiteral("at"), QStringLiteral("verdict"), QStringLiteral("metric"),
                                QStringLiteral("observed"), QStringLiteral("threshold"), QStringLiteral("requests")}));
        QCOMPARE(gates[0].toObject()[QStringLiteral("at")].toDouble(), 180.0);
        const QJsonObject totals = root[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("requests")].toInt(), 20 * 1020);
        QVERIFY(totals[QStringLiteral("canaryRequests")].toInt() > 0);
        QVERIFY(totals.contains(QStringLiteral("failedRequests")));
    }

    void faultyPlanRollsBackWithExitCode79()
    {
        const CliRun run = rollout(QStringLiteral("traffic-faulty.traffic"), kJson);
        QCOMPARE(run.exitCode, 79);
        const QJsonObject root = run.json();
        QCOMPARE(root[QStringLiteral("outcome")].toString(), QStringLiteral("rolledBack"));
        QVERIFY(root[QStringLiteral("explanation")].toString().contains(QStringLiteral("rolled back at step")));
        QVERIFY(
            root[QStringLiteral("explanation")].toString().contains(QStringLiteral("canary requests in the window")));
        const QJsonArray steps = root[QStringLiteral("steps")].toArray();
        QCOMPARE(steps.last().toObject()[QStringLiteral("action")].toString(), QStringLiteral("rollback"));
        QCOMPARE(steps.last().toObject()[QStringLiteral("weights")].toObject()[QStringLiteral("v1")].toInt(), 100);

        const CliRun text = rollout(QStringLiteral("traffic-faulty.traffic"));
        QCOMPARE(text.exitCode, 79);
        QVERIFY2(text.out.contains(QStringLiteral("STEP")) && text.out.contains(QStringLiteral(": fail")),
                 qPrintable(text.out));
    }

    void sameSeedSameOutput()
    {
        const QStringList seed{QStringLiteral("--seed"), QStringLiteral("5")};
        const CliRun first = rollout(QStringLiteral("traffic-faulty.traffic"), kJson + seed);
        QCOMPARE(rollout(QStringLiteral("traffic-faulty.traffic"), kJson + seed).out, first.out);
        QVERIFY(rollout(QStringLiteral("traffic-faulty.traffic"), kJson).out != first.out);
    }

    void withoutTrafficTheFirstHostGetsDefaultTraffic()
    {
        const CliRun run = rollout({}, kJson);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json()[QStringLiteral("totals")].toObject()[QStringLiteral("requests")].toInt(), 100 * 1020);
    }

    void usageAndInputErrors()
    {
        CliRun run = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QStringLiteral("--plan is required")));
        run = rollout({}, {QStringLiteral("--seed"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 64);

        TestFolder folder;
        folder.write(QStringLiteral("plan.yaml"),
                     "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\nspec:\n"
                     "  route: {virtualService: default/reviews}\n  stable: v1\n"
                     "  canary: v3\n  steps:\n    - setWieght: 10\n");
        folder.write(QStringLiteral("traffic.yaml"),
                     "classes:\n  - host: reviews\nbehaviour:\n"
                     "  - destination: reviews:v3\n    errorRate: 2\n");
        const QString plan = folder.qpath() + QStringLiteral("/plan.yaml");
        run = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                      QStringLiteral("--plan"), plan});
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(plan + QStringLiteral(":8: unknown step 'setWieght'")), qPrintable(run.err));

        run = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                      QStringLiteral("--plan"), sample("plan.yaml"), QStringLiteral("--traffic"),
                      folder.qpath() + QStringLiteral("/traffic.yaml")});
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QStringLiteral("traffic.yaml: line 5: errorRate must be")), qPrintable(run.err));

        folder.write(QStringLiteral("plan.yaml"),
                     "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\nspec:\n"
                     "  route: {virtualService: default/nope}\n  stable: v1\n"
                     "  canary: v3\n  steps:\n    - setWeight: 10\n");
        run = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                      QStringLiteral("--plan"), plan});
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QStringLiteral("no VirtualService default/nope")), qPrintable(run.err));
    }

    void argoRolloutRehearsesLikeThePlan()
    {
        // The sample's Rollout is plan.yaml: the same seed gives the same report, byte for byte.
        const CliRun plan = rollout(QStringLiteral("traffic-healthy.traffic"), kJson);
        const CliRun argo = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                                    QStringLiteral("--plan"), sample("argo-rollout.yaml"), QStringLiteral("--traffic"),
                                    sample("traffic-healthy.traffic"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(argo.exitCode, 0);
        QCOMPARE(argo.out, plan.out);
        // What the plan does not carry is listed on stderr with file and line.
        QVERIFY2(argo.err.contains(QStringLiteral("argo-rollout.yaml:15: spec.workloadRef: ")), qPrintable(argo.err));
    }

    void flaggerCanaryRehearses()
    {
        const CliRun run = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                                   QStringLiteral("--plan"), sample("flagger-canary.yaml"), QStringLiteral("--traffic"),
                                   sample("traffic-faulty.traffic"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 79);
        const QJsonObject root = run.json();
        QCOMPARE(root[QStringLiteral("outcome")].toString(), QStringLiteral("rolledBack"));
        QCOMPARE(root[QStringLiteral("steps")].toArray()[0].toObject()[QStringLiteral("action")].toString(),
                 QStringLiteral("setWeight 10"));
    }

    void exportsInsteadOfRehearsing()
    {
        TestFolder out;
        const QString argo = out.qpath() + QStringLiteral("/rollout.yaml");
        const QString flagger = out.qpath() + QStringLiteral("/canary.yaml");
        const QString plan = out.qpath() + QStringLiteral("/plan.yaml");
        const QString steps = out.qpath() + QStringLiteral("/steps");
        const CliRun run = rollout({},
                                   {QStringLiteral("--export-argo"), argo, QStringLiteral("--export-flagger"), flagger,
                                    QStringLiteral("--export-plan"), plan, QStringLiteral("--export-steps"), steps});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.out.contains(QStringLiteral("Rehearsal")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("wrote Argo Rollout ") + argo));
        // The written Rollout is the sample's (which was written by this command).
        QByteArray sampleArgo = out.read(QStringLiteral("rollout.yaml"));
        QFile committed(sample("argo-rollout.yaml"));
        QVERIFY(committed.open(QIODevice::ReadOnly));
        QVERIFY(committed.readAll().endsWith(sampleArgo));
        // Flagger's limits are listed, not hidden.
        QVERIFY2(run.err.contains(QStringLiteral("step 1 (setHeaderRoute testers) cannot be expressed")),
                 qPrintable(run.err));
        QVERIFY(QFile::exists(steps + QStringLiteral("/step-03-weight-10/virtual-services.yaml")));
        QVERIFY(!QFile::exists(steps + QStringLiteral("/step-02-pause-2m")));
        // The RolloutPlan written back rehearses like the original.
        const CliRun again = runCli({QStringLiteral("rollout"), samplesDir() + QStringLiteral("/rollout-reviews"),
                                     QStringLiteral("--plan"), plan, QStringLiteral("--traffic"),
                                     sample("traffic-healthy.traffic"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(again.out, rollout(QStringLiteral("traffic-healthy.traffic"), kJson).out);
    }

    void sampleFolderWithRolloutAndCanaryAnalyzesClean()
    {
        const CliRun run = runCli({QStringLiteral("analyze"), samplesDir() + QStringLiteral("/rollout-reviews")});
        QCOMPARE(run.exitCode, 0);
        // istioctl's habit: the all-clear goes to stderr, and nothing else is said.
        QCOMPARE(run.err.trimmed(), QStringLiteral("No issues found in 7 files."));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    }

    void gatewayApiPlan()
    {
        const QString mesh = meshlane::test::testData(QStringLiteral("rollout/gatewayapi"));
        const QString plan = meshlane::test::testData(QStringLiteral("rollout/gatewayapi-plan/plan.yaml"));
        const QString faulty = meshlane::test::testData(QStringLiteral("rollout/gatewayapi-plan/faulty.traffic"));
        CliRun run = runCli({QStringLiteral("rollout"), mesh, QStringLiteral("--plan"), plan, QStringLiteral("-o"),
                             QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject weights =
            run.json()[QStringLiteral("steps")].toArray()[2].toObject()[QStringLiteral("weights")].toObject();
        QCOMPARE(weights[QStringLiteral("reviews-v3")].toInt(), 50); // keyed by backend Service
        run = runCli(
            {QStringLiteral("rollout"), mesh, QStringLiteral("--plan"), plan, QStringLiteral("--traffic"), faulty});
        QCOMPARE(run.exitCode, 79);
        QVERIFY2(run.out.contains(QStringLiteral("rolled back at step 2")), qPrintable(run.out));
        // Per-step folders hold the HTTPRoute as each step leaves it.
        TestFolder out;
        run = runCli({QStringLiteral("rollout"), mesh, QStringLiteral("--plan"), plan, QStringLiteral("--export-steps"),
                      out.qpath()});
        QCOMPARE(run.exitCode, 0);
        const QByteArray step = out.read(QStringLiteral("step-03-weight-50/reviews-route.yaml"));
        QVERIFY2(step.contains("name: reviews-v3\n      port: 9080\n      weight: 50"), step.constData());
        QVERIFY(step.startsWith("# A mesh route (GAMMA"));
    }

    void gatewayApiHeaderAndMirrorSteps()
    {
        const QString mesh = meshlane::test::testData(QStringLiteral("rollout/gatewayapi"));
        const QString plan =
            meshlane::test::testData(QStringLiteral("rollout/gatewayapi-plan/header-mirror-plan.yaml"));
        const QString testers = meshlane::test::testData(QStringLiteral("rollout/gatewayapi-plan/testers.traffic"));
        const QStringList args{QStringLiteral("rollout"),   mesh,    QStringLiteral("--plan"), plan,
                               QStringLiteral("--traffic"), testers, QStringLiteral("-o"),     QStringLiteral("json")};
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = run.json();
        QCOMPARE(root[QStringLiteral("outcome")].toString(), QStringLiteral("promoted"));
        const QJsonArray steps = root[QStringLiteral("steps")].toArray();
        QCOMPARE(steps.size(), 7);
        QCOMPARE(steps[0].toObject()[QStringLiteral("action")].toString(), QStringLiteral("setHeaderRoute testers"));
        // At weight 0 the canary's requests are the testers' (10 % of 600).
        const int testersToCanary =
            steps[1].toObject()[QStringLiteral("requests")].toObject()[QStringLiteral("reviews-v3")].toInt();
        QVERIFY2(testersToCanary > 30 && testersToCanary < 90, qPrintable(QString::number(testersToCanary)));
        const qint64 mirrored =
            root[QStringLiteral("totals")].toObject()[QStringLiteral("mirroredToCanary")].toInteger();
        QVERIFY2(mirrored > 200 && mirrored < 340, qPrintable(QString::number(mirrored)));
        QCOMPARE(runCli(args).out, run.out); // same seed, same report

        // The step manifests hold the header rule and the mirror as written; promotion takes both away.
        TestFolder out;
        const CliRun exported = runCli({QStringLiteral("rollout"), mesh, QStringLiteral("--plan"), plan,
                                        QStringLiteral("--export-steps"), out.qpath()});
        QCOMPARE(exported.exitCode, 0);
        const QByteArray header = out.read(QStringLiteral("step-01-header-route-testers/reviews-route.yaml"));
        QVERIFY2(header.contains("  rules:\n  - name: testers\n    matches:\n    - headers:\n      - name: x-canary\n"
                                 "        type: Exact\n        value: \"yes\"\n    backendRefs:\n"
                                 "    - name: reviews-v3\n      port: 9080\n"),
                 header.constData());
        const QByteArray mirror = out.read(QStringLiteral("step-03-mirror-50/reviews-route.yaml"));
        QVERIFY2(mirror.contains("  - filters:\n    - type: RequestMirror\n      requestMirror:\n        backendRef:\n"
                                 "          name: reviews-v3\n          port: 9080\n        percent: 50\n"
                                 "    backendRefs:\n    - name: reviews-v1\n"),
                 mirror.constData());
        const QByteArray promoted = out.read(QStringLiteral("step-07-promote/reviews-route.yaml"));
        QVERIFY2(!promoted.contains("testers") && !promoted.contains("RequestMirror"), promoted.constData());
    }
};

QTEST_GUILESS_MAIN(TestRolloutCommand)
#include "tst_rolloutcommand.moc"
