// SPDX-License-Identifier: MIT
#include "analysis/jwtclaimroutecheck.h"

#include "analysis/analyzercodes.h"
#include "model/hostname.h"

namespace meshlane {

namespace {

// "@request.auth.claims.group" or "@request.auth.claims[group]", as Istio reads them.
bool isClaimHeader(const std::string &name)
{
    static const std::string prefix = "@request.auth.claims";
    if (toLower(name).compare(0, prefix.size(), prefix) != 0)
        return false;
    const std::string rest = name.substr(prefix.size());
    return (rest.size() > 1 && rest.front() == '.') || (rest.size() > 2 && rest.front() == '[' && rest.back() == ']');
}

std::string claimHeaderOf(const VirtualService &vs)
{
    for (const HttpRoute &route : vs.http) {
        for (const HttpMatchRequest &match : route.match) {
            for (const auto *list : {&match.headers, &match.withoutHeaders}) {
                for (const NamedStringMatch &header : *list) {
                    if (isClaimHeader(header.name))
                        return header.name;
                }
            }
        }
    }
    return {};
}

} // namespace

JwtClaimRouteCheck::JwtClaimRouteCheck(AnalysisContext &context)
    : m_context(context)
{
}

void JwtClaimRouteCheck::run()
{
    for (const auto &vs : m_context.mesh().virtualServices) {
        const std::string claim = claimHeaderOf(*vs);
        if (!claim.empty())
            checkVirtualService(*vs, claim);
    }
}

void JwtClaimRouteCheck::checkVirtualService(const VirtualService &vs, const std::string &claimHeader)
{
    for (const std::string &ref : vs.gatewayRefs()) {
        if (ref == "mesh")
            continue;
        const Gateway *gateway = m_context.mesh().findGateway(ref);
        if (!gateway)
            continue; // GatewayReferenceCheck reports it
        for (const PodView &pod : m_context.pods()) {
            if (!labelsMatch(gateway->selector, pod.labels) || authenticated(pod))
                continue;
            m_context.report(codes::JwtClaimRouteWithoutAuth, Severity::Error, vs.meta, vs.gatewaysLocation,
                             "routes on JWT claim " + claimHeader + ", but gateway pod " + pod.ns + '/' + pod.name
                                 + " of Gateway " + ref
                                 + " has no RequestAuthentication: no token is validated, so the claim is never "
                                   "set and the route never matches",
                             "add a RequestAuthentication selecting the gateway pods (in " + pod.ns
                                 + " or istio-system)");
        }
    }
}

bool JwtClaimRouteCheck::authenticated(const PodView &pod) const
{
    for (const auto &policy : m_context.mesh().requestAuthentications) {
        if (policy->meta.ns != "istio-system" && policy->meta.ns != pod.ns)
            continue;
        if (labelsMatch(policy->selector, pod.labels))
            return true;
    }
    return false;
}

} // namespace meshlane
