// SPDX-License-Identifier: MIT
#include "routing/gatewayapiattachment.h"

#include "model/hostname.h"

#include <algorithm>

namespace meshlane {

namespace {

bool isWildcard(const std::string &host) { return host.size() > 1 && host[0] == '*' && host[1] == '.'; }
bool isAny(const std::string &host) { return host.empty() || host == "*"; }

// Labels of a namespace as a selector sees them: those written on its
// Namespace object plus the implicit kubernetes.io/metadata.name.
Labels namespaceLabels(const Mesh &mesh, const std::string &ns)
{
    Labels labels;
    for (const auto &object : mesh.namespaces) {
        if (object->meta.name == ns)
            labels = object->meta.labels;
    }
    labels["kubernetes.io/metadata.name"] = ns;
    return labels;
}

bool namespaceAllowed(const Mesh &mesh, const K8sGateway &gateway, const GatewayListener &listener,
                      const std::string &routeNamespace)
{
    switch (listener.from) {
    case GatewayListener::From::All: return true;
    case GatewayListener::From::Same: return routeNamespace == gateway.meta.ns;
    case GatewayListener::From::Selector:
        // Istio treats a Selector without a selector as All.
        return !listener.selectorWritten || labelsMatch(listener.namespaceSelector, namespaceLabels(mesh, routeNamespace));
    }
    return false;
}

// Istio's ranking when no listener took the route.
int reasonRank(const std::string &reason)
{
    if (reason == "NotAllowedByListeners") return 3;
    if (reason == "NoMatchingListenerHostname") return 2;
    return 1;
}

} // namespace

bool domainMatchesHost(const std::string &domain, const std::string &host)
{
    if (isAny(domain))
        return true;
    if (isWildcard(domain))
        return host.size() > domain.size() - 1 && host.compare(host.size() - (domain.size() - 1), std::string::npos,
                                                              domain, 1, std::string::npos) == 0;
    return domain == host;
}

std::optional<std::string> intersectHostnames(const std::string &listener, const std::string &route)
{
    if (isAny(listener))
        return isAny(route) ? std::string("*") : route;
    if (isAny(route))
        return listener;
    const bool listenerWild = isWildcard(listener);
    const bool routeWild = isWildcard(route);
    if (!listenerWild && !routeWild)
        return listener == route ? std::optional<std::string>(route) : std::nullopt;
    if (listenerWild && routeWild) {
        const std::string &longer = listener.size() >= route.size() ? listener : route;
        const std::string &shorter = listener.size() >= route.size() ? route : listener;
        if (longer.compare(longer.size() - (shorter.size() - 1), std::string::npos, shorter, 1, std::string::npos) == 0)
            return longer;
        return std::nullopt;
    }
    const std::string &pattern = listenerWild ? listener : route;
    const std::string &exact = listenerWild ? route : listener;
    return domainMatchesHost(pattern, exact) ? std::optional<std::string>(exact) : std::nullopt;
}

std::string backendProblem(const Mesh &mesh, const GatewayApiRoute &route, const RouteBackendRef &backend,
                           bool enforceGrant)
{
    if (!backend.isService())
        return "InvalidKind";
    // Istio checks the grant before existence.
    if (enforceGrant && backend.ns != route.meta.ns) {
        const bool granted = std::any_of(mesh.referenceGrants.begin(), mesh.referenceGrants.end(), [&](const auto &grant) {
            return grant->meta.ns == backend.ns
                && grant->allows(route.meta.kind, route.meta.ns, "", "Service", backend.name);
        });
        if (!granted)
            return "RefNotPermitted";
    }
    const Service *service = mesh.findService(backend.fqdn());
    if (!service)
        return "BackendNotFound";
    if (backend.port && !service->ports.empty()
        && std::none_of(service->ports.begin(), service->ports.end(),
                        [&](const ServicePort &port) { return port.port == *backend.port; }))
        return "BackendNotFound";
    return {};
}

std::string hardError(const GatewayApiRoute &route)
{
    for (size_t r = 0; r < route.rules.size(); ++r) {
        for (const RouteBackendRef &backend : route.rules[r].backendRefs) {
            const std::string where = "rules[" + std::to_string(r) + "] backendRef " + backend.name;
            if (backend.isService() && !backend.port)
                return where + " has no port";
            if (backend.isService() && backend.name.find('.') != std::string::npos)
                return where + " names a Service with a dot";
            for (const std::string &type : backend.filterTypes) {
                if (type == "RequestRedirect" || type == "URLRewrite")
                    return where + " has a " + type + " filter, which Istio does not support on a backendRef";
            }
        }
    }
    return {};
}

std::vector<ParentAttachment> attachRoute(const Mesh &mesh, const GatewayApiRoute &route)
{
    std::vector<ParentAttachment> result;
    for (const RouteParentRef &parent : route.parentRefs) {
        ParentAttachment attachment;
        attachment.parent = &parent;
        if (parent.isService()) {
            attachment.service = mesh.findService(parent.name + '.' + parent.ns + ".svc.cluster.local");
            if (!attachment.service) {
                attachment.reason = "NoMatchingParent";
                attachment.detail = "Service " + parent.ref();
            }
            result.push_back(std::move(attachment));
            continue;
        }
        if (!parent.isGateway()) {
            attachment.reason = "Ignored";
            result.push_back(std::move(attachment));
            continue;
        }
        const auto found = std::find_if(mesh.k8sGateways.begin(), mesh.k8sGateways.end(), [&](const auto &gateway) {
            return gateway->meta.ns == parent.ns && gateway->meta.name == parent.name;
        });
        if (found == mesh.k8sGateways.end()) {
            attachment.reason = "NoMatchingParent";
            attachment.detail = "Gateway " + parent.ref();
            result.push_back(std::move(attachment));
            continue;
        }
        attachment.gateway = found->get();
        std::string worst;
        const std::vector<std::string> routeHosts = route.hostnames.empty() ? std::vector<std::string>{"*"}
                                                                            : route.hostnames;
        for (const GatewayListener &listener : attachment.gateway->listeners) {
            std::string refusal;
            if (parent.port && *parent.port != listener.port) {
                refusal = "NoMatchingParent";
            } else if (!parent.sectionName.empty() && parent.sectionName != listener.name) {
                refusal = "NoMatchingParent";
            } else {
                ListenerAttachment attached{&listener, {}};
                for (const std::string &host : routeHosts) {
                    const std::optional<std::string> common = intersectHostnames(listener.hostname, host);
                    if (common && std::find(attached.hostnames.begin(), attached.hostnames.end(), *common)
                            == attached.hostnames.end())
                        attached.hostnames.push_back(*common);
                }
                const std::vector<std::string> kinds = listener.supportedKinds();
                if (attached.hostnames.empty())
                    refusal = "NoMatchingListenerHostname";
                else if (!namespaceAllowed(mesh, *attachment.gateway, listener, route.meta.ns)
                         || std::find(kinds.begin(), kinds.end(), route.meta.kind) == kinds.end())
                    refusal = "NotAllowedByListeners";
                else
                    attachment.listeners.push_back(std::move(attached));
            }
            if (!refusal.empty() && reasonRank(refusal) > reasonRank(worst))
                worst = refusal;
        }
        if (attachment.listeners.empty()) {
            attachment.reason = worst.empty() ? std::string("NoMatchingParent") : worst;
            if (attachment.reason == "NoMatchingParent")
                attachment.detail = "listener"
                    + (parent.sectionName.empty() ? std::string() : " " + parent.sectionName)
                    + (parent.port ? " port " + std::to_string(*parent.port) : std::string()) + " of Gateway "
                    + parent.ref();
        }
        result.push_back(std::move(attachment));
    }
    return result;
}

} // namespace meshlane
