// SPDX-License-Identifier: MIT
// L4RouteCheck: Istio's validation of tcp / tls routes (IST0106), istioctl's
// IST0130 / IST0131 for them, ML0112 and ML0113.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

// kReviews with a TCP Service `ledger` (port tcp 7000) and a Gateway `edge`
// with a TCP server on 31400 and a TLS passthrough server on 443.
const std::string kLedger = kReviews + R"(---
apiVersion: v1
kind: Service
metadata: {name: ledger, namespace: default}
spec:
  selector: {app: ledger}
  ports: [{name: tcp, port: 7000}, {name: tls-db, port: 7443}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 31400, name: tcp, protocol: TCP}
    hosts: ["*"]
  - port: {number: 443, name: tls, protocol: TLS}
    tls: {mode: PASSTHROUGH}
    hosts: ["*.example.com"]
)";

Analysis analyzeLedger(const std::string &specTail, const std::string &hosts = "  - ledger\n")
{
    return analyzeYaml(kLedger + virtualService("ledger", specTail, hosts));
}

bool anyMessage(const Diagnostics &diagnostics, const std::string &text)
{
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.message.find(text) != std::string::npos)
            return true;
    }
    return false;
}

// Serves both gateway servers, so ML0113 stays quiet in tests about other things.
const char *kGatewayRules = R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ingress, namespace: default}
spec:
  hosts: ["*.example.com"]
  gateways: [edge]
  tcp:
  - route: [{destination: {host: ledger, port: {number: 7000}}}]
  tls:
  - match: [{sniHosts: [db.example.com]}]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
)";

} // namespace

