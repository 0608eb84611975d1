// SPDX-License-Identifier: MIT
#include "routing/gatewayapiroutes.h"

#include "model/hostname.h"
#include "routing/backenddestination.h"
#include "routing/gatewayroutes.h"
#include "routing/routetablebuilder.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace meshlane {

namespace {

// The http match Istio makes of a GRPCRoute method match (createGRPCURIMatch).
std::optional<StringMatch> grpcUri(const RouteMatch &match)
{
    const std::string &service = match.grpcService;
    const std::string &method = match.grpcMethod;
    if (service.empty() && method.empty())
        return std::nullopt;
    StringMatch uri;
    uri.location = match.location;
    if (service.empty()) {
        uri.kind = StringMatch::Kind::Regex;
        uri.value = "/[^/]+/" + method;
    } else if (!match.grpcRegex) {
        uri.kind = method.empty() ? StringMatch::Kind::Prefix : StringMatch::Kind::Exact;
        uri.value = '/' + service + '/' + method;
    } else {
        uri.kind = StringMatch::Kind::Regex;
        uri.value = '/' + service + '/' + (method.empty() ? std::string(".+") : method);
    }
    return uri;
}

// Istio's sortHTTPRoutes key, larger first: URI kind (exact > prefix >
// regex > none), URI length, a method, header count, query count.
std::tuple<int, size_t, bool, size_t, size_t> precedence(const HttpRoute &route)
{
    for (const HttpMatchRequest &block : route.match) {
        int rank = -1;
        size_t length = 0;
        if (block.uri) {
            switch (block.uri->kind) {
            case StringMatch::Kind::Exact: rank = 3; break;
            case StringMatch::Kind::Prefix:
            case StringMatch::Kind::PathPrefix: rank = 2; break;
            case StringMatch::Kind::Regex: rank = 1; break;
            case StringMatch::Kind::Present: rank = -1; break;
            }
            std::string value = block.uri->value;
            if (block.uri->kind == StringMatch::Kind::PathPrefix)
                while (!value.empty() && value.back() == '/')
                    value.pop_back();
            length = value.size();
        }
        return {rank, length, block.method.has_value(), block.headers.size(), block.queryParams.size()};
    }
    return {-2, 0, false, 0, 0}; // no match list: after everything
}

bool olderRoute(const GatewayApiRoute *a, const GatewayApiRoute *b)
{
    // Istio's sortRoutesByCreationTime; hand-written manifests often have no
    // timestamp, and then namespace/name decides, as the spec says.
    return std::tie(a->meta.creationTimestamp, a->meta.ns, a->meta.name)
        < std::tie(b->meta.creationTimestamp, b->meta.ns, b->meta.name);
}

std::shared_ptr<const VirtualService> generate(const Mesh &mesh, std::vector<const GatewayApiRoute *> routes,
                                               const std::string &ns, const std::string &host,
                                               std::optional<uint32_t> port, bool enforceGrant)
{
    std::stable_sort(routes.begin(), routes.end(), olderRoute);
    auto generated = std::make_shared<VirtualService>();
    generated->meta.kind = routes.front()->meta.kind;
    generated->meta.apiVersion = routes.front()->meta.apiVersion;
    generated->meta.ns = ns;
    generated->meta.name = routes.front()->meta.name;
    generated->meta.location = routes.front()->meta.location;
    generated->hosts = {host};
    generated->hostFqdns = {host};
    for (const GatewayApiRoute *route : routes) {
        for (size_t r = 0; r < route->rules.size(); ++r) {
            const RouteRule &rule = route->rules[r];
            if (rule.matches.empty())
                generated->http.push_back(gatewayApiHttpRoute(mesh, *route, int(r), -1, port, enforceGrant));
            for (size_t m = 0; m < rule.matches.size(); ++m)
                generated->http.push_back(gatewayApiHttpRoute(mesh, *route, int(r), int(m), port, enforceGrant));
        }
    }
    std::stable_sort(generated->http.begin(), generated->http.end(),
                     [](const HttpRoute &a, const HttpRoute &b) { return precedence(a) > precedence(b); });
    // Once sorted, a PathPrefix "/" is no condition at all (Envoy treats
    // prefix "/" as a catch-all too): drop it so deciding skips the test.
    for (HttpRoute &http : generated->http) {
        for (HttpMatchRequest &block : http.match) {
            if (block.uri && block.uri->kind == StringMatch::Kind::PathPrefix
                && (block.uri->value == "/" || block.uri->value.empty()))
                block.uri.reset();
        }
    }
    return generated;
}

std::shared_ptr<const RouteTable> compileTable(const Mesh &mesh, const DestinationResolver &resolver,
                                               const VirtualService &generated, RouteTable::Options options)
{
    RouteTableBuilder builder(mesh, resolver, "mesh");
    builder.addVirtualService(generated);
    return std::make_shared<const RouteTable>(builder.build(options));
}

std::string routeLabel(const GatewayApiRoute &route) { return route.meta.kind + ' ' + route.meta.ns + '/' + route.meta.name; }

} // namespace

