// SPDX-License-Identifier: MIT
// A request whose two ends disagree on mTLS fails (503) and says why: the
// DestinationRule's tls mode against the PeerAuthentication of the pods, with
// Istio's precedence (workload, then namespace, then mesh) and auto mTLS when
// the rule says nothing. The analyzer's KIA/ML findings describe the same cases.

#include "model/mtlspolicy.h"
#include "support/routingtestsupport.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

// Service reviews in namespace shop with pods v1 (2) and v2 (1).
const char *kShop = R"(
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080, targetPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: reviews, version: v1}}
  template: {metadata: {labels: {app: reviews, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v2, namespace: shop}
spec:
  selector: {matchLabels: {app: reviews, version: v2}}
  template: {metadata: {labels: {app: reviews, version: v2}}}
---
)";

std::string rule(const std::string &host, const std::string &tlsMode, const std::string &ns = "shop")
{
    return "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr-" + std::to_string(host.size())
        + ", namespace: " + ns + "}\nspec:\n  host: \"" + host + "\"\n  trafficPolicy: {tls: {mode: " + tlsMode
        + "}}\n---\n";
}

std::string policy(const std::string &name, const std::string &ns, const std::string &mode,
                   const std::string &selector = {}, const std::string &portLevel = {})
{
    std::string text = "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: " + name
        + ", namespace: " + ns + "}\nspec:\n";
    if (!selector.empty())
        text += "  selector: {matchLabels: {" + selector + "}}\n";
    if (!mode.empty())
        text += "  mtls: {mode: " + mode + "}\n";
    if (!portLevel.empty())
        text += "  portLevelMtls: {" + portLevel + "}\n";
    return text + "---\n";
}

RouteDecision routeToReviews(const std::string &yaml)
{
    const Router router(meshFromText(std::string(kShop) + yaml));
    return router.route(makeRequest({.host = "reviews.shop", .port = 9080, .sourceNamespace = "shop"}));
}

int statusOf(const RouteDecision &decision)
{
    return decision.destinations.empty() ? -1 : decision.destinations.front().target.status;
}

std::string problemOf(const RouteDecision &decision)
{
    return decision.destinations.empty() ? std::string() : decision.destinations.front().target.problem.text();
}

} // namespace

class TestMtlsRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainTextTowardsStrictPodsIsReset()
    {
        const RouteDecision decision =
            routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE") + policy("strict", "shop", "STRICT"));
        QCOMPARE(statusOf(decision), 503);
        const std::string why = problemOf(decision);
        QVERIFY2(why.find("tls mode DISABLE") != std::string::npos, why.c_str());
        QVERIFY2(why.find("PeerAuthentication shop/strict") != std::string::npos, why.c_str());
        QVERIFY2(why.find("flag UC") != std::string::npos, why.c_str());
    }

    void mtlsTowardsDisabledPodsFailsTheHandshake()
    {
        const RouteDecision decision =
            routeToReviews(rule("*.shop.svc.cluster.local", "ISTIO_MUTUAL") + policy("off", "shop", "DISABLE"));
        QCOMPARE(statusOf(decision), 503);
        QVERIFY(problemOf(decision).find("flag UF") != std::string::npos);
    }

    void permissivePodsAcceptBoth()
    {
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE")
                                         + policy("open", "shop", "PERMISSIVE"))),
                 200);
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "ISTIO_MUTUAL")
                                         + policy("open", "shop", "PERMISSIVE"))),
                 200);
    }

    void autoMtlsAlwaysAgrees()
    {
        // No tls mode in the rule: the client's sidecar sends what the server takes.
        QCOMPARE(statusOf(routeToReviews(policy("strict", "shop", "STRICT"))), 200);
        QCOMPARE(statusOf(routeToReviews(policy("off", "shop", "DISABLE"))), 200);
    }

    void theMeshPolicyAppliesWhenTheNamespaceHasNone()
    {
        const RouteDecision decision = routeToReviews(rule("*.local", "DISABLE", "istio-system")
                                                      + policy("default", "istio-system", "STRICT"));
        QCOMPARE(statusOf(decision), 503);
        QVERIFY(problemOf(decision).find("istio-system/default") != std::string::npos);
    }

    void theNamespacePolicyOverridesTheMesh()
    {
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE")
                                         + policy("default", "istio-system", "STRICT")
                                         + policy("relaxed", "shop", "PERMISSIVE"))),
                 200);
    }

    void aWorkloadPolicyOverridesTheNamespaceForItsPodsOnly()
    {
        // Only v1 is relaxed: v2 still refuses, but the cluster has a pod that answers.
        const std::string yaml = rule("reviews.shop.svc.cluster.local", "DISABLE") + policy("strict", "shop", "STRICT")
            + policy("v1-open", "shop", "PERMISSIVE", "version: v1");
        QCOMPARE(statusOf(routeToReviews(yaml)), 200);
        // Relaxing a label no pod carries changes nothing.
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE")
                                         + policy("strict", "shop", "STRICT")
                                         + policy("v9-open", "shop", "PERMISSIVE", "version: v9"))),
                 503);
    }

    void unsetInheritsFromTheNamespace()
    {
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE")
                                         + policy("strict", "shop", "STRICT")
                                         + policy("unset", "shop", "UNSET", "app: reviews"))),
                 503);
    }

    void portLevelMtlsNamesTheContainerPort()
    {
        // Service port 9080 forwards to container port 8080: that is the port the policy names.
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE")
                                         + policy("strict", "shop", "STRICT", "app: reviews",
                                                  "8080: {mode: PERMISSIVE}"))),
                 200);
        QCOMPARE(statusOf(routeToReviews(rule("reviews.shop.svc.cluster.local", "DISABLE")
                                         + policy("strict", "shop", "STRICT", "app: reviews",
                                                  "9080: {mode: PERMISSIVE}"))),
                 503);
    }

    void theMostSpecificRuleDecides()
    {
        // The host's own rule (auto mTLS) wins over the namespace-wide DISABLE.
        const std::string yaml = rule("*.shop.svc.cluster.local", "DISABLE")
            + "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews, namespace: shop}\n"
              "spec: {host: reviews}\n---\n"
            + policy("strict", "shop", "STRICT");
        QCOMPARE(statusOf(routeToReviews(yaml)), 200);
        const MeshPtr mesh = meshFromText(std::string(kShop) + yaml);
        const DestinationRule *deciding = tlsDestinationRule(*mesh, "reviews.shop.svc.cluster.local");
        QVERIFY(deciding);
        QCOMPARE(deciding->meta.name, std::string("reviews"));
        QCOMPARE(tlsDestinationRule(*mesh, "other.shop.svc.cluster.local")->host,
                 std::string("*.shop.svc.cluster.local"));
        QVERIFY(!tlsDestinationRule(*mesh, "other.elsewhere.svc.cluster.local"));
    }
};

QTEST_GUILESS_MAIN(TestMtlsRouting)
#include "tst_mtlsrouting.moc"
