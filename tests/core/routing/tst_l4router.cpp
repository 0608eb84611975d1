// SPDX-License-Identifier: MIT
// TCP and TLS connections through sidecars and gateways: which tcp / tls rule
// takes them (first match, most specific subnet, most specific SNI), what
// happens when none does, and how the port's protocol picks the rule list.

#include "support/l4testsupport.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

bool mentions(const RouteDecision &decision, const std::string &text)
{
    return explanationText(decision).find(text) != std::string::npos;
}

RouteDecision route(const std::string &virtualServices, const HttpRequest &request)
{
    return routerFor(ledgerMesh(virtualServices))->route(request);
}

void verifyRule(const RouteDecision &decision, const char *section, int index, int match)
{
    QVERIFY2(decision.rule.has_value(), explanationText(decision).c_str());
    QCOMPARE(decision.rule->kind, std::string("VirtualService"));
    QCOMPARE(decision.rule->section, std::string(section));
    QCOMPARE(decision.rule->index, index);
    QCOMPARE(decision.rule->match, match);
    QCOMPARE(decision.httpRoute, -1);
}

const char *kTcpRules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger]
  tcp:
  - match: [{port: 7000, sourceLabels: {app: batch}}]
    route: [{destination: {host: ledger, subset: v2}}]
  - match: [{port: 9999}, {port: 7000}]
    route:
    - {destination: {host: ledger, subset: v1}, weight: 80}
    - {destination: {host: ledger, subset: v2}, weight: 20}
  - route: [{destination: {host: ledger, subset: v2}}]
)";

const char *kGatewayTcp = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ingress, namespace: default}
spec:
  hosts: ["*"]
  gateways: [edge]
  tcp:
  - match: [{port: 31400}]
    route:
    - {destination: {host: ledger, subset: v1, port: {number: 7000}}, weight: 80}
    - {destination: {host: ledger, subset: v2, port: {number: 7000}}, weight: 20}
)";

const char *kGatewayTls = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: passthrough, namespace: default}
spec:
  hosts: ["*.example.com"]
  gateways: [edge]
  tls:
  - match: [{sniHosts: ["*.example.com"]}]
    route: [{destination: {host: ledger, subset: v1, port: {number: 8443}}}]
  - match: [{sniHosts: [pay.example.com], port: 443}]
    route: [{destination: {host: ledger, subset: v2, port: {number: 8443}}}]
)";

} // namespace

