// SPDX-License-Identifier: MIT
// The CLI on Gateway API resources: route (JSON rule / redirect / rewrite
// keys, Service FQDN destinations, 500 shares), route through a Gateway API
// Gateway, simulate, analyze exit codes, inspect, set-weights by backend
// Service name and the export it writes.

#include "support/clirunner.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace meshlane::cli;

namespace {

QString sample(const char *name) { return samplesDir() + u'/' + QLatin1String(name); }
QString arg(const char *text) { return QString::fromLatin1(text); }

CliRun json(QStringList args)
{
    args << arg("-o") << arg("json");
    return runCli(args);
}

} // namespace

class TestGatewayApiCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meshRouteJson()
    {
        const CliRun run = json({arg("route"), sample("bookinfo-gateway-api"), arg("--host"), arg("reviews"),
                                 arg("--source-namespace"), arg("bookinfo")});
        QCOMPARE(run.exitCode, int(ExitOk));
        const QJsonObject root = run.json();
        const QJsonObject rule = root[arg("rule")].toObject();
        QCOMPARE(rule[arg("kind")].toString(), arg("HTTPRoute"));
        QCOMPARE(rule[arg("namespace")].toString(), arg("bookinfo"));
        QCOMPARE(rule[arg("name")].toString(), arg("reviews"));
        QCOMPARE(rule[arg("index")].toInt(), 0);
        QCOMPARE(rule[arg("match")].toInt(), 0);
        QVERIFY(root[arg("virtualService")].isNull());
        QVERIFY(root[arg("redirect")].isNull());
        const QJsonArray destinations = root[arg("destinations")].toArray();
        QCOMPARE(destinations.size(), 2);
        QCOMPARE(destinations[0].toObject()[arg("host")].toString(), arg("reviews-v1.bookinfo.svc.cluster.local"));
        QVERIFY(destinations[0].toObject()[arg("subset")].isNull());
        QCOMPARE(destinations[0].toObject()[arg("port")].toInt(), 9080);
        QCOMPARE(destinations[0].toObject()[arg("probability")].toDouble(), 0.9);
        QCOMPARE(destinations[1].toObject()[arg("probability")].toDouble(), 0.1);
    }

    void gatewayRouteTextAndUnknownGateway()
    {
        const CliRun run = runCli({arg("route"), sample("bookinfo-gateway-api"), arg("--gateway"),
                                   arg("bookinfo/bookinfo-gateway"), arg("--host"), arg("bookinfo.example.com"),
                                   arg("--path"), arg("/api/v1/products/1")});
        QCOMPARE(run.exitCode, int(ExitOk));
        QVERIFY2(run.out.contains(arg("Route    HTTPRoute bookinfo/bookinfo, rules[0], matches[4]")), qPrintable(run.out));
        QVERIFY(run.out.contains(arg("listener http (port 80, hostname bookinfo.example.com)")));
        const CliRun missing = runCli({arg("route"), sample("bookinfo-gateway-api"), arg("--gateway"), arg("bookinfo/nope"),
                                       arg("--host"), arg("x")});
        QCOMPARE(missing.exitCode, int(ExitUsage));
    }

    void redirectRewriteAnd500Json()
    {
        TestFolder folder;
        folder.write(QStringLiteral("mesh.yaml"), R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 8080, protocol: HTTP}]
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: default}
spec:
  selector: {app: app}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: default}
