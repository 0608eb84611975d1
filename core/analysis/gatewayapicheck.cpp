// SPDX-License-Identifier: MIT
#include "analysis/gatewayapicheck.h"

#include "routing/gatewayapiattachment.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace meshlane {

namespace {

std::string routeName(const GatewayApiRoute &route) { return route.meta.kind + ' ' + route.meta.ns + '/' + route.meta.name; }

bool hasMeshParent(const std::vector<ParentAttachment> &attachments)
{
    return std::any_of(attachments.begin(), attachments.end(),
                       [](const ParentAttachment &attachment) { return attachment.service != nullptr; });
}

bool hasGatewayParent(const std::vector<ParentAttachment> &attachments)
{
    return std::any_of(attachments.begin(), attachments.end(),
                       [](const ParentAttachment &attachment) { return attachment.parent->isGateway(); });
}

} // namespace

GatewayApiCheck::GatewayApiCheck(AnalysisContext &context)
    : m_context(context)
{
}

void GatewayApiCheck::run()
{
    for (const auto &route : m_context.mesh().gatewayApiRoutes) {
        checkAttachment(*route);
        checkBackends(*route);
        checkFilters(*route);
    }
    checkMeshConflicts();
    checkClasses();
}

void GatewayApiCheck::checkAttachment(const GatewayApiRoute &route)
{
    for (const ParentAttachment &attachment : attachRoute(m_context.mesh(), route)) {
        const RouteParentRef &parent = *attachment.parent;
        if (attachment.reason.empty() || attachment.reason == "Ignored")
            continue;
        if (attachment.reason == "NoMatchingParent") {
            m_context.report(codes::GatewayApiNoMatchingParent, Severity::Warning, route.meta, parent.location,
                             routeName(route) + " is not accepted by parentRef " + parent.ref() + ": no "
                                 + attachment.detail + " (NoMatchingParent)",
                             "check the parentRef's name, namespace, sectionName and port");
        } else if (attachment.reason == "NotAllowedByListeners") {
            m_context.report(codes::GatewayApiNotAllowed, Severity::Warning, route.meta, parent.location,
                             routeName(route) + " is not accepted by Gateway " + parent.ref()
                                 + ": no listener allows routes of kind " + route.meta.kind + " from namespace "
                                 + route.meta.ns + " (NotAllowedByListeners)",
                             "widen the listener's allowedRoutes (namespaces.from / kinds) or move the route");
        } else if (attachment.reason == "NoMatchingListenerHostname") {
            m_context.report(codes::GatewayApiNoHostname, Severity::Warning, route.meta, parent.location,
                             routeName(route) + " is not accepted by Gateway " + parent.ref()
                                 + ": none of its hostnames intersects a listener hostname "
                                   "(NoMatchingListenerHostname)",
                             "add a hostname the listener serves");
        }
    }
}

void GatewayApiCheck::checkBackends(const GatewayApiRoute &route)
{
    if (const std::string problem = hardError(route); !problem.empty())
        m_context.report(codes::GatewayApiFilterConflict, Severity::Error, route.meta, route.meta.location,
                         routeName(route) + ": " + problem + "; Istio drops the whole route, so its requests get 404");
    const std::vector<ParentAttachment> attachments = attachRoute(m_context.mesh(), route);
    // Mesh parents need no ReferenceGrant; a route with only mesh parents is not checked for one.
    const bool enforceGrant = hasGatewayParent(attachments) || !hasMeshParent(attachments);
    for (size_t r = 0; r < route.rules.size(); ++r) {
        for (const RouteBackendRef &backend : route.rules[r].backendRefs) {
            if (backend.weight == 0)
                continue; // Istio drops zero-weight backends before resolving them
            const std::string problem = backendProblem(m_context.mesh(), route, backend, enforceGrant);
            const std::string where = routeName(route) + " rules[" + std::to_string(r) + "] backendRef ";
            if (problem == "RefNotPermitted")
                m_context.report(codes::GatewayApiRefNotPermitted, Severity::Error, route.meta, backend.location,
                                 where + backend.ns + '/' + backend.name + " is in another namespace and no "
                                     "ReferenceGrant there allows it: its share gets 500 (RefNotPermitted)",
                                 "add a ReferenceGrant in namespace " + backend.ns + " from " + route.meta.kind
                                     + " in " + route.meta.ns + " to Service " + backend.name);
            else if (problem == "InvalidKind")
                m_context.report(codes::GatewayApiBackendNotFound, Severity::Error, route.meta, backend.location,
                                 where + backend.name + " has kind " + backend.kind
                                     + ", which Istio cannot route to: its share gets 500 (InvalidKind)");
            else if (!problem.empty())
                m_context.report(codes::GatewayApiBackendNotFound, Severity::Error, route.meta, backend.location,
                                 where + backend.ns + '/' + backend.name
                                     + (m_context.mesh().findService(backend.fqdn())
                                            ? " has no port " + std::to_string(backend.port.value_or(0))
                                            : std::string(" names no Service"))
                                     + ": its share gets 500 (BackendNotFound)");
        }
    }
}

