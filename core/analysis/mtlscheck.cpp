// SPDX-License-Identifier: MIT
#include "analysis/mtlscheck.h"

#include "analysis/analyzercodes.h"
#include "model/mtlspolicy.h"

namespace meshlane {

namespace {

const char *const kRootNamespace = "istio-system";

bool enabled(const PeerAuthentication &policy)
{
    return !policy.hasSelector && (policy.mode == "STRICT" || policy.mode == "PERMISSIVE");
}

std::string policyName(const PeerAuthentication &policy)
{
    return policy.meta.ns + '/' + policy.meta.name;
}

} // namespace

MtlsCheck::MtlsCheck(AnalysisContext &context)
    : m_context(context)
{
}

void MtlsCheck::run()
{
    const Mesh &mesh = m_context.mesh();
    if (mesh.peerAuthentications.empty())
        return;
    for (const auto &rule : mesh.destinationRules) {
        if (rule->host == "*.local" || rule->host == "*." + rule->meta.ns + ".svc.cluster.local")
            checkWideRule(*rule);
        else
            checkHostRule(*rule);
    }
    for (const auto &policy : mesh.peerAuthentications)
        checkPolicy(*policy);
}

void MtlsCheck::checkWideRule(const DestinationRule &rule)
{
    if (rule.trafficPolicy.tls.mode != "DISABLE")
        return;
    const Mesh &mesh = m_context.mesh();
    const PeerAuthentication *meshStrict = nullptr;
    for (const auto &policy : mesh.peerAuthentications) {
        if (policy->meta.ns == kRootNamespace && !policy->hasSelector && policy->mode == "STRICT")
            meshStrict = policy.get();
    }
    const std::string fix = "use tls mode ISTIO_MUTUAL, or relax the PeerAuthentication to PERMISSIVE";
    if (rule.host == "*.local") {
        if (meshStrict)
            m_context.report(codes::MeshPolicyMtlsEnabled, Severity::Error, rule.meta, rule.hostLocation,
                             "this mesh-wide rule disables TLS, but PeerAuthentication " + policyName(*meshStrict)
                                 + " makes the mesh STRICT: requests fail",
                             fix);
        return;
    }
    bool namespaceEnabled = false;
    bool namespaceDisabled = false;
    for (const auto &policy : mesh.peerAuthentications) {
        if (policy->meta.ns != rule.meta.ns || policy->hasSelector)
            continue;
        namespaceDisabled = namespaceDisabled || policy->mode == "DISABLE";
        if (!enabled(*policy) || namespaceEnabled)
            continue;
        namespaceEnabled = true; // the first enabled policy decides, as Kiali
        if (policy->mode == "STRICT")
            m_context.report(codes::PolicyMtlsEnabled, Severity::Error, rule.meta, rule.hostLocation,
                             "this namespace-wide rule disables TLS, but PeerAuthentication " + policyName(*policy)
                                 + " makes namespace " + rule.meta.ns + " STRICT: requests fail",
                             fix);
    }
    if (!namespaceEnabled && !namespaceDisabled && meshStrict)
        m_context.report(codes::MeshPolicyMtlsEnabled, Severity::Error, rule.meta, rule.hostLocation,
                         "this namespace-wide rule disables TLS, but PeerAuthentication " + policyName(*meshStrict)
                             + " makes the mesh STRICT: requests fail",
                         fix);
}

void MtlsCheck::checkPolicy(const PeerAuthentication &policy)
{
    if (policy.hasSelector || policy.mode != "DISABLE")
        return;
    const bool root = policy.meta.ns == kRootNamespace;
    bool meshEnabled = false;
    for (const auto &rule : m_context.mesh().destinationRules) {
        const std::string &mode = rule->trafficPolicy.tls.mode;
        if (!root && rule->host == "*." + policy.meta.ns + ".svc.cluster.local") {
            if (sendsIstioMtls(mode)) {
                m_context.report(codes::DisabledPolicyRuleMissing, Severity::Error, policy.meta, policy.modeLocation,
                                 "mTLS is disabled for namespace " + policy.meta.ns + ", but DestinationRule "
                                     + rule->meta.ns + '/' + rule->meta.name + " still sends mTLS there: requests fail",
                                 "add a namespace-wide DestinationRule with tls mode DISABLE");
                return;
            }
            if (mode == "DISABLE")
                return;
        }
        if (rule->host == "*.local" && sendsIstioMtls(mode))
            meshEnabled = true;
    }
    if (!meshEnabled)
        return;
    m_context.report(root ? codes::DisabledMeshPolicyRuleMissing : codes::DisabledPolicyRuleMissing, Severity::Error,
                     policy.meta, policy.modeLocation,
                     std::string("mTLS is disabled for ") + (root ? "the mesh" : "namespace " + policy.meta.ns)
                         + ", but the mesh-wide DestinationRule (*.local) still sends mTLS: requests fail",
                     root ? "set the mesh-wide DestinationRule's tls mode to DISABLE"
                          : "add a namespace-wide DestinationRule with tls mode DISABLE");
}

void MtlsCheck::checkHostRule(const DestinationRule &rule)
{
    if (rule.trafficPolicy.tls.mode != "DISABLE")
        return;
    const Service *service = m_context.mesh().findService(rule.fqdn);
    if (!service)
        return;
    // The policy of the Service's pods, as the router resolves it: the
    // finding and the 503 the request tester shows tell the same story.
    // Without pods, the namespace's (or the mesh's) policy is what new pods get.
    const std::vector<const Workload *> pods = m_context.workloadsOf(*service);
    AcceptedMtls accepted = acceptedMtls(m_context.mesh(), service->meta.ns, {});
    for (const Workload *pod : pods) {
        accepted = acceptedMtls(m_context.mesh(), pod->meta.ns, pod->podLabels);
        if (accepted.mode != "STRICT")
            return;
    }
    if (accepted.mode != "STRICT")
        return;
    const PeerAuthentication *deciding = accepted.deciding;
    m_context.report(codes::TlsDisabledTowardsStrict, Severity::Error, rule.meta, rule.hostLocation,
                     "tls mode DISABLE towards " + rule.host + ", whose pods accept only mTLS (PeerAuthentication "
                         + policyName(*deciding) + " is STRICT): every request fails (503, connection reset)",
                     "remove the tls DISABLE (or set ISTIO_MUTUAL), or make the PeerAuthentication PERMISSIVE");
}

} // namespace meshlane