spec:
  selector: {matchLabels: {app: app}}
  template: {metadata: {labels: {app: app}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {value: /old}}]
    filters:
    - type: RequestRedirect
      requestRedirect: {hostname: new.example.org, path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}
  - matches: [{path: {value: /api}}]
    filters:
    - type: URLRewrite
      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}
    backendRefs: [{name: app, port: 80, weight: 3}, {name: gone, port: 80, weight: 1}]
)");
        const auto route = [&](const char *path) {
            return json({arg("route"), folder.qpath(), arg("--gateway"), arg("default/gw"), arg("--host"), arg("a.example"),
                         arg("--path"), arg(path)})
                .json();
        };
        const QJsonObject redirect = route("/old/page")[arg("redirect")].toObject();
        QCOMPARE(redirect[arg("status")].toInt(), 302);
        QCOMPARE(redirect[arg("scheme")].toString(), arg("http"));
        QCOMPARE(redirect[arg("hostname")].toString(), arg("new.example.org"));
        QCOMPARE(redirect[arg("port")].toInt(), 8080); // the listener's port, not a default one
        QCOMPARE(redirect[arg("path")].toString(), arg("/new/page"));

        const QJsonObject forwarded = route("/api/items");
        QCOMPARE(forwarded[arg("rewrite")].toObject()[arg("path")].toString(), arg("/items"));
        QVERIFY(forwarded[arg("rewrite")].toObject()[arg("hostname")].isNull());
        const QJsonArray destinations = forwarded[arg("destinations")].toArray();
        QCOMPARE(destinations[1].toObject()[arg("status")].toInt(), 500);
        QCOMPARE(destinations[1].toObject()[arg("probability")].toDouble(), 0.25);
        QCOMPARE(forwarded[arg("status")].toInt(), 200);

        const CliRun analyzed = runCli({arg("analyze"), folder.qpath()});
        QCOMPARE(analyzed.exitCode, int(ExitIssuesFound));
        QVERIFY2(analyzed.out.contains(arg("ML0204")), qPrintable(analyzed.out));
    }

    void simulateThroughGatewayApiGateway()
    {
        const CliRun run = json({arg("simulate"), sample("bookinfo-gateway-api"), arg("--gateway"),
                                 arg("bookinfo/bookinfo-gateway"), arg("--host"), arg("bookinfo.example.com"),
                                 arg("--path"), arg("/productpage"), arg("--requests"), arg("200"), arg("--seed"), arg("1")});
        QCOMPARE(run.exitCode, int(ExitOk));
        QVERIFY2(run.out.contains(arg("productpage")), qPrintable(run.out));
    }

    void simulateAMeshCanary()
    {
        const QJsonObject root = json({arg("simulate"), sample("bookinfo-gateway-api"), arg("--host"),
                                       arg("reviews.bookinfo"), arg("--source-namespace"), arg("bookinfo"),
                                       arg("--requests"), arg("2000"), arg("--seed"), arg("5")})
                                     .json();
        const QJsonArray destinations = root[arg("destinations")].toArray();
        QCOMPARE(destinations.size(), 2);
        QCOMPARE(destinations[0].toObject()[arg("expected")].toDouble(), 0.9);
        QVERIFY(qAbs(destinations[0].toObject()[arg("fraction")].toDouble() - 0.9) < 0.03);
        QCOMPARE(destinations[0].toObject()[arg("count")].toInt() + destinations[1].toObject()[arg("count")].toInt(),
                 2000);
    }

    void tcpRouteThroughAGatewayAndInTheMesh()
    {
        const QJsonObject atGateway = json({arg("route"), sample("tcp-echo-gateway-api"), arg("--protocol"), arg("tcp"),
                                            arg("--gateway"), arg("echo/tcp-echo-gateway"), arg("--port"), arg("31400"),
                                            arg("--host"), arg("x")})
                                          .json();
        QCOMPARE(atGateway[arg("status")].toInt(), 200);
        const QJsonObject rule = atGateway[arg("rule")].toObject();
        QCOMPARE(rule[arg("kind")].toString(), arg("TCPRoute"));
        QCOMPARE(rule[arg("name")].toString(), arg("tcp-echo"));
        QCOMPARE(rule[arg("section")].toString(), arg("rules"));
        const QJsonArray shares = atGateway[arg("destinations")].toArray();
        QCOMPARE(shares.size(), 2);
        QCOMPARE(shares[0].toObject()[arg("host")].toString(), arg("tcp-echo-v1.echo.svc.cluster.local"));
        QCOMPARE(shares[0].toObject()[arg("probability")].toDouble(), 0.8);
        QCOMPARE(shares[1].toObject()[arg("probability")].toDouble(), 0.2);

        const QJsonObject inMesh = json({arg("route"), sample("tcp-echo-gateway-api"), arg("--protocol"), arg("tcp"),
                                         arg("--host"), arg("tcp-echo"), arg("--port"), arg("9000"),
                                         arg("--source-namespace"), arg("echo")})
                                       .json();
        QCOMPARE(inMesh[arg("rule")].toObject()[arg("name")].toString(), arg("tcp-echo-mesh"));

        const QJsonObject simulated = json({arg("simulate"), sample("tcp-echo-gateway-api"), arg("--protocol"),
                                            arg("tcp"), arg("--gateway"), arg("echo/tcp-echo-gateway"), arg("--port"),
                                            arg("31400"), arg("--host"), arg("x"), arg("--requests"), arg("2000"),
                                            arg("--seed"), arg("2")})
                                          .json();
        const QJsonArray counted = simulated[arg("destinations")].toArray();
        QCOMPARE(counted.size(), 2);
        QVERIFY(qAbs(counted[0].toObject()[arg("fraction")].toDouble() - 0.8) < 0.03);
    }

    void tlsRouteBySniAndItsWeights()
    {
        const auto routeSni = [](const char *sni) {
            return json({arg("route"), sample("tls-passthrough-gateway-api"), arg("--protocol"), arg("tls"),
                         arg("--gateway"), arg("edge/edge-gateway"), arg("--port"), arg("443"), arg("--host"),
                         arg("edge.example.com"), arg("--sni"), arg(sni)})
                .json();
        };
        QCOMPARE(routeSni("shop.example.com")[arg("destinations")].toArray().size(), 2);
        QCOMPARE(routeSni("pay.example.com")[arg("rule")].toObject()[arg("name")].toString(), arg("pay"));
        QCOMPARE(routeSni("other.example.com")[arg("status")].toInt(), 404);

        const CliRun staged = runCli({arg("set-weights"), sample("tls-passthrough-gateway-api"), arg("--route"),
                                      arg("TLSRoute/edge/shop"), arg("--weights"), arg("storefront-v2=50"),
                                      arg("--dry-run")});
        QCOMPARE(staged.exitCode, int(ExitOk));
        QVERIFY2(staged.out.contains(arg("+      weight: 50")), qPrintable(staged.out + staged.err));
    }

    void inspectListsTheKinds()
    {
        const CliRun run = runCli({arg("inspect"), sample("mesh-httproute")});
        QCOMPARE(run.exitCode, int(ExitOk));
        QVERIFY(run.out.contains(arg("HTTPRoute")));
        QVERIFY(run.out.contains(arg("0 Gateway API gateways, 1 Gateway API routes")));
        const CliRun clean = runCli({arg("analyze"), sample("mesh-httproute")});
        QCOMPARE(clean.exitCode, int(ExitOk));
    }

    void setWeightsByBackendServiceAndExport()
    {
        TestFolder out;
        const QString target = out.qpath() + QStringLiteral("/copy");
        const CliRun run = runCli({arg("set-weights"), sample("mesh-httproute"), arg("--route"),
                                   arg("HTTPRoute/shop/checkout"), arg("--rule"), arg("1"), arg("--weights"),
                                   arg("checkout-v2=50"), arg("--out"), target});
        QCOMPARE(run.exitCode, int(ExitOk));
        QVERIFY2(run.out.contains(arg("HTTPRoute/shop/checkout rule 1: checkout-v1 80 -> 50, checkout-v2 20 -> 50")),
                 qPrintable(run.out + run.err));
        const QJsonObject routed = json({arg("route"), target, arg("--host"), arg("checkout.shop"),
                                         arg("--source-namespace"), arg("shop")})
                                       .json();
        const QJsonArray destinations = routed[arg("destinations")].toArray();
        QCOMPARE(destinations[0].toObject()[arg("probability")].toDouble(), 0.5);
        // Only the numbers changed: the comments are still there.
        QFile file(target + QStringLiteral("/routes.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("# GAMMA: an HTTPRoute whose parent is the checkout Service")));
        QVERIFY(text.contains(QStringLiteral("weight: 50")));

        const CliRun badRule = runCli({arg("set-weights"), sample("mesh-httproute"), arg("--route"),
                                       arg("HTTPRoute/shop/checkout"), arg("--rule"), arg("7"), arg("--weights"),
                                       arg("checkout-v2=50"), arg("--dry-run")});
        QCOMPARE(badRule.exitCode, int(ExitUsage));
        const CliRun badName = runCli({arg("set-weights"), sample("mesh-httproute"), arg("--route"),
                                       arg("HTTPRoute/shop/checkout"), arg("--rule"), arg("1"), arg("--weights"),
                                       arg("nothing=50"), arg("--dry-run")});
        QCOMPARE(badName.exitCode, int(ExitUsage));
    }

    void exportKeepsGatewayApiFilesByteForByte()
    {
        TestFolder out;
        const QString target = out.qpath() + QStringLiteral("/copy");
        const CliRun run = runCli({arg("export"), sample("bookinfo-gateway-api"), arg("--out"), target});
        QCOMPARE(run.exitCode, int(ExitOk));
        for (const char *name : {"gateway.yaml", "reviews-route.yaml"}) {
            QFile original(sample("bookinfo-gateway-api") + u'/' + QLatin1String(name));
            QFile copy(target + u'/' + QLatin1String(name));
            QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
            QCOMPARE(copy.readAll(), original.readAll());
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiCli)
#include "tst_gatewayapicli.moc"
