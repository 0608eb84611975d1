// SPDX-License-Identifier: MIT
#include "simulation/trafficmix.h"

#include <QTest>

using namespace meshlane;

namespace {

HttpRequest defaults()
{
    HttpRequest request;
    request.authority = "reviews";
    return request;
}

std::string errorOf(const std::string &yaml)
{
    const auto mix = TrafficMix::fromYaml(yaml, defaults());
    return mix ? std::string("(parsed)") : mix.error();
}

} // namespace

class TestTrafficMix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullClassIsRead()
    {
        const auto mix = TrafficMix::fromYaml(R"(
requests_per_second: 250
classes:
  - name: jason
    share: 10
    host: ratings
    port: 9080
    method: POST
    scheme: https
    path: /reviews/1?stars=5
    headers: {End-User: jason}
    query: {debug: "1"}
    source_labels: {app: productpage}
    source_namespace: shop
    gateway: istio-system/edge
  - share: 90
)",
                                              defaults());
        QVERIFY2(mix, mix.error().c_str());
        QCOMPARE(mix->requestsPerSecond, 250.0);
        QCOMPARE(mix->classes.size(), size_t(2));
        const RequestClass &jason = mix->classes[0];
        QCOMPARE(jason.name, std::string("jason"));
        QCOMPARE(jason.share, 10.0);
        QCOMPARE(jason.request.authority, std::string("ratings"));
        QCOMPARE(jason.request.port, 9080u);
        QCOMPARE(jason.request.method, std::string("POST"));
        QCOMPARE(jason.request.scheme, std::string("https"));
        QCOMPARE(jason.request.path, std::string("/reviews/1?stars=5&debug=1"));
        QCOMPARE(*jason.request.queryParam("stars"), std::string("5"));
        QCOMPARE(*jason.request.header("end-user"), std::string("jason"));
        QCOMPARE(jason.request.sourceLabels.at("app"), std::string("productpage"));
        QCOMPARE(jason.request.sourceNamespace, std::string("shop"));
        QCOMPARE(jason.request.gateway, std::string("istio-system/edge"));
        // The second class falls back to the defaults.
        const RequestClass &rest = mix->classes[1];
        QCOMPARE(rest.name, std::string("class 2"));
        QCOMPARE(rest.request.authority, std::string("reviews"));
        QCOMPARE(rest.request.path, std::string("/"));
        QCOMPARE(mix->cumulativeShares(), (std::vector<int64_t>{10000000, 100000000}));
    }

    void defaultRateIs100()
    {
        const auto mix = TrafficMix::fromYaml("classes: [{name: all}]", defaults());
        QVERIFY2(mix, mix.error().c_str());
        QCOMPARE(mix->requestsPerSecond, 100.0);
        QCOMPARE(mix->classes.front().share, 1.0);
    }

    void mistakesAreReportedWithTheirLine()
    {
        QCOMPARE(errorOf("classes:\n  - name: a\n    shares: 3\n"), std::string("line 3: unknown key 'shares' in a class"));
        QCOMPARE(errorOf("classes:\n  - share: -1\n"), std::string("line 2: share must be a number from 0 to 1000000"));
        QCOMPARE(errorOf("classes:\n  - share: lots\n"), std::string("line 2: share must be a number from 0 to 1000000"));
        // Fuzzing found this one: the shares' integer sum overflowed and the
        // class lookup read past the end of the list.
        QCOMPARE(errorOf("classes:\n  - share: 9999999999900\n  - share: 1\n"),
                 std::string("line 2: share must be a number from 0 to 1000000"));
        QCOMPARE(errorOf("requests_per_second: 1e300\nclasses:\n  - share: 1\n"),
                 std::string("line 1: requests_per_second must be a number from 0 to 1000000"));
        QCOMPARE(errorOf("classes:\n  - share: 0\n"), std::string("line 2: the shares add up to 0: no request would be sent"));
        QCOMPARE(errorOf("classes:\n  - port: 70000\n"), std::string("line 2: port must be a whole number from 1 to 65535"));
        QCOMPARE(errorOf("classes:\n  - gateway: edge\n"), std::string("line 2: gateway must be written namespace/name"));
        QCOMPARE(errorOf("classes:\n  - headers: [a, b]\n"), std::string("line 2: headers must be a map of names to values"));
        QCOMPARE(errorOf("rate: 5\nclasses: [{}]\n"), std::string("line 1: unknown key 'rate' (expected requests_per_second, classes)"));
        QCOMPARE(errorOf("classes: []\n"), std::string("line 1: classes must be a non-empty list"));
        QCOMPARE(errorOf("- just a list\n"), std::string("line 1: a traffic mix is a map with `classes:`"));
        QVERIFY(errorOf("classes: [\n").find("line ") == 0); // YAML syntax errors carry a line too
    }

    void aClassNeedsAHost()
    {
        const auto mix = TrafficMix::fromYaml("classes: [{name: lost}]", HttpRequest{});
        QVERIFY(!mix);
        QCOMPARE(mix.error(), std::string("line 1: class 'lost' has no host (give one here or with --host)"));
    }

    void connectionClassesAreRead()
    {
        const auto mix = TrafficMix::fromYaml(R"(
classes:
  - {name: db, protocol: tcp, host: ledger, port: 7000, destination_ip: 10.1.2.3}
  - {name: tls, protocol: TLS, host: shop.example.com}
  - {name: named, protocol: tls, host: shop.example.com, sni: "*.example.com"}
  - {name: web}
)",
                                              defaults());
        QVERIFY2(mix, mix.error().c_str());
        QCOMPARE(mix->classes[0].request.protocol, ConnectionProtocol::Tcp);
        QCOMPARE(mix->classes[0].request.destinationIp, std::string("10.1.2.3"));
        QVERIFY(mix->classes[0].request.sni.empty());
        QCOMPARE(mix->classes[1].request.protocol, ConnectionProtocol::Tls);
        QCOMPARE(mix->classes[1].request.sni, std::string("shop.example.com")); // a TLS client names its host
        QCOMPARE(mix->classes[2].request.sni, std::string("*.example.com"));
        QCOMPARE(mix->classes[3].request.protocol, ConnectionProtocol::Http);
    }

    void connectionMistakesAreNamed()
    {
        QCOMPARE(errorOf("classes:\n  - {protocol: udp}\n"), std::string("line 2: protocol must be http, tcp or tls"));
        QCOMPARE(errorOf("classes:\n  - {sni: a.example.com}\n"), std::string("line 2: sni needs protocol: tls"));
        QCOMPARE(errorOf("classes:\n  - {protocol: tcp, destination_ip: 10.1}\n"),
                 std::string("line 2: destination_ip must be an IPv4 or IPv6 address"));
    }
};

QTEST_GUILESS_MAIN(TestTrafficMix)
#include "tst_trafficmix.moc"
