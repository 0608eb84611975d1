// SPDX-License-Identifier: MIT
// ReferenceCheck: IST0101, IST0112, IST0174, IST0173, KIA0209, KIA0201.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

std::string routeTo(const std::string &destination)
{
    return "  http:\n  - route:\n    - destination:\n" + destination;
}

const std::string kRatingsEntry = R"(---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ratings-api
  namespace: default
spec:
  hosts:
  - api.ratings.example.com
  ports:
  - number: 443
    name: https
    protocol: HTTPS
  resolution: DNS
)";

const std::string kGateway = R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
  namespace: default
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
)";

} // namespace

class TestReferenceCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews\n        subset: v1\n"))));
    }

    void unknownDestinationHost()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reveiws\n")));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].resource.kind, std::string("VirtualService"));
        QCOMPARE(found[0].location.file, std::string(kFixtureFile));
        QCOMPARE(found[0].location.line, lineOf(a.text, "host: reveiws"));
        QVERIFY(found[0].message.find("reveiws") != std::string::npos);
        QCOMPARE(found[0].fix, std::string("did you mean host reviews?"));
    }

    void knownHostsAreClean()
    {
        // A Service by short and full name, and a ServiceEntry host.
        const Analysis a = analyzeYaml(kReviews + kRatingsEntry
                                       + virtualService("reviews", "  http:\n  - route:\n    - destination:\n"
                                                                   "        host: reviews.default.svc.cluster.local\n"
                                                                   "      weight: 50\n"
                                                                   "    - destination:\n"
                                                                   "        host: api.ratings.example.com\n"
                                                                   "      weight: 50\n"));
        ANALYZER_VERIFY_CLEAN(a);
    }

    void dottedShortNameIsNotExpanded()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews.default\n")));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].fix.find("reviews.default.svc.cluster.local") != std::string::npos);
    }

    void unknownMirrorHost()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews\n")
                                                                               + "    mirror:\n      host: shadow\n"));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "host: shadow"));
        QVERIFY(found[0].message.rfind("mirror host shadow", 0) == 0);
    }

    void knownMirrorHostIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews\n        subset: v1\n")
                                                                                   + "    mirror:\n      host: reviews\n      subset: v2\n")));
    }

    void undefinedSubsetSuggestsUnusedNeighbour()
    {
        // v1 is already used by the route, so the likelier intent for v0 is v2.
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", R"(  http:
  - route:
    - destination:
        host: reviews
        subset: v0
      weight: 10
    - destination:
        host: reviews
        subset: v1
      weight: 90
)"));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "subset: v0"));
        QVERIFY(found[0].message.find("subset v0") != std::string::npos);
        QVERIFY(found[0].message.find("v1, v2") != std::string::npos);
        QVERIFY(found[0].fix.find("did you mean subset v2?") != std::string::npos);
        QVERIFY(found[0].fix.find("add subset v0 to DestinationRule reviews") != std::string::npos);
    }

    void undefinedSubsetWithoutNeighbourSuggestsAdding()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews\n        subset: canary\n")));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].fix, std::string("add subset canary to DestinationRule reviews"));
    }

    void subsetWithoutDestinationRule()
    {
        const std::string service = "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: details\n"
                                    "  namespace: default\nspec:\n  ports:\n  - port: 9080\n";
        const Analysis a = analyzeYaml(kReviews + service
                                       + virtualService("details", routeTo("        host: details\n        subset: v1\n"),
                                                        "  - details\n"));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].fix.rfind("create a DestinationRule for host details", 0) == 0);
    }

    void missingGateway()
    {
        const Analysis a = analyzeYaml(kReviews + kGateway
                                       + virtualService("reviews", "  gateways:\n  - publik\n" + routeTo("        host: reviews\n")));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "- publik"));
        QCOMPARE(found[0].fix, std::string("did you mean gateway public?"));
    }

    void missingGatewayInMatch()
    {
        const Analysis a = analyzeYaml(kReviews + kGateway
                                       + virtualService("reviews", "  gateways:\n  - public\n  http:\n  - match:\n"
                                                                   "    - gateways: [other/edge]\n    route:\n"
                                                                   "    - destination:\n        host: reviews\n"));
        // istioctl does not look at match gateways: ours to say, under our code.
        ANALYZER_VERIFY(a.withCode(codes::ReferenceNotFound).empty(), a);
        const Diagnostics found = a.withCode(codes::MatchGatewayNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("other/edge") != std::string::npos);
    }

    void existingGatewaysAreClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + kGateway
                                          + virtualService("reviews", "  gateways:\n  - default/public\n  - mesh\n"
                                                                      + routeTo("        host: reviews\n"))));
    }

    void portRequiredWhenServiceHasSeveral()
    {
        const std::string twoPorts = "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: multi\n"
                                     "  namespace: default\nspec:\n  ports:\n  - {name: http, port: 80}\n"
                                     "  - {name: admin, port: 9000}\n";
        const Analysis a = analyzeYaml(kReviews + twoPorts
                                       + virtualService("multi", routeTo("        host: multi\n"), "  - multi\n"));
        const Diagnostics found = a.withCode(codes::PortSelectorRequired);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].location.line, lineOf(a.text, "host: multi"));
        QVERIFY(found[0].message.find("80, 9000") != std::string::npos);

        const Analysis clean = analyzeYaml(kReviews + twoPorts
                                           + virtualService("multi", routeTo("        host: multi\n        port: {number: 9000}\n"),
                                                            "  - multi\n"));
        ANALYZER_VERIFY_CLEAN(clean);
    }

    void portNotExposed()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews\n        port: {number: 8080}\n")));
        const Diagnostics found = a.withCode(codes::ReferenceNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("8080") != std::string::npos);
        QCOMPARE(found[0].fix, std::string("use port 9080"));
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", routeTo("        host: reviews\n        port: {number: 9080}\n"))));
    }

    void missingDelegate()
    {
        const std::string delegating = "  http:\n  - delegate:\n      name: reviews-routes\n      namespace: default\n";
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", delegating));
        const Diagnostics found = a.withCode(codes::DelegateNotFound);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("default/reviews-routes") != std::string::npos);

        const std::string target = "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                                   "  name: reviews-routes\n  namespace: default\nspec:\n"
                                   + routeTo("        host: reviews\n");
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews", delegating) + target));
    }

    void destinationRuleHostUnknown()
    {
        const std::string rule = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                                 "  name: typo\n  namespace: default\nspec:\n  host: reveiws\n";
        const Analysis a = analyzeYaml(kReviews + rule);
        const Diagnostics found = a.withCode(codes::UnknownRuleHost);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "host: reveiws"));
        QCOMPARE(found[0].fix, std::string("did you mean host reviews?"));
    }

    void destinationRuleForServiceEntryIsClean()
    {
        const std::string rule = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                                 "  name: ratings-api\n  namespace: default\nspec:\n  host: api.ratings.example.com\n"
                                 "  trafficPolicy:\n    tls: {mode: SIMPLE, caCertificates: /etc/certs/ca.pem}\n";
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + kRatingsEntry + rule));
    }

    void subsetSelectsNoPods()
    {
        std::string yaml = kReviews;
        yaml.replace(yaml.find("labels: {version: v2}\n"), 22, "labels: {version: v3}\n");
        const Analysis a = analyzeYaml(yaml);
        const Diagnostics found = a.withCode(codes::SubsetSelectsNoPods);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].resource.kind, std::string("DestinationRule"));
        QCOMPARE(found[0].location.line, lineOf(a.text, "- name: v2"));
        QVERIFY(found[0].message.find("version=v1, v2") != std::string::npos); // what the pods do carry
    }

    void subsetOfServiceWithoutPodsHereIsJudgedAsIstioctlDoes()
    {
        // Pods in the folder count as the cluster's (istioctl's rule): none carries version=v9.
        const std::string yaml = R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec:
  selector: {app: reviews}
  ports: [{port: 9080}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  subsets:
  - name: v9
    labels: {version: v9}
)";
        const Analysis a = analyzeYaml(yaml);
        const Diagnostics found = a.withCode(codes::SubsetSelectsNoPods);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].location.line, lineOf(a.text, "- name: v9"));
    }

    void topologySubsetWithoutNodesIsNotJudged()
    {
        // No Node objects: nobody knows the pods' region, so it is no evidence either way.
        std::string yaml = kReviews;
        yaml.replace(yaml.find("labels: {version: v2}\n"), 22, "labels: {topology.kubernetes.io/region: eu}\n");
        ANALYZER_VERIFY(analyzeYaml(yaml).withCode(codes::SubsetSelectsNoPods).empty(), analyzeYaml(yaml));
        // With a Node, pods on it carry its region; reviews' pods have no node: none is in eu.
        const std::string node = "---\napiVersion: v1\nkind: Node\nmetadata:\n  name: worker\n  labels:\n"
                                 "    topology.kubernetes.io/region: us\n";
        const Analysis judged = analyzeYaml(yaml + node);
        ANALYZER_VERIFY(judged.withCode(codes::SubsetSelectsNoPods).size() == 1, judged);
    }

    void subsetMatchingOnlyPodsOfOtherServices()
    {
        // istioctl is satisfied by any pod; the Service's own pods decide where traffic goes.
        const std::string other = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  namespace: default\n"
                                  "  labels: {app: ratings, version: v3}\n";
        std::string yaml = kReviews;
        yaml.replace(yaml.find("labels: {version: v2}\n"), 22, "labels: {version: v3}\n");
        const Analysis a = analyzeYaml(yaml + other);
        ANALYZER_VERIFY(a.withCode(codes::SubsetSelectsNoPods).empty(), a);
        const Diagnostics found = a.withCode(codes::SubsetSelectsNoServicePods);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("version=v1, v2") != std::string::npos);
    }

    void subsetWithoutLabels()
    {
        std::string yaml = kReviews;
        yaml.replace(yaml.find("    labels: {version: v2}\n"), 26, "");
        const Analysis a = analyzeYaml(yaml);
        const Diagnostics found = a.withCode(codes::SubsetWithoutLabels);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "- name: v2"));
        QCOMPARE(found[0].fix, std::string("add labels, e.g. labels: {version: v2}"));
    }

    void subsetDefinedByTwoRules()
    {
        const std::string second = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                                   "  name: reviews-canary\n  namespace: default\nspec:\n  host: reviews.default.svc.cluster.local\n"
                                   "  subsets:\n  - name: v2\n    labels: {version: v2}\n";
        const Analysis a = analyzeYaml(kReviews + second);
        const Diagnostics found = a.withCode(codes::DuplicateSubset);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].resource.name, std::string("reviews-canary"));
        QCOMPARE(found[0].location.line, lineOf(a.text, "- name: v2", 2));
        QVERIFY(found[0].message.find("DestinationRule reviews (line ") != std::string::npos);
    }

    void distinctSubsetsInTwoRulesAreClean()
    {
        const std::string second = "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                                   "  name: reviews-canary\n  namespace: default\nspec:\n  host: reviews\n"
                                   "  subsets:\n  - name: canary\n    labels: {version: v2}\n";
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + second));
    }
};

QTEST_GUILESS_MAIN(TestReferenceCheck)
#include "tst_referencecheck.moc"
