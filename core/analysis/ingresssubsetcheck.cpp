// SPDX-License-Identifier: MIT
#include "analysis/ingresssubsetcheck.h"

#include "analysis/analyzercodes.h"

#include <algorithm>
#include <map>
#include <set>

namespace meshlane {

IngressSubsetCheck::IngressSubsetCheck(AnalysisContext &context)
    : m_context(context)
{
}

void IngressSubsetCheck::run()
{
    const Mesh &mesh = m_context.mesh();
    // host as written -> VirtualServices for that host routing it by subset (istioctl compares raw strings)
    std::map<std::string, std::vector<std::pair<const VirtualService *, std::string>>> splitters;
    for (const auto &vs : mesh.virtualServices) {
        for (const HttpRoute &route : vs->http) {
            for (const RouteDestination &entry : route.route) {
                const Destination &destination = entry.destination;
                if (!destination.subset.empty()
                    && std::find(vs->hosts.begin(), vs->hosts.end(), destination.host) != vs->hosts.end())
                    splitters[destination.host].emplace_back(vs.get(), destination.subset);
            }
        }
    }
    if (splitters.empty())
        return;
    for (const auto &vs : mesh.virtualServices) {
        if (vs->gateways.empty())
            continue;
        std::set<const VirtualService *> reported;
        for (const HttpRoute &route : vs->http) {
            for (const RouteDestination &entry : route.route) {
                const Destination &destination = entry.destination;
                if (!destination.subset.empty())
                    continue;
                const auto it = splitters.find(destination.host);
                if (it == splitters.end())
                    continue;
                for (const auto &[splitter, subset] : it->second) {
                    if (!reported.insert(splitter).second)
                        continue;
                    m_context.report(codes::SubsetIgnoredAtIngress, Severity::Warning, vs->meta, destination.hostLocation,
                                     "requests entering through this VirtualService's gateways go to every pod of "
                                         + destination.host + ": the subset routing of VirtualService "
                                         + shortReference(splitter->meta.ns, splitter->meta.name, vs->meta.ns)
                                         + " (subset " + subset + ") applies to sidecars, not to gateways",
                                     "route to the subsets here too, or add the gateways to VirtualService "
                                         + shortReference(splitter->meta.ns, splitter->meta.name, vs->meta.ns));
                }
            }
        }
    }
}

} // namespace meshlane
