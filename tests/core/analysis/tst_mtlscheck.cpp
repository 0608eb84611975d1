// SPDX-License-Identifier: MIT
// MtlsCheck: Kiali's DestinationRule/PeerAuthentication consistency codes and ML0111.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

std::string peerAuthentication(const std::string &name, const std::string &ns, const std::string &mode,
                               const std::string &selector = {})
{
    return "---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: " + name
        + "\n  namespace: " + ns + "\nspec:\n" + (selector.empty() ? "" : "  selector:\n    matchLabels: " + selector + '\n')
        + "  mtls:\n    mode: " + mode + '\n';
}

std::string destinationRule(const std::string &name, const std::string &ns, const std::string &host,
                            const std::string &mode)
{
    return "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: " + name
        + "\n  namespace: " + ns + "\nspec:\n  host: \"" + host + "\"\n  trafficPolicy:\n    tls:\n      mode: " + mode
        + '\n';
}

} // namespace

class TestMtlsCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespaceRuleDisablesTlsInStrictNamespace()
    {
        const Analysis a = analyzeYaml(kReviews + peerAuthentication("default", "default", "STRICT")
                                       + destinationRule("no-tls", "default", "*.default.svc.cluster.local", "DISABLE"));
        const Diagnostics found = a.withCode(codes::PolicyMtlsEnabled);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].resource.name, std::string("no-tls"));
        // PERMISSIVE accepts both: nothing to say.
        const Analysis permissive = analyzeYaml(kReviews + peerAuthentication("default", "default", "PERMISSIVE")
                                                + destinationRule("no-tls", "default", "*.default.svc.cluster.local", "DISABLE"));
        ANALYZER_VERIFY(permissive.withCode(codes::PolicyMtlsEnabled).empty(), permissive);
    }

    void ruleDisablesTlsUnderStrictMesh()
    {
        const Analysis a = analyzeYaml(kReviews + peerAuthentication("mesh", "istio-system", "STRICT")
                                       + destinationRule("no-tls", "istio-system", "*.local", "DISABLE"));
        ANALYZER_VERIFY(a.withCode(codes::MeshPolicyMtlsEnabled).size() == 1, a);
    }

    void namespacePolicyDisabledWhileRuleSendsMtls()
    {
        const Analysis a = analyzeYaml(kReviews + peerAuthentication("off", "default", "DISABLE")
                                       + destinationRule("mtls", "default", "*.default.svc.cluster.local", "ISTIO_MUTUAL"));
        const Diagnostics found = a.withCode(codes::DisabledPolicyRuleMissing);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].resource.kind, std::string("PeerAuthentication"));
        QCOMPARE(found[0].location.line, lineOf(a.text, "mode: DISABLE"));
    }

    void meshPolicyDisabledWhileMeshRuleSendsMtls()
    {
        const Analysis a = analyzeYaml(kReviews + peerAuthentication("mesh", "istio-system", "DISABLE")
                                       + destinationRule("mtls", "istio-system", "*.local", "ISTIO_MUTUAL"));
        ANALYZER_VERIFY(a.withCode(codes::DisabledMeshPolicyRuleMissing).size() == 1, a);
    }

    void hostRuleDisablesTlsTowardsStrictPods()
    {
        const Analysis a = analyzeYaml(kReviews + peerAuthentication("reviews", "default", "STRICT", "{app: reviews}")
                                       + destinationRule("reviews-plain", "default", "reviews", "DISABLE"));
        const Diagnostics found = a.withCode(codes::TlsDisabledTowardsStrict);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("default/reviews is STRICT") != std::string::npos);
        // A workload policy overrides the namespace's.
        const Analysis relaxed = analyzeYaml(kReviews + peerAuthentication("ns", "default", "STRICT")
                                             + peerAuthentication("reviews", "default", "PERMISSIVE", "{app: reviews}")
                                             + destinationRule("reviews-plain", "default", "reviews", "DISABLE"));
        ANALYZER_VERIFY(relaxed.withCode(codes::TlsDisabledTowardsStrict).empty(), relaxed);
    }
};

QTEST_GUILESS_MAIN(TestMtlsCheck)
#include "tst_mtlscheck.moc"