void GatewayApiCheck::checkFilters(const GatewayApiRoute &route)
{
    for (size_t r = 0; r < route.rules.size(); ++r) {
        const RouteRule &rule = route.rules[r];
        const std::string where = routeName(route) + " rules[" + std::to_string(r) + "]: ";
        std::map<std::string, int> count;
        for (const RouteFilter &filter : rule.filters)
            ++count[filter.type];
        const auto report = [&](const SourceLocation &at, const std::string &message) {
            m_context.report(codes::GatewayApiFilterConflict, Severity::Error, route.meta, at, where + message);
        };
        const SourceLocation at = rule.filters.empty() ? rule.location : rule.filters.front().location;
        if (count["RequestRedirect"] && count["URLRewrite"])
            report(at, "RequestRedirect and URLRewrite cannot be combined (the API server refuses the route)");
        if (count["RequestRedirect"] && !rule.backendRefs.empty())
            report(at, "a RequestRedirect rule cannot have backendRefs (the API server refuses the route)");
        for (const auto &[type, n] : count) {
            if (n > 1 && type != "RequestMirror" && type != "ExtensionRef")
                report(at, type + " appears " + std::to_string(n) + " times; it may appear once");
        }
        for (const RouteFilter &filter : rule.filters) {
            if (filter.path && filter.path->type == "ReplacePrefixMatch"
                && !(rule.matches.size() == 1 && rule.matches.front().path
                     && rule.matches.front().path->kind == StringMatch::Kind::PathPrefix))
                report(filter.location, "ReplacePrefixMatch needs exactly one match, of type PathPrefix");
            if (route.isGrpc() && filter.type != "RequestHeaderModifier" && filter.type != "ResponseHeaderModifier"
                && filter.type != "RequestMirror" && filter.type != "ExtensionRef")
                report(filter.location, "GRPCRoute does not support filter " + filter.type);
        }
    }
}

void GatewayApiCheck::checkMeshConflicts()
{
    // Istio compiles mesh HTTPRoutes into VirtualServices; the first of a
    // host's candidates by creation time, then name, then namespace takes the
    // host and the others are ignored for it. Producer routes only: a
    // consumer route wins for its own namespace's callers.
    const Mesh &mesh = m_context.mesh();
    for (const auto &route : mesh.gatewayApiRoutes) {
        if (!route->isHttpLike())
            continue;
        for (const ParentAttachment &attachment : attachRoute(mesh, *route)) {
            if (!attachment.service || attachment.service->meta.ns != route->meta.ns)
                continue;
            const std::string fqdn = attachment.service->fqdn();
            for (const auto &virtualService : mesh.meshVirtualServicesFor(fqdn)) {
                const auto key = [](const ResourceMeta &meta) {
                    return std::tie(meta.creationTimestamp, meta.name, meta.ns);
                };
                const bool routeWins = key(route->meta) < key(virtualService->meta);
                const std::string message = "host " + fqdn + " is routed by both VirtualService "
                    + virtualService->meta.ns + '/' + virtualService->meta.name + " and mesh " + routeName(*route)
                    + "; Istio uses the older one (creation time, then name), so ";
                if (routeWins)
                    m_context.report(codes::GatewayApiShadowed, Severity::Warning, virtualService->meta,
                                     virtualService->hostsLocation,
                                     message + "this VirtualService is shadowed for that host",
                                     "route the host with one API only");
                else
                    m_context.report(codes::GatewayApiShadowed, Severity::Warning, route->meta,
                                     attachment.parent->location, message + "this route is shadowed",
                                     "route the host with one API only");
            }
        }
    }
}

void GatewayApiCheck::checkClasses()
{
    const Mesh &mesh = m_context.mesh();
    for (const auto &gateway : mesh.k8sGateways) {
        const std::string &name = gateway->gatewayClassName;
        const auto declared = std::find_if(mesh.gatewayClasses.begin(), mesh.gatewayClasses.end(),
                                           [&](const auto &gatewayClass) { return gatewayClass->meta.name == name; });
        const bool istio = declared == mesh.gatewayClasses.end()
            ? name == "istio" || name == "istio-waypoint"
            : (*declared)->controllerName.rfind("istio.io/", 0) == 0;
        if (!istio)
            m_context.report(codes::GatewayApiUnknownClass, Severity::Info, gateway->meta, gateway->classLocation,
                             "Gateway " + gateway->ref() + " uses class " + name
                                 + ", which is not Istio's; Meshlane routes it as Istio would anyway");
    }
}

} // namespace meshlane
