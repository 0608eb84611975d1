// SPDX-License-Identifier: MIT
#include "analysis/routeconflictcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/matchcoverage.h"
#include "analysis/requestwitness.h"


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

} // namespace

RouteConflictCheck::RouteConflictCheck(AnalysisContext &context, const DuplicateMatchCheck &istioctlFindings)
    : m_context(context)
    , m_mesh(context.mesh())
    , m_istioctl(istioctlFindings)
{
}

void RouteConflictCheck::run()
{
    for (const auto &vs : m_mesh.virtualServices)
        checkRouteOrder(*vs);
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
        if (covered == blocks.size() && !m_istioctl.flaggedRule(&vs, i)) {
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
            const std::optional<Witness> witness
                = RequestWitness::forMatch(vs, route.match.empty() ? nullptr : &route.match.front());
            m_context.report(codes::ShadowedRoute, Severity::Warning, vs.meta, route.location, std::move(message),
                             std::move(fix)).witness = witness && RequestWitness::firstRouteTaking(vs, witness->request) < int(i)
                ? witness->arguments
                : std::string();
        } else if (covered < blocks.size() && !m_istioctl.flaggedRule(&vs, i)) {
            for (size_t b = 0; b < blocks.size(); ++b) {
                if (!coveredBy[b] || m_istioctl.flaggedMatch(&vs, i, b))
                    continue;
                const Earlier &by = *coveredBy[b];
                const std::optional<Witness> witness = RequestWitness::forMatch(vs, &blocks[b]);
                m_context
                    .report(codes::ShadowedMatch, Severity::Info, vs.meta, blocks[b].location,
                            "match[" + std::to_string(b) + "] of " + describeHttpRoute(vs, i) + " ("
                                + blocks[b].describe() + ") is never used: match[" + std::to_string(by.index) + "] of "
                                + describeHttpRoute(vs, by.route) + " (" + by.block.describe()
                                + ") takes those requests first",
                            "remove it, or move " + describeHttpRoute(vs, i) + " above "
                                + describeHttpRoute(vs, by.route))
                    .witness = witness && RequestWitness::firstRouteTaking(vs, witness->request) < int(i)
                    ? witness->arguments
                    : std::string();
            }
        }
        for (size_t b = 0; b < blocks.size(); ++b)
            earlier.push_back({blocks[b], i, b});
    }
}

} // namespace meshlane
