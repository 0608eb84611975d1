// SPDX-License-Identifier: MIT
#include "edit/editcontext.h"
#include "model/hostname.h"

#include <cmath>

namespace meshlane {

namespace {

std::string percentText(double value)
{
    YAML::Node node = YamlWriter::numberNode(value);
    return node.Scalar() + " %";
}

} // namespace

Result<MeshChange> setMirror(const MeshPtr &mesh, const RouteRef &ref, const std::optional<Destination> &mirror,
                             std::optional<double> percentage)
{
    EditContext context(mesh);
    const auto stop = [&context](std::string message) {
        context.fail(std::move(message));
        return context.finish({});
    };
    if (!context.openVirtualService(ref.ns, ref.name))
        return context.finish({});
    const HttpRoute *route = context.typedRoute(ref.index);
    if (!route)
        return context.finish({});
    const std::string where = ref.ns + '/' + ref.name + " route " + std::to_string(ref.index);
    const YAML::Node routeNode = context.httpRoute(ref.index);
    if (!context.ok())
        return context.finish({});
    YamlPatcher &patcher = context.patcher();

    if (!mirror) {
        for (const char *key : {"mirror", "mirrorPercentage", "mirror_percent", "mirrorPercent"})
            patcher.removeKey(routeNode, key);
        return context.finish("Stop mirroring " + where);
    }
    if (!route->mirrors.empty())
        return stop("route uses `mirrors:`; Istio does not allow `mirror:` beside it");
    if (mirror->host.empty())
        return stop("the mirror needs a host");
    if (percentage && !(*percentage >= 0.0 && *percentage <= 100.0))
        return stop("mirror percentage must be between 0 and 100");

    Destination target = *mirror;
    if (!target.port && route->mirror && route->mirror->fqdn == expandHost(mirror->host, ref.ns))
        target.port = route->mirror->port; // keep what the user wrote for the same host
    patcher.setValue(routeNode, "mirror", EditContext::destinationNode(target));

    for (const char *legacy : {"mirror_percent", "mirrorPercent"})
        patcher.removeKey(routeNode, legacy);
    if (!percentage) {
        patcher.removeKey(routeNode, "mirrorPercentage");
    } else if (!route->mirrorPercentage || std::abs(*route->mirrorPercentage - *percentage) > 1e-9) {
        YAML::Node value(YAML::NodeType::Map);
        value["value"] = YamlWriter::numberNode(*percentage);
        patcher.setValue(routeNode, "mirrorPercentage", value);
    }
    const std::string label = mirror->subset.empty() ? mirror->host : mirror->host + ':' + mirror->subset;
    return context.finish("Mirror " + where + " to " + label + (percentage ? " at " + percentText(*percentage) : ""));
}

} // namespace meshlane
