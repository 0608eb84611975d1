// SPDX-License-Identifier: MIT
#include "editing/routeresource.h"

#include "graph/meshgraph.h"

#include <QStringList>

namespace meshlane::ui {

RouteResource RouteResource::fromKey(const QString &key)
{
    const QStringList parts = key.split(u'/');
    RouteResource resource;
    if (parts.size() == 2 && !parts[0].isEmpty() && !parts[1].isEmpty())
        resource = {"VirtualService", parts[0].toStdString(), parts[1].toStdString()};
    else if (parts.size() == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty())
        resource = {parts[0].toStdString(), parts[1].toStdString(), parts[2].toStdString()};
    return resource;
}

QString RouteResource::keyOf(const std::string &kind, const std::string &ns, const std::string &name)
{
    return QString::fromStdString(routeResourceKey(kind, ns, name));
}

QString RouteResource::key() const
{
    return isEmpty() ? QString() : keyOf(kind, ns, name);
}

QString RouteResource::label() const
{
    if (isEmpty())
        return {};
    const QString nsName = QString::fromStdString(ns + '/' + name);
    return isVirtualService() ? nsName : QString::fromStdString(kind) + u' ' + nsName;
}

const VirtualService *RouteResource::virtualService(const Mesh &mesh) const
{
    return isVirtualService() ? mesh.findVirtualService(ns, name) : nullptr;
}

const GatewayApiRoute *RouteResource::gatewayRoute(const Mesh &mesh) const
{
    if (isEmpty() || isVirtualService())
        return nullptr;
    for (const auto &route : mesh.gatewayApiRoutes) {
        if (route->meta.kind == kind && route->meta.ns == ns && route->meta.name == name)
            return route.get();
    }
    return nullptr;
}

} // namespace meshlane::ui
