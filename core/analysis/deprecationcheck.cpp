// SPDX-License-Identifier: MIT
#include "analysis/deprecationcheck.h"

#include "analysis/analyzercodes.h"
#include "load/fieldreader.h"

#include <set>

namespace meshlane {

namespace {

SourceLocation locationOf(const ResourceMeta &meta, const YAML::Node &node)
{
    if (!node.IsDefined() || node.Mark().is_null())
        return meta.location;
    return {meta.location.file, node.Mark().line + 1, node.Mark().column + 1};
}

bool isNonZero(const YAML::Node &node)
{
    return node.IsScalar() && !node.Scalar().empty() && node.Scalar() != "0";
}

// Const lookups only (childOf): raw nodes are shared between snapshots and threads.
YAML::Node child(const YAML::Node &node, const char *key)
{
    return childOf(node, key);
}

} // namespace

DeprecationCheck::DeprecationCheck(AnalysisContext &context)
    : m_context(context)
{
}

void DeprecationCheck::run()
{
    const Mesh &mesh = m_context.mesh();
    for (const auto &vs : mesh.virtualServices)
        checkVirtualService(*vs);
    for (const auto &rule : mesh.destinationRules)
        checkDestinationRule(*rule);
    for (const auto &sidecar : mesh.sidecars)
        checkSidecar(*sidecar);
}

void DeprecationCheck::checkVirtualService(const VirtualService &vs)
{
    const YAML::Node http = child(child(vs.meta.raw, "spec"), "http");
    if (!http.IsSequence())
        return;
    std::string delayRoutes;
    SourceLocation delayAt;
    std::set<std::string> mirrorSpellings;
    for (size_t i = 0; i < http.size(); ++i) {
        const YAML::Node route = http[i];
        const YAML::Node percent = child(child(child(route, "fault"), "delay"), "percent");
        if (isNonZero(percent)) {
            if (delayRoutes.empty())
                delayAt = locationOf(vs.meta, percent);
            appendToList(delayRoutes, describeHttpRoute(vs, i));
        }
        for (const char *spelling : {"mirrorPercent", "mirror_percent"}) {
            const YAML::Node legacy = child(route, spelling);
            if (!legacy.IsDefined() || !mirrorSpellings.insert(spelling).second)
                continue;
            m_context.report(codes::SchemaWarning, Severity::Warning, vs.meta, locationOf(vs.meta, legacy),
                             std::string(spelling) + " is deprecated (" + describeHttpRoute(vs, i)
                                 + "); current Istio still honours it, but use mirrorPercentage",
                             "replace it with mirrorPercentage: {value: "
                                 + (legacy.IsScalar() ? legacy.Scalar() : std::string("<percent>")) + '}');
        }
    }
    if (!delayRoutes.empty()) {
        m_context.report(codes::Deprecated, Severity::Warning, vs.meta, delayAt,
                         "fault.delay.percent is deprecated (" + delayRoutes + "); use fault.delay.percentage",
                         "replace percent: N with percentage: {value: N}");
    }
}

void DeprecationCheck::checkDestinationRule(const DestinationRule &rule)
{
    // Only the top-level policy: istioctl drops these warnings for subsets and ports.
    const YAML::Node policy = child(child(rule.meta.raw, "spec"), "trafficPolicy");
    const YAML::Node errors = child(child(policy, "outlierDetection"), "consecutiveErrors");
    if (isNonZero(errors)) {
        m_context.report(codes::SchemaWarning, Severity::Warning, rule.meta, locationOf(rule.meta, errors),
                         "outlierDetection.consecutiveErrors is deprecated",
                         "use consecutive5xxErrors (or consecutiveGatewayErrors) instead");
    }
    const YAML::Node ringSize = child(child(child(policy, "loadBalancer"), "consistentHash"), "minimumRingSize");
    if (isNonZero(ringSize)) {
        m_context.report(codes::SchemaWarning, Severity::Warning, rule.meta, locationOf(rule.meta, ringSize),
                         "consistentHash.minimumRingSize is deprecated",
                         "use consistentHash.ringHash.minimumRingSize instead");
    }
}

void DeprecationCheck::checkSidecar(const Sidecar &sidecar)
{
    if (!sidecar.egressProxy)
        return;
    m_context.report(codes::Deprecated, Severity::Warning, sidecar.meta, sidecar.egressProxyLocation,
                     "outboundTrafficPolicy.egressProxy is deprecated and ignored by Istio",
                     "remove egressProxy; route egress through an egress gateway instead");
}

} // namespace meshlane
