// SPDX-License-Identifier: MIT
#include "analysis/deprecationcheck.h"

#include "analysis/analyzercodes.h"

#include <set>

namespace meshlane {

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
    std::string delayRoutes;
    SourceLocation delayAt;
    std::set<std::string> mirrorSpellings;
    for (size_t i = 0; i < vs.http.size(); ++i) {
        for (const DeprecatedField &field : vs.http[i].deprecatedFields) {
            if (field.path == "fault.delay.percent") {
                if (delayRoutes.empty())
                    delayAt = field.location;
                appendToList(delayRoutes, describeHttpRoute(vs, i));
                continue;
            }
            if (!mirrorSpellings.insert(field.path).second)
                continue;
            m_context.report(codes::SchemaWarning, Severity::Warning, vs.meta, field.location,
                             field.path + " is deprecated (" + describeHttpRoute(vs, i)
                                 + "); current Istio still honours it, but use mirrorPercentage",
                             "replace it with mirrorPercentage: {value: "
                                 + (field.value.empty() ? std::string("<percent>") : field.value) + '}');
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
    for (const DeprecatedField &field : rule.deprecatedFields) {
        const bool errors = field.path == "outlierDetection.consecutiveErrors";
        m_context.report(codes::SchemaWarning, Severity::Warning, rule.meta, field.location,
                         field.path + " is deprecated",
                         errors ? "use consecutive5xxErrors (or consecutiveGatewayErrors) instead"
                                : "use consistentHash.ringHash.minimumRingSize instead");
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
