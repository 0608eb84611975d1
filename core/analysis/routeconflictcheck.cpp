// SPDX-License-Identifier: MIT
#include "analysis/routeconflictcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/matchcoverage.h"

#include <map>

namespace meshlane {

namespace {

// The match blocks of a route; a route without `match` is one block matching everything.
std::vector<HttpMatchRequest> blocksOf(const HttpRoute &route)
{
    if (!route.match.empty())
        return route.match;
    HttpMatchRequest everything;
    everything.location = route.location;
    return {everything};
}

// Server host "ns/host": may a VirtualService in `vsNs` bind to it?
bool serverAdmits(const std::string &written, const std::string &gatewayNs, const std::string &vsNs,
                  std::string *hostPart)
{
    const size_t slash = written.find('/');
    if (slash == std::string::npos) {
        *hostPart = written;
        return true;
    }
    const std::string ns = written.substr(0, slash);
    *hostPart = written.substr(slash + 1);
    return ns == "*" || ns == vsNs || (ns == "." && gatewayNs == vsNs);
}

// Hosts intersect when either pattern matches the other ("*.example.com" and
// "shop.example.com" both ways round, "*" with anything).
bool hostsIntersect(const std::string &a, const std::string &b)
{
    return hostMatchesPattern(a, b) || hostMatchesPattern(b, a);
}

} // namespace

RouteConflictCheck::RouteConflictCheck(AnalysisContext &context)
    : m_context(context)
    , m_mesh(context.mesh())
{
}

void RouteConflictCheck::run()
{
    checkConflictingHosts();
    for (const auto &vs : m_mesh.virtualServices) {
        checkRouteOrder(*vs);
        checkGatewayHosts(*vs);
    }
}

void RouteConflictCheck::checkConflictingHosts()
{
    std::map<std::string, std::vector<const VirtualService *>> byHost;
    for (const auto &vs : m_mesh.virtualServices) {
        if (!vs->appliesToMesh())
            continue;
        for (const std::string &host : vs->hostFqdns) {
            auto &list = byHost[host];
            if (list.empty() || list.back() != vs.get()) // a host listed twice in one VS is not a conflict
                list.push_back(vs.get());
        }
    }
    for (const auto &[host, list] : byHost) {
        if (list.size() < 2)
            continue;
        // Each party gets the finding: whichever the user opens shows the conflict.
        for (const VirtualService *vs : list) {
            std::string others;
            for (const VirtualService *other : list) {
                if (other != vs)
                    appendToList(others, shortReference(other->meta.ns, other->meta.name, vs->meta.ns) + " ("
                                             + describeLocation(other->meta.location, vs->hostsLocation) + ')');
            }
            m_context.report(codes::ConflictingMeshHosts, Severity::Error, vs->meta, vs->hostsLocation,
                             "host " + displayHost(host, vs->meta.ns) + " is also routed for the mesh by VirtualService "
                                 + others + "; sidecars apply only one of them, which one is undefined",
                             "merge their http routes into one VirtualService");
        }
    }
}

void RouteConflictCheck::checkRouteOrder(const VirtualService &vs)
{
    struct Earlier
    {
        HttpMatchRequest block;
        size_t route;
        size_t index; // within the route's match list
    };
    std::vector<Earlier> earlier;
    for (size_t i = 0; i < vs.http.size(); ++i) {
        const HttpRoute &route = vs.http[i];
        const std::vector<HttpMatchRequest> blocks = blocksOf(route);
        std::vector<const Earlier *> coveredBy(blocks.size(), nullptr);
        size_t covered = 0;
        for (size_t b = 0; b < blocks.size(); ++b) {
            for (const Earlier &candidate : earlier) {
                if (matchCovers(candidate.block, blocks[b])) {
                    coveredBy[b] = &candidate;
                    ++covered;
                    break;
                }
            }
        }
        if (covered == blocks.size()) {
            const Earlier &first = *coveredBy.front();
            const HttpRoute &winner = vs.http[first.route];
            const bool catchAll = first.block.isCatchAll();
            std::string message = describeHttpRoute(vs, i) + " is never used: ";
            std::string fix;
            if (catchAll) {
                message += describeHttpRoute(vs, first.route) + " ("
                    + describeLocation(winner.location, route.location) + ") matches every request before it";
                fix = "move the catch-all " + describeHttpRoute(vs, first.route)
                    + " to the end of http, or give it a match";
            } else {
                message += route.match.size() > 1 ? "every one of its matches is" : "its match is";
                message += " already taken by " + describeHttpRoute(vs, first.route) + " ("
                    + describeLocation(winner.location, route.location) + ')';
                fix = "move it above " + describeHttpRoute(vs, first.route) + ", or make its match more specific";
            }
            m_context.report(codes::UnreachableRule, Severity::Warning, vs.meta, route.location, std::move(message),
                             std::move(fix));
        } else {
            for (size_t b = 0; b < blocks.size(); ++b) {
                if (!coveredBy[b])
                    continue;
                const Earlier &by = *coveredBy[b];
                m_context.report(codes::IneffectiveMatch, Severity::Info, vs.meta, blocks[b].location,
                                 "match[" + std::to_string(b) + "] of " + describeHttpRoute(vs, i) + " ("
                                     + blocks[b].describe() + ") is never used: match[" + std::to_string(by.index)
                                     + "] of " + describeHttpRoute(vs, by.route) + " (" + by.block.describe()
                                     + ") takes those requests first",
                                 "remove it, or move " + describeHttpRoute(vs, i) + " above "
                                     + describeHttpRoute(vs, by.route));
            }
        }
        for (size_t b = 0; b < blocks.size(); ++b)
            earlier.push_back({blocks[b], i, b});
    }
}

void RouteConflictCheck::checkGatewayHosts(const VirtualService &vs)
{
    for (const std::string &ref : vs.gatewayRefs()) {
        const Gateway *gateway = m_mesh.findGateway(ref);
        if (!gateway)
            continue; // reported as IST0101
        std::string accepted;
        for (const GatewayServer &server : gateway->servers) {
            for (const std::string &host : server.hosts)
                appendToList(accepted, host);
        }
        for (size_t h = 0; h < vs.hostFqdns.size(); ++h) {
            bool served = false;
            for (const GatewayServer &server : gateway->servers) {
                for (const std::string &written : server.hosts) {
                    std::string pattern;
                    if (serverAdmits(written, gateway->meta.ns, vs.meta.ns, &pattern)
                        && hostsIntersect(pattern, vs.hostFqdns[h]))
                        served = true;
                }
            }
            if (served)
                continue;
            const std::string gatewayName = shortReference(gateway->meta.ns, gateway->meta.name, vs.meta.ns);
            m_context.report(codes::HostNotInGateway, Severity::Warning, vs.meta, vs.hostsLocation,
                             "host " + vs.hosts[h] + " is not served by Gateway " + gatewayName
                                 + (accepted.empty() ? std::string(" (it lists no hosts)")
                                                     : " (its servers accept " + accepted + ')')
                                 + ": requests for it through that gateway get 404",
                             "add " + vs.hosts[h] + " to the hosts of Gateway " + gatewayName
                                 + ", or remove the gateway from this VirtualService");
        }
    }
}

} // namespace meshlane