class TestL4Router : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tcpTakesTheFirstRuleThatApplies()
    {
        // tcp[0] is for batch jobs only; tcp[1]'s second match applies on port 7000.
        const RouteDecision decision = route(kTcpRules, connection(ConnectionProtocol::Tcp, "ledger", 7000));
        QCOMPARE(decision.status, 200);
        verifyRule(decision, "tcp", 1, 1);
        QCOMPARE(decision.virtualService, std::string("default/ledger"));
        QCOMPARE(shareOf(decision, "v1"), 0.8);
        QCOMPARE(shareOf(decision, "v2"), 0.2);
        QVERIFY(mentions(decision, "tcp[0] match[0] does not apply to this sidecar: source labels"));
        QVERIFY(mentions(decision, "tcp[1] match[0] does not apply to this sidecar: port is 7000 (wants 9999)"));
    }

    void sourceLabelsSelectTheRuleForTheirWorkload()
    {
        HttpRequest request = connection(ConnectionProtocol::Tcp, "ledger", 7000);
        request.sourceLabels = {{"app", "batch"}, {"version", "v3"}};
        const RouteDecision decision = route(kTcpRules, request);
        verifyRule(decision, "tcp", 0, 0);
        QCOMPARE(shareOf(decision, "v2"), 1.0);
    }

    void sourceNamespaceIsAStaticSelector()
    {
        const std::string rules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger.default.svc.cluster.local]
  tcp:
  - match: [{sourceNamespace: jobs}]
    route: [{destination: {host: ledger, subset: v2}}]
  - route: [{destination: {host: ledger, subset: v1}}]
)";
        HttpRequest request = connection(ConnectionProtocol::Tcp, "ledger.default.svc.cluster.local", 7000);
        QCOMPARE(shareOf(route(rules, request), "v1"), 1.0);
        request.sourceNamespace = "jobs";
        QCOMPARE(shareOf(route(rules, request), "v2"), 1.0);
    }

    void theMostSpecificSubnetWinsWhateverTheOrder()
    {
        const std::string rules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger]
  tcp:
  - match: [{destinationSubnets: [10.0.0.0/8]}]
    route: [{destination: {host: ledger, subset: v1}}]
  - match: [{destinationSubnets: [10.1.0.0/16, "fd00::/64"]}]
    route: [{destination: {host: ledger, subset: v2}}]
  - route:
    - {destination: {host: ledger, subset: v1}, weight: 50}
    - {destination: {host: ledger, subset: v2}, weight: 50}
)";
        const auto decide = [&](const std::string &ip) {
            return route(rules, connection(ConnectionProtocol::Tcp, "ledger", 7000, {}, ip));
        };
        verifyRule(decide("10.1.2.3"), "tcp", 1, 0);
        verifyRule(decide("10.9.9.9"), "tcp", 0, 0);
        verifyRule(decide("fd00::17"), "tcp", 1, 0);
        verifyRule(decide("192.168.1.1"), "tcp", 2, -1);
        // No address known: a subnet cannot match, the catch-all takes it.
        const RouteDecision unknown = decide({});
        verifyRule(unknown, "tcp", 2, -1);
        QCOMPARE(shareOf(unknown, "v1"), 0.5);
    }

    void aTcpPortWithoutVirtualServiceGoesToTheService()
    {
        const RouteDecision decision = route({}, connection(ConnectionProtocol::Tcp, "ledger", 7000));
        QCOMPARE(decision.status, 200);
        QVERIFY(!decision.rule);
        QCOMPARE(decision.destinations.size(), size_t(1));
        QCOMPARE(decision.destinations.front().target.podCount(), 3);
        QCOMPARE(*decision.destinations.front().target.port, 7000u);
    }

    void anHttpRequestToATcpPortUsesTcpRoutes()
    {
        // Declared TCP ("tcp"): the sidecar cannot route HTTP there.
        const RouteDecision onTcp = route(kTcpRules, makeRequest({.host = "ledger", .port = 7000}));
        verifyRule(onTcp, "tcp", 1, 1);
        QVERIFY(mentions(onTcp, "tcp routes apply, not http routes"));
        // The HTTP port: a rule with only tcp routes changes nothing for HTTP.
        const RouteDecision onHttp = route(kTcpRules, makeRequest({.host = "ledger", .port = 8080}));
        QCOMPARE(onHttp.status, 200);
        QVERIFY(!onHttp.rule);
        QCOMPARE(onHttp.destinations.front().target.podCount(), 3);
        QVERIFY(mentions(onHttp, "has no http routes"));
    }

    void autoDetectedPortsTakeTcpRoutesForConnections()
    {
        const RouteDecision tcp = route(kTcpRules, connection(ConnectionProtocol::Tcp, "ledger", 9100));
        verifyRule(tcp, "tcp", 2, -1); // tcp[1] wants port 7000
        // A TLS stream on an auto port is not sniffed as HTTP: tcp routes again, never tls.
        const RouteDecision tls = route(kTcpRules, connection(ConnectionProtocol::Tls, "ledger", 9100, "ledger"));
        verifyRule(tls, "tcp", 2, -1);
    }

    void aConnectionToAnHttpPortIsClosed()
    {
        const RouteDecision decision = route(kTcpRules, connection(ConnectionProtocol::Tcp, "ledger", 8080));
        QCOMPARE(decision.action, RouteAction::NoRoute);
        QCOMPARE(decision.status, 404);
        QVERIFY(mentions(decision, "cannot parse a TCP or TLS stream"));
    }

    void aPortTheServiceLacksPassesThrough()
    {
        const RouteDecision decision = route(kTcpRules, connection(ConnectionProtocol::Tcp, "ledger", 9002));
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.destinations.front().target.host, std::string("PassthroughCluster"));
        QVERIFY(mentions(decision, "has no port 9002"));
        const RouteDecision unknown = route({}, connection(ConnectionProtocol::Tcp, "nowhere", 5000));
        QCOMPARE(unknown.status, 404);
    }

    void tlsPortsRouteBySniAndPassUnknownNamesThrough()
    {
        const std::string rules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger]
  tcp:
  - route: [{destination: {host: ledger, subset: v1}}]
  tls:
  - match: [{sniHosts: [ledger], port: 8443}]
    route: [{destination: {host: ledger, subset: v2}}]
)";
        const RouteDecision named = route(rules, connection(ConnectionProtocol::Tls, "ledger", 8443, "ledger"));
        verifyRule(named, "tls", 0, 0);
        QCOMPARE(shareOf(named, "v2"), 1.0);
        QVERIFY(mentions(named, "its tcp routes do not apply to a TLS port"));
        const RouteDecision other = route(rules, connection(ConnectionProtocol::Tls, "ledger", 8443, "other.example"));
        QCOMPARE(other.destinations.front().target.host, std::string("PassthroughCluster"));
        QVERIFY(!other.rule);
        // The TCP port never uses the tls rule, even for a TLS client.
        verifyRule(route(rules, connection(ConnectionProtocol::Tls, "ledger", 7000, "ledger")), "tcp", 0, -1);
    }

    void aTlsPortWithoutApplyingTlsRulesIsOpaqueTcp()
    {
        const std::string rules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger]
  tls:
  - match: [{sniHosts: [ledger], port: 9999}]
    route: [{destination: {host: ledger, subset: v2}}]
)";
        const RouteDecision decision = route(rules, connection(ConnectionProtocol::Tls, "ledger", 8443, "ledger"));
        QVERIFY(!decision.rule);
        QCOMPARE(decision.destinations.front().target.podCount(), 3);
        QVERIFY(mentions(decision, "proxied as opaque TCP"));
    }

    void theGatewayShiftsTcpConnections()
    {
        const RouteDecision decision =
            route(kGatewayTcp, connection(ConnectionProtocol::Tcp, "anything", 31400, {}, {}, "default/edge"));
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.gateway, std::string("default/edge"));
        QCOMPARE(decision.port, 31400u);
        verifyRule(decision, "tcp", 0, 0);
        QCOMPARE(shareOf(decision, "v1"), 0.8);
        QCOMPARE(shareOf(decision, "v2"), 0.2);
        QCOMPARE(*decision.destinations.front().target.port, 7000u);
        // Without a port: the first TCP server.
        QCOMPARE(route(kGatewayTcp, connection(ConnectionProtocol::Tcp, "x", 0, {}, {}, "default/edge")).port, 31400u);
    }

    void anHttpRequestToATcpGatewayPortIsProxiedAsTcp()
    {
        // The issue's first attempt: route --gateway ... --port 31400 --host x.
        const RouteDecision decision =
            route(kGatewayTcp, makeRequest({.host = "x", .gateway = "default/edge", .port = 31400}));
        verifyRule(decision, "tcp", 0, 0);
        QCOMPARE(shareOf(decision, "v2"), 0.2);
        // Port 80 stays HTTP routing.
        const RouteDecision http = route(kGatewayTcp, makeRequest({.host = "x", .gateway = "default/edge", .port = 80}));
        QVERIFY(!http.rule);
        QCOMPARE(http.status, 404);
    }

    void aGatewayServerNoRuleServesRefusesConnections()
    {
        const RouteDecision none = route({}, connection(ConnectionProtocol::Tcp, "x", 31400, {}, {}, "default/edge"));
        QCOMPARE(none.status, 404);
        QVERIFY(mentions(none, "connection is refused"));
        const std::string otherPort = std::string(kGatewayTcp).replace(std::string(kGatewayTcp).find("port: 31400"), 11,
                                                                       "port: 31401");
        const RouteDecision missed = route(otherPort, connection(ConnectionProtocol::Tcp, "x", 31400, {}, {}, "default/edge"));
        QCOMPARE(missed.status, 404);
        QVERIFY(mentions(missed, "port is 31400 (wants 31401)"));
    }

    void passthroughPicksTheMostSpecificSni()
    {
        const auto decide = [](const std::string &sni) {
            return route(kGatewayTls, connection(ConnectionProtocol::Tls, sni, 443, sni, {}, "default/edge"));
        };
        // The exact name wins although the wildcard rule comes first.
        verifyRule(decide("pay.example.com"), "tls", 1, 0);
        verifyRule(decide("shop.example.com"), "tls", 0, 0);
        const RouteDecision unknown = decide("shop.example.org");
        QCOMPARE(unknown.status, 404);
        QVERIFY(mentions(unknown, "no default chain"));
        const RouteDecision noSni =
            route(kGatewayTls, connection(ConnectionProtocol::Tls, "pay.example.com", 443, {}, {}, "default/edge"));
        QCOMPARE(noSni.status, 404);
    }

    void aLaterRuleForAnSniAlreadyServedIsSkipped()
    {
        const std::string rules = std::string(kGatewayTls) + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: later, namespace: default}