HttpRoute gatewayApiHttpRoute(const Mesh &mesh, const GatewayApiRoute &route, int ruleIndex, int matchIndex,
                              std::optional<uint32_t> port, bool enforceGrant)
{
    const RouteRule &rule = route.rules[size_t(ruleIndex)];
    HttpRoute http;
    http.name = rule.name.empty() ? route.meta.ns + '.' + route.meta.name + '.' + std::to_string(ruleIndex) : rule.name;
    http.location = rule.location;
    GatewayApiOrigin origin{route.meta.kind, route.meta.ns, route.meta.name, ruleIndex, matchIndex, {}};
    if (matchIndex >= 0 || port) {
        HttpMatchRequest block;
        block.location = rule.location;
        if (matchIndex >= 0) {
            const RouteMatch &match = rule.matches[size_t(matchIndex)];
            block.location = match.location;
            block.uri = route.isGrpc() ? grpcUri(match) : match.path;
            if (block.uri && block.uri->kind == StringMatch::Kind::PathPrefix)
                origin.matchedPrefix = block.uri->value;
            block.headers = match.headers;
            block.queryParams = match.queryParams;
            if (!match.method.empty())
                block.method = StringMatch{StringMatch::Kind::Exact, match.method, match.location};
        }
        block.port = port;
        http.match.push_back(std::move(block));
    }
    for (const RouteFilter &filter : rule.filters) {
        if (filter.type == "RequestRedirect") {
            HttpRedirect redirect;
            redirect.gatewayApi = true;
            redirect.scheme = filter.scheme;
            redirect.authority = filter.hostname;
            redirect.port = filter.port;
            redirect.redirectCode = filter.statusCode;
            redirect.location = filter.location;
            if (filter.path && filter.path->type == "ReplaceFullPath")
                redirect.uri = filter.path->value;
            else if (filter.path)
                redirect.replacePrefixMatch = filter.path->value;
            http.redirect = std::move(redirect);
        } else if (filter.type == "URLRewrite") {
            HttpRewrite rewrite;
            rewrite.authority = filter.hostname;
            rewrite.location = filter.location;
            if (filter.path && filter.path->type == "ReplaceFullPath")
                rewrite.uri = filter.path->value;
            else if (filter.path)
                rewrite.replacePrefixMatch = filter.path->value;
            http.rewrite = std::move(rewrite);
        } else if (filter.type == "RequestMirror") {
            // Istio drops a mirror whose backend does not resolve, and keeps the rule.
            Destination target = backendDestination(mesh, route, filter.mirror, enforceGrant);
            if (target.unresolvedReason.empty())
                http.mirrors.push_back(MirrorPolicy{std::move(target), filter.mirrorPercent, filter.location});
        } else if (filter.type == "RequestHeaderModifier" || filter.type == "ResponseHeaderModifier") {
            http.hasHeaderOperations = true;
        }
    }
    // backendRequest overrides request when there is no retry (Istio); 0s disables.
    const std::string &timeout = rule.backendRequestTimeout.empty() ? rule.requestTimeout : rule.backendRequestTimeout;
    if (!timeout.empty() && parseGatewayDurationMs(timeout) > 0)
        http.timeout = timeout;
    http.route = weightedDestinations(mesh, route, rule, enforceGrant);
    if (http.route.empty() && !http.redirect) {
        http.directResponse = HttpDirectResponse{500, {}, rule.location};
        http.rewrite.reset();
        http.mirrors.clear();
    }
    http.origin = std::move(origin);
    return http;
}

GatewayApiRoutes::GatewayApiRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options)
{
    if (mesh.gatewayApiRoutes.empty() && mesh.k8sGateways.empty())
        return;
    Attachments attachments;
    for (const auto &route : mesh.gatewayApiRoutes) {
        // Istio converts nothing of a route with a hard error: its requests get 404.
        if (route->isHttpLike() && hardError(*route).empty())
            attachments.emplace_back(route.get(), attachRoute(mesh, *route));
    }
    for (const auto &gateway : mesh.k8sGateways)
        buildGateway(mesh, *gateway, attachments, resolver, options);
    buildMesh(mesh, attachments, resolver, options);
}

