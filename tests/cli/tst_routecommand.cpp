// SPDX-License-Identifier: MIT
// `meshlane route`: options, JSON keys (a stable interface), text output and
// exit codes, run in-process.

#include "support/clirunner.h"
#include "support/testdata.h"
#include "support/testfolder.h"
#include "support/textgolden.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTextStream>

using namespace meshlane::cli;

namespace {

QString sample(const char *name) { return samplesDir() + u'/' + QLatin1String(name); }
QString testData(const char *name)
{
    return meshlane::test::testData(QStringLiteral("routing/") + QLatin1String(name));
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> setOf(std::initializer_list<const char *> names)
{
    QSet<QString> set;
    for (const char *name : names)
        set.insert(QLatin1String(name));
    return set;
}

CliRun routeJson(QStringList args)
{
    args.prepend(QStringLiteral("route"));
    args << QStringLiteral("-o") << QStringLiteral("json");
    return runCli(args);
}

} // namespace

class TestRouteCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonHasExactlyTheDocumentedKeys()
    {
        const CliRun result = routeJson({sample("httpbin-mirror"), QStringLiteral("--host"), QStringLiteral("httpbin")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QJsonObject root = result.json();
        // `rule` (kind, namespace, name, section, index, match) names the rule whatever its list.
        QCOMPARE(keysOf(root), setOf({"host", "virtualService", "httpRoute", "routeName", "rule", "status", "outcomes",
                                      "redirect", "rewrite", "destinations", "mirrors", "fault", "explanation"}));
        QCOMPARE(keysOf(root[QStringLiteral("rule")].toObject()),
                 setOf({"kind", "namespace", "name", "section", "index", "match"}));
        QCOMPARE(root[QStringLiteral("rule")][QStringLiteral("kind")].toString(), QStringLiteral("VirtualService"));
        QCOMPARE(root[QStringLiteral("rule")][QStringLiteral("section")].toString(), QStringLiteral("http"));
        QVERIFY(root[QStringLiteral("redirect")].isNull());
        QVERIFY(root[QStringLiteral("rewrite")].isNull());
        const QJsonObject destination = root[QStringLiteral("destinations")].toArray().first().toObject();
        // `status` is extra: it tells which share would fail with 503.
        QCOMPARE(keysOf(destination), setOf({"host", "subset", "port", "probability", "pods", "status"}));
        const QJsonObject mirror = root[QStringLiteral("mirrors")].toArray().first().toObject();
        QCOMPARE(keysOf(mirror), setOf({"host", "subset", "probability"}));
        QCOMPARE(keysOf(root[QStringLiteral("fault")].toObject()),
                 setOf({"delayProbability", "delayMs", "abortProbability", "abortStatus"}));
        QCOMPARE(mirror[QStringLiteral("subset")].toString(), QStringLiteral("v2"));
        QCOMPARE(mirror[QStringLiteral("probability")].toDouble(), 1.0);
        QVERIFY(root[QStringLiteral("explanation")].toArray().size() > 2);
    }

    void bookinfoJasonAndEveryoneElse()
    {
        const CliRun jason = routeJson({sample("bookinfo"), QStringLiteral("--host"), QStringLiteral("reviews"),
                                        QStringLiteral("--header"), QStringLiteral("end-user=jason")});
        const QJsonObject root = jason.json();
        QCOMPARE(root[QStringLiteral("host")].toString(), QStringLiteral("reviews.default.svc.cluster.local"));
        QCOMPARE(root[QStringLiteral("virtualService")].toString(), QStringLiteral("default/reviews"));
        QCOMPARE(root[QStringLiteral("httpRoute")].toInt(), 0);
        QVERIFY(root[QStringLiteral("routeName")].isNull());
        QCOMPARE(root[QStringLiteral("status")].toInt(), 200);
        const QJsonObject destination = root[QStringLiteral("destinations")].toArray().first().toObject();
        QCOMPARE(destination[QStringLiteral("subset")].toString(), QStringLiteral("v2"));
        QCOMPARE(destination[QStringLiteral("port")].toInt(), 9080);
        QCOMPARE(destination[QStringLiteral("probability")].toDouble(), 1.0);
        const QJsonObject pod = destination[QStringLiteral("pods")].toArray().first().toObject();
        QCOMPARE(pod[QStringLiteral("name")].toString(), QStringLiteral("reviews-v2"));
        QCOMPARE(pod[QStringLiteral("replicas")].toInt(), 1);

        const CliRun others = routeJson({sample("bookinfo"), QStringLiteral("--host"), QStringLiteral("reviews")});
        QCOMPARE(others.json()[QStringLiteral("httpRoute")].toInt(), 1);
        QCOMPARE(others.json()[QStringLiteral("destinations")].toArray().first().toObject()[QStringLiteral("subset")]
                     .toString(),
                 QStringLiteral("v1"));
    }

    void hostWithoutVirtualServiceHasNulls()
    {
        const QJsonObject root =
            routeJson({sample("greeter"), QStringLiteral("--host"), QStringLiteral("movieweb")}).json();
        QVERIFY(root[QStringLiteral("virtualService")].isNull());
        QVERIFY(root[QStringLiteral("httpRoute")].isNull());
        const QJsonObject destination = root[QStringLiteral("destinations")].toArray().first().toObject();
        QVERIFY(destination[QStringLiteral("subset")].isNull());
        QCOMPARE(destination[QStringLiteral("probability")].toDouble(), 1.0);
    }

    void accountServiceShowsThe503Share()
    {
        const QJsonObject root =
            routeJson({sample("account-service"), QStringLiteral("--host"), QStringLiteral("account-service")}).json();
        const QJsonArray destinations = root[QStringLiteral("destinations")].toArray();
        QCOMPARE(destinations.size(), 2);
        QCOMPARE(destinations[0].toObject()[QStringLiteral("subset")].toString(), QStringLiteral("v0"));
        QCOMPARE(destinations[0].toObject()[QStringLiteral("status")].toInt(), 503);
        QCOMPARE(destinations[0].toObject()[QStringLiteral("probability")].toDouble(), 0.1);
        QCOMPARE(destinations[0].toObject()[QStringLiteral("pods")].toArray().size(), 0);
        QCOMPARE(destinations[1].toObject()[QStringLiteral("status")].toInt(), 200);
    }

    void pathQueryStringAndQueryOptionFeedQueryMatches()
    {
        const QString shop = testData("shop");
        const auto routeOf = [&shop](QStringList extra) {
            QStringList args{shop, QStringLiteral("--host"), QStringLiteral("shop"), QStringLiteral("--source-namespace"),
                             QStringLiteral("shop")};
            args += extra;
            return routeJson(args).json()[QStringLiteral("routeName")].toString();
        };
        QCOMPARE(routeOf({QStringLiteral("--path"), QStringLiteral("/items/12?beta=1")}), QStringLiteral("beta-item"));
        QCOMPARE(routeOf({QStringLiteral("--path"), QStringLiteral("/items/12"), QStringLiteral("--query"),
                          QStringLiteral("beta=1")}),
                 QStringLiteral("beta-item"));
        QCOMPARE(routeOf({QStringLiteral("--path"), QStringLiteral("/items/12?beta=2")}), QStringLiteral("default"));
        QCOMPARE(routeOf({QStringLiteral("--source-labels"), QStringLiteral("app=admin,version=v1")}),
                 QStringLiteral("admins"));
        QCOMPARE(routeOf({QStringLiteral("--header"), QStringLiteral("X-Mirror=yes")}), QStringLiteral("shadowed"));
        // The short name "shop" means shop.default... from namespace default: unknown there.
        const QJsonObject wrongNamespace =
            routeJson({shop, QStringLiteral("--host"), QStringLiteral("shop")}).json();
        QCOMPARE(wrongNamespace[QStringLiteral("status")].toInt(), 404);
    }

    void faultsAndMirrorPercentagesInJson()
    {
        const QString shop = testData("shop");
        const QJsonObject admins = routeJson({shop, QStringLiteral("--host"), QStringLiteral("shop.shop"),
                                              QStringLiteral("--source-labels"), QStringLiteral("app=admin")})
                                       .json();
        const QJsonObject fault = admins[QStringLiteral("fault")].toObject();
        QCOMPARE(fault[QStringLiteral("abortProbability")].toDouble(), 0.5);
        QCOMPARE(fault[QStringLiteral("abortStatus")].toInt(), 500);
        QCOMPARE(fault[QStringLiteral("delayProbability")].toDouble(), 0.25);
        QCOMPARE(fault[QStringLiteral("delayMs")].toInt(), 2000);
        // `status` is the routed status; `outcomes` says what clients get with the abort.
        QCOMPARE(admins[QStringLiteral("status")].toInt(), 200);
        const QJsonObject outcomes = admins[QStringLiteral("outcomes")].toObject();
        QCOMPARE(outcomes.size(), 2);
        QCOMPARE(outcomes[QStringLiteral("500")].toDouble(), 0.5);
        QCOMPARE(outcomes[QStringLiteral("200")].toDouble(), 0.5);
        const QJsonObject shadowed = routeJson({shop, QStringLiteral("--host"), QStringLiteral("shop.shop"),
                                                QStringLiteral("--header"), QStringLiteral("x-mirror=yes")})
                                         .json();
        QCOMPARE(shadowed[QStringLiteral("mirrors")].toArray().first().toObject()[QStringLiteral("probability")].toDouble(),
                 0.25);
    }

    void gatewayEntry()
    {
        const QJsonObject greeter = routeJson({sample("greeter"), QStringLiteral("--host"), QStringLiteral("helloweb.dev"),
                                               QStringLiteral("--gateway"), QStringLiteral("default/gateway")})
                                        .json();
        QCOMPARE(greeter[QStringLiteral("virtualService")].toString(), QStringLiteral("default/helloweb"));
        QCOMPARE(greeter[QStringLiteral("status")].toInt(), 200);
        const QJsonObject shop = routeJson({testData("shop"), QStringLiteral("--host"), QStringLiteral("shop.example.com"),
                                            QStringLiteral("--gateway"), QStringLiteral("shop/edge"),
                                            QStringLiteral("--path"), QStringLiteral("/items/12?beta=1")})
                                     .json();
        QCOMPARE(shop[QStringLiteral("routeName")].toString(), QStringLiteral("beta-item"));
    }

    void aFullAbortSaysWhatTheClientGets()
    {
        TestFolder folder;
        folder.write(QStringLiteral("shop.yaml"),
                     "apiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec:\n  selector: {app: shop}\n"
                     "  ports: [{name: http, port: 80}]\n---\n"
                     "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n"
                     "  selector: {matchLabels: {app: shop}}\n"
                     "  template: {metadata: {labels: {app: shop}}, spec: {containers: [{name: shop, image: x}]}}\n---\n"
                     "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: shop}\nspec:\n"
                     "  hosts: [shop]\n  http:\n  - fault: {abort: {httpStatus: 503, percentage: {value: 100}}}\n"
                     "    route: [{destination: {host: shop}}]\n");
        const CliRun text = runCli({QStringLiteral("route"), folder.qpath(), QStringLiteral("--host"), QStringLiteral("shop")});
        QVERIFY2(text.out.contains(QStringLiteral("Status   503 (the fault aborts every request; the route answers 200)")),
                 qPrintable(text.out));
        const QJsonObject json = routeJson({folder.qpath(), QStringLiteral("--host"), QStringLiteral("shop")}).json();
        QCOMPARE(json[QStringLiteral("status")].toInt(), 200);
        QCOMPARE(json[QStringLiteral("outcomes")].toObject(), (QJsonObject{{QStringLiteral("503"), 1.0}}));
    }

    // Istio's docs call the ingress gateway's Service port (80); the Gateway's server listens on the
    // proxy's own port (8080). With the Service in the folder the port is followed; without it the
    // answer names the port the Gateway listens on.
    void gatewayServicePortLeadsToItsTargetPort()
    {
        const QByteArray mesh =
            "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: edge}\nspec:\n"
            "  selector: {istio: ingressgateway}\n"
            "  servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ['*']}]\n---\n"
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: front}\nspec:\n"
            "  hosts: ['*']\n  gateways: [edge]\n  http: [{route: [{destination: {host: front}}]}]\n---\n"
            "apiVersion: v1\nkind: Service\nmetadata: {name: front}\nspec:\n  selector: {app: front}\n"
            "  ports: [{name: http, port: 9080}]\n---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: front}\nspec:\n"
            "  selector: {matchLabels: {app: front}}\n"
            "  template: {metadata: {labels: {app: front}}, spec: {containers: [{name: front, image: x}]}}\n";
        const QByteArray gatewayService =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ingress}\nspec:\n"
            "  selector: {matchLabels: {istio: ingressgateway}}\n"
            "  template: {metadata: {labels: {istio: ingressgateway}}, spec: {containers: [{name: proxy, image: x}]}}\n---\n"
            "apiVersion: v1\nkind: Service\nmetadata: {name: ingress}\nspec:\n  selector: {istio: ingressgateway}\n"
            "  ports: [{name: http2, port: 80, targetPort: 8080}]\n";
        const QStringList request{QStringLiteral("--gateway"), QStringLiteral("default/edge"), QStringLiteral("--host"),
                                  QStringLiteral("x"), QStringLiteral("--port"), QStringLiteral("80")};