spec:
  hosts: [pay.example.com]
  gateways: [edge]
  tls:
  - match: [{sniHosts: [pay.example.com]}]
    route: [{destination: {host: ledger, subset: v1, port: {number: 8443}}}]
)";
        const RouteDecision decision =
            route(rules, connection(ConnectionProtocol::Tls, "pay.example.com", 443, "pay.example.com", {}, "default/edge"));
        QCOMPARE(decision.virtualService, std::string("default/passthrough"));
        QVERIFY(mentions(decision, "already serves SNI pay.example.com"));
    }

    void autoPassthroughForwardsByTheSniIstioWrites()
    {
        const std::string sni = "outbound_.7000_.v2_.ledger.default.svc.cluster.local";
        const RouteDecision decision =
            route({}, connection(ConnectionProtocol::Tls, "ledger", 15443, sni, {}, "default/edge"));
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.destinations.size(), size_t(1));
        QCOMPARE(decision.destinations.front().target.subset, std::string("v2"));
        QCOMPARE(*decision.destinations.front().target.port, 7000u);
        const RouteDecision other =
            route({}, connection(ConnectionProtocol::Tls, "ledger", 15443, "ledger.example.com", {}, "default/edge"));
        QCOMPARE(other.status, 404);
    }

    void allZeroWeightsCloseTheConnection()
    {
        const std::string rules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger]
  tcp:
  - route:
    - {destination: {host: ledger, subset: v1}, weight: 0}
    - {destination: {host: ledger, subset: v2}, weight: 0}
)";
        const RouteDecision decision = route(rules, connection(ConnectionProtocol::Tcp, "ledger", 7000));
        QCOMPARE(decision.action, RouteAction::Failure);
        QCOMPARE(decision.status, 503);
    }

    void aMissingSubsetIsA503()
    {
        const std::string rules = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ledger, namespace: default}
spec:
  hosts: [ledger]
  tcp:
  - route: [{destination: {host: ledger, subset: v7}}]
)";
        const RouteDecision decision = route(rules, connection(ConnectionProtocol::Tcp, "ledger", 7000));
        QCOMPARE(decision.action, RouteAction::Forward);
        QCOMPARE(decision.status, 503);
    }
};

QTEST_GUILESS_MAIN(TestL4Router)
#include "tst_l4router.moc"