void GatewayApiRoutes::buildGateway(const Mesh &mesh, const K8sGateway &gateway, const Attachments &attachments,
                                    const DestinationResolver &resolver, RouteTable::Options options)
{
    m_gatewayObjects[gateway.ref()] = &gateway;
    std::vector<Listener> &listeners = m_gateways[gateway.ref()];
    // listener index -> effective hostname -> routes
    std::vector<std::map<std::string, std::vector<const GatewayApiRoute *>>> buckets(gateway.listeners.size());
    for (const auto &[route, parents] : attachments) {
        for (const ParentAttachment &attachment : parents) {
            if (attachment.gateway != &gateway || !attachment.accepted())
                continue;
            for (const ListenerAttachment &attached : attachment.listeners) {
                auto &bucket = buckets[size_t(attached.listener - gateway.listeners.data())];
                for (const std::string &host : attached.hostnames) {
                    auto &list = bucket[host];
                    if (std::find(list.begin(), list.end(), route) == list.end())
                        list.push_back(route);
                }
            }
        }
    }
    for (size_t i = 0; i < gateway.listeners.size(); ++i) {
        Listener listener{&gateway.listeners[i], {}};
        for (const auto &[host, routes] : buckets[i]) {
            VirtualHost virtualHost;
            virtualHost.domain = host;
            virtualHost.generated = generate(mesh, routes, gateway.meta.ns, host, std::nullopt, true);
            for (const GatewayApiRoute *route : routes)
                virtualHost.routes.push_back(routeLabel(*route));
            std::sort(virtualHost.routes.begin(), virtualHost.routes.end());
            virtualHost.table = compileTable(mesh, resolver, *virtualHost.generated, options);
            listener.hosts.push_back(std::move(virtualHost));
        }
        std::stable_sort(listener.hosts.begin(), listener.hosts.end(), [](const VirtualHost &a, const VirtualHost &b) {
            return domainSpecificity(a.domain) > domainSpecificity(b.domain);
        });
        listeners.push_back(std::move(listener));
    }
}

void GatewayApiRoutes::buildMesh(const Mesh &mesh, const Attachments &attachments, const DestinationResolver &resolver,
                                 RouteTable::Options options)
{
    // Istio's merge key for mesh parents: route namespace, port, Service host.
    std::map<std::tuple<std::string, uint32_t, std::string>, std::vector<const GatewayApiRoute *>> groups;
    for (const auto &[route, parents] : attachments) {
        for (const ParentAttachment &attachment : parents) {
            if (!attachment.service || !attachment.accepted())
                continue;
            auto &list = groups[{route->meta.ns, attachment.parent->port.value_or(0), attachment.service->fqdn()}];
            if (std::find(list.begin(), list.end(), route) == list.end())
                list.push_back(route);
        }
    }
    for (auto &[key, routes] : groups) {
        const auto &[ns, port, fqdn] = key;
        MeshRoutes entry;
        entry.fqdn = fqdn;
        entry.ns = ns;
        if (port)
            entry.port = port;
        entry.generated = generate(mesh, routes, ns, fqdn, entry.port, false);
        const GatewayApiRoute *oldest = *std::min_element(routes.begin(), routes.end(), olderRoute);
        entry.creationTimestamp = oldest->meta.creationTimestamp;
        entry.name = oldest->meta.name;
        entry.table = compileTable(mesh, resolver, *entry.generated, options);
        m_mesh.push_back(std::move(entry));
    }
}

const K8sGateway *GatewayApiRoutes::findGateway(const std::string &ref) const
{
    const auto it = m_gatewayObjects.find(ref);
    return it == m_gatewayObjects.end() ? nullptr : it->second;
}

const std::vector<GatewayApiRoutes::Listener> *GatewayApiRoutes::listenersOf(const std::string &ref) const
{
    const auto it = m_gateways.find(ref);
    return it == m_gateways.end() ? nullptr : &it->second;
}

GatewayApiRoutes::Lookup GatewayApiRoutes::find(const std::string &ref, const std::string &host, uint32_t port) const
{
    Lookup lookup;
    lookup.gateway = findGateway(ref);
    const std::vector<Listener> *listeners = listenersOf(ref);
    if (!lookup.gateway || !listeners) {
        lookup.problem = MESHLANE_TR("meshlane::GatewayApiRoutes", "no Gateway API Gateway %1").arg(ref);
        return lookup;
    }
    if (port == 0) {
        for (const Listener &listener : *listeners) {
            if (listener.listener->isHttp()) {
                port = listener.listener->port;
                break;
            }
        }
    }
    lookup.port = port;
    // Listener isolation: the one listener on this port whose hostname is
    // the most specific match takes the request; there is no fall-back.
    int best = -1;
    for (const Listener &listener : *listeners) {
        const GatewayListener &candidate = *listener.listener;
        if (candidate.port != port || !candidate.isHttp() || !domainMatchesHost(candidate.hostname, host))
            continue;
        const int specificity = domainSpecificity(candidate.hostname.empty() ? std::string("*") : candidate.hostname);
        if (specificity > best) {
            best = specificity;
            lookup.listener = &listener;
        }
    }
    if (!lookup.listener) {
        lookup.problem = MESHLANE_TR("meshlane::GatewayApiRoutes",
                                     "no HTTP listener of Gateway %1 on port %2 accepts host %3: 404")
                             .arg(ref)
                             .arg(port)
                             .arg(host);
        return lookup;
    }
    for (const VirtualHost &virtualHost : lookup.listener->hosts) {
        if (domainMatchesHost(virtualHost.domain, host)) {
            lookup.virtualHost = &virtualHost;
            break;
        }
    }
    if (!lookup.virtualHost)
        lookup.problem = MESHLANE_TR("meshlane::GatewayApiRoutes",
                                     "listener %1 of Gateway %2 has no route for host %3: 404")
                             .arg(lookup.listener->listener->name)
                             .arg(ref)
                             .arg(host);
    return lookup;
}

} // namespace meshlane
