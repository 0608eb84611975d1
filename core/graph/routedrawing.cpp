// SPDX-License-Identifier: MIT
#include "graph/routedrawing.h"

#include "model/mesh.h"

#include <algorithm>

namespace meshlane {

std::string describeMatch(const HttpRoute &route)
{
    std::string text;
    for (const HttpMatchRequest &block : route.match) {
        if (!text.empty())
            text += " or ";
        text += block.describe();
    }
    return text;
}

static bool sameDestination(const Destination &a, const Destination &b)
{
    return a.host == b.host && a.fqdn == b.fqdn && a.subset == b.subset;
}

// A tcp or tls rule is drawn as conditional when its matches narrow the
// connections it takes beyond the port, gateway or SNI that reach it anyway.
bool narrowsConnections(const L4Route &route)
{
    return std::any_of(route.match.begin(), route.match.end(), [](const L4Match &match) {
        return !match.destinationSubnets.empty() || !match.sourceLabels.empty() || !match.sourceNamespace.empty();
    });
}

std::string describeMatch(const L4Route &route)
{
    std::string text;
    for (const L4Match &match : route.match)
        text += (text.empty() ? "" : " or ") + match.describe();
    return text;
}

static bool drawsTheSame(const std::vector<L4Route> &a, const std::vector<L4Route> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t r = 0; r < a.size(); ++r) {
        if (a[r].route.size() != b[r].route.size() || describeMatch(a[r]) != describeMatch(b[r]))
            return false;
        for (size_t d = 0; d < a[r].route.size(); ++d) {
            if (!sameDestination(a[r].route[d].destination, b[r].route[d].destination))
                return false;
        }
    }
    return true;
}

// True when the graph drawn for `a` and `b` can differ in shares only: all the
// builder reads of a VirtualService except its weights.
static bool drawsTheSame(const VirtualService &a, const VirtualService &b)
{
    if (a.meta.ns != b.meta.ns || a.meta.name != b.meta.name || a.hostFqdns != b.hostFqdns || a.gateways != b.gateways
        || a.http.size() != b.http.size() || !drawsTheSame(a.tcp, b.tcp) || !drawsTheSame(a.tls, b.tls))
        return false;
    for (size_t r = 0; r < a.http.size(); ++r) {
        const HttpRoute &x = a.http[r];
        const HttpRoute &y = b.http[r];
        if (x.route.size() != y.route.size() || x.mirrors.size() != y.mirrors.size()
            || x.mirror.has_value() != y.mirror.has_value() || x.mirrorPercentage != y.mirrorPercentage
            || x.legacyMirrorPercent != y.legacyMirrorPercent || x.matchesEverything() != y.matchesEverything()
            || (x.mirror && !sameDestination(*x.mirror, *y.mirror)))
            return false;
        for (size_t d = 0; d < x.route.size(); ++d) {
            if (!sameDestination(x.route[d].destination, y.route[d].destination))
                return false;
        }
        for (size_t m = 0; m < x.mirrors.size(); ++m) {
            if (!sameDestination(x.mirrors[m].destination, y.mirrors[m].destination)
                || x.mirrors[m].percentage != y.mirrors[m].percentage)
                return false;
        }
        if (!x.matchesEverything() && describeMatch(x) != describeMatch(y))
            return false;
    }
    return true;
}

// Everything the builder reads besides the VirtualServices is the same
// objects, and each VirtualService is the same object or draws the same.
bool drawsTheSame(const Mesh &before, const Mesh &after)
{
    if (before.services != after.services || before.workloads != after.workloads
        || before.destinationRules != after.destinationRules || before.gateways != after.gateways
        || before.serviceEntries != after.serviceEntries || before.k8sGateways != after.k8sGateways
        || before.gatewayApiRoutes != after.gatewayApiRoutes || before.referenceGrants != after.referenceGrants
        || before.virtualServices.size() != after.virtualServices.size())
        return false;
    for (size_t i = 0; i < after.virtualServices.size(); ++i) {
        const auto &a = before.virtualServices[i];
        const auto &b = after.virtualServices[i];
        if (a != b && !drawsTheSame(*a, *b))
            return false;
    }
    return true;
}

} // namespace meshlane
