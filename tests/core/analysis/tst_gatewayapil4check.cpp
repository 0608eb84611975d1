// SPDX-License-Identifier: MIT
// ML0209: TCPRoute and TLSRoute rules Istio accepts but never gives a
// connection (one chain per TCP listener; one chain per SNI on a passthrough
// listener), and no finding where every rule is reachable.

#include "analysis/gatewayapil4check.h"
#include "support/analyzertesting.h"
#include "support/testdata.h"

#include <QTest>

#include <algorithm>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

const std::string kBase = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: tcp, port: 5432, protocol: TCP}
  - {name: tls, port: 443, protocol: TLS, hostname: "*.example.com", tls: {mode: Passthrough}}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: infra}
spec:
  selector: {app: db}
  ports: [{name: tcp, port: 5432}]
---
)";

std::string route(const std::string &kind, const std::string &name, const std::string &created,
                  const std::string &spec)
{
    return "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: " + kind + "\nmetadata: {name: " + name
        + ", namespace: infra, creationTimestamp: \"" + created + "\"}\nspec:\n" + spec + "---\n";
}

const char *kToDb = "  - backendRefs: [{name: db, port: 5432}]\n";

} // namespace

class TestGatewayApiL4Check : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTcpListenerServesTheOldestRoutesFirstRule()
    {
        const std::string yaml = kBase
            + route("TCPRoute", "newer", "2026-03-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw, sectionName: tcp}]\n  rules:\n") + kToDb)
            + route("TCPRoute", "older", "2026-01-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw}, {name: gw, port: 5432}]\n  rules:\n") + kToDb + kToDb);
        const Analysis analysis = analyzeYaml(yaml);
        const Diagnostics shadowed = analysis.withCode(codes::GatewayApiL4Shadowed);
        // The older route's second rule, and the newer route (named twice by its parentRefs, reported once).
        QCOMPARE(shadowed.size(), size_t(2));
        const auto of = [&](const std::string &name) {
            return *std::find_if(shadowed.begin(), shadowed.end(),
                                 [&](const Diagnostic &found) { return found.resource.name == name; });
        };
        QVERIFY2(of("older").message.find("rules[1]") != std::string::npos, of("older").message.c_str());
        QVERIFY2(of("newer").message.find("older TCPRoute infra/older") != std::string::npos,
                 of("newer").message.c_str());
        QCOMPARE(of("newer").location.line, lineOf(yaml, "parentRefs: [{name: gw, sectionName: tcp}]") + 2);
    }

    void aPassthroughListenerServesEachSniOnce()
    {
        const std::string yaml = kBase
            + route("TLSRoute", "shop", "2026-01-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw}]\n  hostnames: [shop.example.com]\n  rules:\n") + kToDb)
            + route("TLSRoute", "shop-again", "2026-02-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw}]\n  hostnames: [shop.example.com, new.example.com]\n"
                                "  rules:\n")
                        + kToDb)
            + route("TLSRoute", "pay", "2026-03-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw}]\n  hostnames: [pay.example.com]\n  rules:\n") + kToDb);
        const Diagnostics shadowed = analyzeYaml(yaml).withCode(codes::GatewayApiL4Shadowed);
        QCOMPARE(shadowed.size(), size_t(1));
        QCOMPARE(shadowed[0].resource.name, std::string("shop-again"));
        QVERIFY2(shadowed[0].message.find("SNI shop.example.com") != std::string::npos, shadowed[0].message.c_str());
    }

    void reachableRulesAreNotReported()
    {
        const std::string yaml = kBase
            + route("TCPRoute", "db", "2026-01-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw, sectionName: tcp}]\n  rules:\n") + kToDb)
            + route("TLSRoute", "shop", "2026-01-01T00:00:00Z",
                    std::string("  parentRefs: [{name: gw}]\n  hostnames: [shop.example.com]\n  rules:\n") + kToDb);
        QVERIFY(analyzeYaml(yaml).withCode(codes::GatewayApiL4Shadowed).empty());
        for (const char *sample : {"tcp-echo-gateway-api", "tls-passthrough-gateway-api"}) {
            const LoadResult loaded = ManifestLoader().loadFolder(test::samplePath(sample));
            QVERIFY2(loaded.diagnostics.empty() && analyze(*loaded.mesh).empty(), sample);
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiL4Check)
#include "tst_gatewayapil4check.moc"