        TestFolder without;
        without.write(QStringLiteral("mesh.yaml"), mesh);
        const QJsonObject missed = routeJson(QStringList{without.qpath()} + request).json();
        QCOMPARE(missed[QStringLiteral("status")].toInt(), 404);
        QVERIFY2(missed[QStringLiteral("explanation")].toVariant().toStringList().join(u'\n').contains(
                     QStringLiteral("did you mean --port 8080?")),
                 qPrintable(missed[QStringLiteral("explanation")].toVariant().toStringList().join(u'\n')));

        TestFolder with;
        with.write(QStringLiteral("mesh.yaml"), mesh + "---\n" + gatewayService);
        const QJsonObject routed = routeJson(QStringList{with.qpath()} + request).json();
        QCOMPARE(routed[QStringLiteral("status")].toInt(), 200);
        QCOMPARE(routed[QStringLiteral("virtualService")].toString(), QStringLiteral("default/front"));
        QVERIFY(routed[QStringLiteral("explanation")].toVariant().toStringList().join(u'\n').contains(
            QStringLiteral("target port 8080")));
    }

    void textOutputIsAlignedWithPercentages()
    {
        const CliRun result = runCli({QStringLiteral("route"), sample("fleetman"), QStringLiteral("--host"),
                                      QStringLiteral("fleetman-staff-service")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QStringList lines = result.out.split(u'\n');
        qsizetype heading = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].startsWith(QStringLiteral("DESTINATION")))
                heading = i;
        }
        QVERIFY(heading >= 0);
        const qsizetype shareColumn = lines[heading].indexOf(QStringLiteral("SHARE"));
        QVERIFY(lines[heading + 1].mid(shareColumn).startsWith(QStringLiteral("90 %")));
        QVERIFY(lines[heading + 2].mid(shareColumn).startsWith(QStringLiteral("10 %")));
        QVERIFY(result.out.contains(QStringLiteral("Why:")));
        QVERIFY(result.out.contains(QStringLiteral("VirtualService default/fleetman-staff-service")));
    }

    void usageErrorsExit64()
    {
        const QString dir = sample("bookinfo");
        const QList<QStringList> cases = {
            {dir},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--header"), QStringLiteral("novalue")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--header"), QStringLiteral("=x")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--port"), QStringLiteral("http")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--port"), QStringLiteral("70000")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--path"), QStringLiteral("items")},
            {dir, QStringLiteral("--host"), QStringLiteral("reviews"), QStringLiteral("--query"), QStringLiteral("q")},
            {dir, QStringLiteral("--host"), QStringLiteral("x"), QStringLiteral("--gateway"), QStringLiteral("edge")},
            {dir, QStringLiteral("--host"), QStringLiteral("x"), QStringLiteral("--gateway"), QStringLiteral("default/none")},
            {dir, QStringLiteral("--host"), QStringLiteral("x"), QStringLiteral("--source-labels"), QStringLiteral("app")},
            {dir, QStringLiteral("--host"), QStringLiteral("x"), QStringLiteral("--bogus")},
            {dir, QStringLiteral("--host"), QStringLiteral("x"), QStringLiteral("-o"), QStringLiteral("yaml")},
        };
        for (QStringList args : cases) {
            args.prepend(QStringLiteral("route"));
            const CliRun result = runCli(args);
            QVERIFY2(result.exitCode == ExitUsage, qPrintable(args.join(u' ') + QStringLiteral(" -> ") + result.err));
            QVERIFY(result.err.contains(QStringLiteral("meshlane route:")));
        }
    }

    void unparseableFilesExit65ButStillRoute()
    {
        TestFolder folder;
        QVERIFY(folder.isValid());
        QFile routing(sample("fleetman") + QStringLiteral("/routing.yaml"));
        QVERIFY(routing.open(QIODevice::ReadOnly));
        folder.write(QStringLiteral("routing.yaml"), routing.readAll());
        folder.write(QStringLiteral("broken.yaml"), "kind: [unclosed\n");
        const CliRun result =
            routeJson({folder.qpath(), QStringLiteral("--host"), QStringLiteral("fleetman-staff-service")});
        QCOMPARE(result.exitCode, int(ExitUnparseable));
        QCOMPARE(result.json()[QStringLiteral("virtualService")].toString(),
                 QStringLiteral("default/fleetman-staff-service"));
        QVERIFY(result.err.contains(QStringLiteral("broken.yaml")));
    }

    // The first attempt, answered: the TCP canary through its gateway.
    void tcpCanaryThroughItsGatewayMatchesTheGolden()
    {
        const CliRun result = runCli({QStringLiteral("route"), sample("tcp-echo-shift"), QStringLiteral("--gateway"),
                                      QStringLiteral("echo/echo-gateway"), QStringLiteral("--port"), QStringLiteral("31400"),
                                      QStringLiteral("--host"), QStringLiteral("x")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QString failure = meshlane::test::compareWithTextGolden(result.out, QStringLiteral("tcp-echo-shift.route.txt"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void connectionJsonNamesTheRuleSection()
    {
        const CliRun result = routeJson({sample("tls-passthrough"), QStringLiteral("--protocol"), QStringLiteral("tls"),
                                         QStringLiteral("--gateway"), QStringLiteral("edge/edge-gateway"),
                                         QStringLiteral("--port"), QStringLiteral("443"), QStringLiteral("--host"),
                                         QStringLiteral("pay.example.com")});
        QCOMPARE(result.exitCode, int(ExitOk));
        const QJsonObject root = result.json();
        // The keys of HTTP routing; httpRoute is null, `rule` names the list.
        QCOMPARE(keysOf(root), setOf({"host", "virtualService", "httpRoute", "routeName", "rule", "status", "outcomes",
                                      "redirect", "rewrite", "destinations", "mirrors", "fault", "explanation"}));
        QVERIFY(root[QStringLiteral("httpRoute")].isNull());
        const QJsonObject rule = root[QStringLiteral("rule")].toObject();
        QCOMPARE(rule[QStringLiteral("section")].toString(), QStringLiteral("tls"));
        QCOMPARE(rule[QStringLiteral("index")].toInt(), 1);
        QCOMPARE(rule[QStringLiteral("match")].toInt(), 0);
        QCOMPARE(root[QStringLiteral("status")].toInt(), 200);
        const QJsonObject destination = root[QStringLiteral("destinations")].toArray().first().toObject();
        QCOMPARE(destination[QStringLiteral("host")].toString(), QStringLiteral("payments.edge.svc.cluster.local"));

        // --sni overrides the host: an unknown name is closed (404).
        const CliRun other = routeJson({sample("tls-passthrough"), QStringLiteral("--protocol"), QStringLiteral("tls"),
                                        QStringLiteral("--gateway"), QStringLiteral("edge/edge-gateway"),
                                        QStringLiteral("--host"), QStringLiteral("pay.example.com"),
                                        QStringLiteral("--sni"), QStringLiteral("other.example.com")});
        QCOMPARE(other.json()[QStringLiteral("status")].toInt(), 404);
        QVERIFY(other.json()[QStringLiteral("rule")].isNull());
    }

    void connectionTextNamesTheSection()
    {
        const CliRun result = runCli({QStringLiteral("route"), sample("tcp-echo-shift"), QStringLiteral("--protocol"),
                                      QStringLiteral("tcp"), QStringLiteral("--host"), QStringLiteral("tcp-echo"),
                                      QStringLiteral("--source-namespace"), QStringLiteral("echo"),
                                      QStringLiteral("--destination-ip"), QStringLiteral("10.96.0.20")});
        QCOMPARE(result.exitCode, int(ExitOk));
        QVERIFY2(result.out.contains(QStringLiteral("Request  TCP connection to tcp-echo from a sidecar in namespace echo")),
                 qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("port 9000 of tcp-echo.echo.svc.cluster.local is TCP")),
                 qPrintable(result.out));
    }

    void connectionOptionsAreChecked()
    {
        const QList<QStringList> bad{
            {QStringLiteral("--protocol"), QStringLiteral("udp")},
            {QStringLiteral("--sni"), QStringLiteral("a.example.com")},
            {QStringLiteral("--protocol"), QStringLiteral("tcp"), QStringLiteral("--destination-ip"), QStringLiteral("10.1")},
        };
        for (const QStringList &extra : bad) {
            QStringList args{QStringLiteral("route"), sample("tcp-echo-shift"), QStringLiteral("--host"),
                             QStringLiteral("tcp-echo")};
            args += extra;
            const CliRun result = runCli(args);
            QVERIFY2(result.exitCode == ExitUsage, qPrintable(extra.join(u' ') + QStringLiteral(" -> ") + result.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestRouteCommand)
#include "tst_routecommand.moc"