class TestL4RouteCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validRulesAreClean()
    {
        const Analysis analysis = analyzeYaml(kLedger + kGatewayRules + virtualService("ledger", R"(  tcp:
  - match: [{port: 7000, destinationSubnets: [10.0.0.0/8, "fd00::1"]}]
    route:
    - {destination: {host: ledger, port: {number: 7000}}}
  tls:
  - match: [{sniHosts: [ledger], port: 7443}]
    route:
    - {destination: {host: ledger, port: {number: 7443}}}
)", "  - ledger\n"));
        ANALYZER_VERIFY_CLEAN(analysis);
    }

    void sniHostsMustFallWithinTheHostsAsWritten()
    {
        const Analysis analysis = analyzeLedger(R"(  tls:
  - match:
    - sniHosts: [ledger.default.svc.cluster.local, "*.example.com", 10.1.1.1]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
)");
        const Diagnostics schema = analysis.withCode(codes::SchemaError);
        ANALYZER_VERIFY(anyMessage(schema, "SNI host \"ledger.default.svc.cluster.local\" is not a compatible subset of "
                                           "any of the virtual service hosts: [ledger]"),
                        analysis);
        ANALYZER_VERIFY(anyMessage(schema, "SNI host \"*.example.com\" is not a compatible subset"), analysis);
        ANALYZER_VERIFY(anyMessage(schema, "using an IP address (\"10.1.1.1\") goes against SNI spec"), analysis);
        for (const Diagnostic &diagnostic : schema) {
            QCOMPARE(diagnostic.location.line, lineOf(analysis.text, "sniHosts:"));
            QCOMPARE(diagnostic.severity,
                     diagnostic.message.find("IP address") != std::string::npos ? Severity::Warning : Severity::Error);
        }
    }

    void wildcardHostsCoverNarrowerSnis()
    {
        const Analysis analysis = analyzeYaml(kLedger + kGatewayRules + virtualService("ledger", R"(  gateways: [edge]
  tls:
  - match: [{sniHosts: [a.example.com, "*.b.example.com"]}]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
)", "  - \"*.example.com\"\n"));
        QVERIFY2(analysis.withCode(codes::SchemaError).empty(), qPrintable(analysis.dump()));
        const Analysis narrow = analyzeLedger(R"(  tls:
  - match: [{sniHosts: ["*.example.com"]}]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
)", "  - a.example.com\n");
        ANALYZER_VERIFY(anyMessage(narrow.withCode(codes::SchemaError), "is not a compatible subset"), narrow);
    }

    void tlsRulesNeedMatchesWithSniHosts()
    {
        const Analysis analysis = analyzeLedger(R"(  tls:
  - route: [{destination: {host: ledger, port: {number: 7443}}}]
  - match: [{port: 7443}]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
  - match: [{sniHosts: [ledger]}]
)");
        const Diagnostics schema = analysis.withCode(codes::SchemaError);
        ANALYZER_VERIFY(anyMessage(schema, "tls[0]: TLS route must have at least one match condition"), analysis);
        ANALYZER_VERIFY(anyMessage(schema, "tls[1] match[0]: TLS match must have at least one SNI host"), analysis);
        ANALYZER_VERIFY(anyMessage(schema, "tls[2]: TLS route is required"), analysis);
    }

    void destinationSubnetsMustBeAddressesOrBlocks()
    {
        const Analysis analysis = analyzeLedger(R"(  tcp:
  - match: [{destinationSubnets: [10.0.0.0/33, 1.2.3, "10.0.0.0/8"]}]
    route: [{destination: {host: ledger, port: {number: 7000}}}]
)");
        const Diagnostics schema = analysis.withCode(codes::SchemaError);
        QCOMPARE(schema.size(), size_t(2));
        ANALYZER_VERIFY(anyMessage(schema, "10.0.0.0/33 is not a valid CIDR block"), analysis);
        ANALYZER_VERIFY(anyMessage(schema, "1.2.3 is not a valid IP"), analysis);
    }

    void httpOnlyFieldsAreRejected()
    {
        const Analysis analysis = analyzeLedger(R"(  tcp:
  - route: [{destination: {host: ledger, port: {number: 7000}}}]
    fault: {abort: {httpStatus: 500}}
    mirror: {host: ledger}
    retries: {attempts: 3}
)");
        const Diagnostics schema = analysis.withCode(codes::SchemaError);
        QCOMPARE(schema.size(), size_t(3));
        ANALYZER_VERIFY(anyMessage(schema, "tcp[0] has fault, a field of http routes only"), analysis);
        ANALYZER_VERIFY(anyMessage(schema, "tcp[0] has mirror"), analysis);
        ANALYZER_VERIFY(anyMessage(schema, "tcp[0] has retries"), analysis);
        QCOMPARE(schema.front().location.line, lineOf(analysis.text, "fault:"));
        // Said once, by the analyzer: the loader does not call them unknown.
        for (const Diagnostic &diagnostic : analysis.loaded.diagnostics)
            QVERIFY2(diagnostic.message.find("unknown field") == std::string::npos, diagnostic.message.c_str());
    }

    void aRuleAfterACatchAllIsUnreachable()
    {
        const Analysis analysis = analyzeLedger(R"(  tcp:
  - route: [{destination: {host: ledger, port: {number: 7000}}}]
  - match: [{port: 7000}]
    route: [{destination: {host: ledger, port: {number: 7000}}}]
  - route: [{destination: {host: ledger, port: {number: 7000}}}]
)");
        const Diagnostics unreachable = analysis.withCode(codes::UnreachableRule);
        QCOMPARE(unreachable.size(), size_t(2)); // tcp[1] and tcp[2]
    }

    void identicalMatchesAreIneffectiveOverlapsAreNot()
    {
        const Analysis analysis = analyzeLedger(R"(  tls:
  - match: [{sniHosts: [ledger], port: 7443}]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
  - match:
    - {port: 7443, sniHosts: [ledger]}
    - {sniHosts: [ledger]}
    route: [{destination: {host: ledger, port: {number: 7443}}}]
  - match: [{sniHosts: [ledger], port: 7443}]
    route: [{destination: {host: ledger, port: {number: 7443}}}]
)");
        const Diagnostics ineffective = analysis.withCode(codes::IneffectiveMatch);
        QCOMPARE(ineffective.size(), size_t(2)); // tls[1] match[0] and tls[2] match[0]; {sniHosts: [ledger]} is new
        QCOMPARE(ineffective.front().severity, Severity::Info);
        const Diagnostics unreachable = analysis.withCode(codes::UnreachableRule);
        QCOMPARE(unreachable.size(), size_t(1)); // tls[2]
    }

    void rulesNoPortOfTheHostUsesAreFlagged()
    {
        // reviews has only an HTTP port: neither list ever applies on sidecars.
        const Analysis analysis = analyzeYaml(kLedger + virtualService("reviews", R"(  tcp:
  - route: [{destination: {host: reviews}}]
  tls:
  - match: [{sniHosts: [reviews]}]
    route: [{destination: {host: reviews}}]
)"));
        const Diagnostics ignored = analysis.withCode(codes::L4RoutesIgnoredByPort);
        QCOMPARE(ignored.size(), size_t(2));
        ANALYZER_VERIFY(anyMessage(ignored, "the tls routes never apply to sidecars calling reviews"), analysis);
        ANALYZER_VERIFY(anyMessage(ignored, "the tcp routes never apply to sidecars calling reviews"), analysis);
    }

    void gatewayServersWithoutRulesAreFlagged()
    {
        const Analysis bare = analyzeYaml(kLedger);
        const Diagnostics refused = bare.withCode(codes::GatewayServerWithoutRoute);
        QCOMPARE(refused.size(), size_t(2));
        ANALYZER_VERIFY(anyMessage(refused, "the TCP server on port 31400 has no tcp route"), bare);
        ANALYZER_VERIFY(anyMessage(refused, "the TLS server on port 443 has no tls route"), bare);
        QCOMPARE(refused.front().location.line, lineOf(bare.text, "number: 31400"));
        const Analysis served = analyzeYaml(kLedger + kGatewayRules);
        ANALYZER_VERIFY(served.withCode(codes::GatewayServerWithoutRoute).empty(), served);
    }

    void delegatesCannotHaveTcpRoutes()
    {
        const Analysis analysis = analyzeYaml(kLedger + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: delegate, namespace: default}
spec:
  tcp:
  - route: [{destination: {host: ledger, port: {number: 7000}}}]
)");
        ANALYZER_VERIFY(anyMessage(analysis.withCode(codes::SchemaError),
                                   "delegate virtual service must have no tcp route specified"),
                        analysis);
    }
};

QTEST_GUILESS_MAIN(TestL4RouteCheck)
#include "tst_l4routecheck.moc"
