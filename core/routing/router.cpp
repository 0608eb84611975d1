// SPDX-License-Identifier: MIT
#include "routing/router.h"

#include "base/percenttext.h"
#include "base/translatedtext.h"
#include "model/hostname.h"
#include "routing/redirectrewrite.h"

#include <algorithm>

namespace meshlane {

namespace {

std::string refOf(const ResourceMeta &meta) { return meta.ns + '/' + meta.name; }

// Adds a line when the caller wants the explanation. The line is a callable
// so that deciding without one (edge shares, split charts) words nothing:
// wording goes through the translator, which costs more than deciding.
template<class Line>
void explain(std::vector<std::string> *why, Line &&line)
{
    if (why)
        why->push_back(line());
}

std::string requestLine(const HttpRequest &request)
{
    return request.method + ' ' + request.scheme + "://" + request.authority + request.path;
}

std::string labelsText(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels)
        text += (text.empty() ? "" : ",") + key + '=' + value;
    return text;
}

std::string entryLabel(const RouteTable &table, const RouteTable::Entry &entry)
{
    std::string text = table.routeOf(entry).label();
    if (table.routeOf(entry).route->origin)
        return text; // names its rule and match already
    if (entry.block >= 0) {
        text += " match[" + std::to_string(entry.block) + ']';
        const std::string &name = table.routeOf(entry).route->match[size_t(entry.block)].name;
        if (!name.empty())
            text += " \"" + name + '"';
    }
    return text;
}

std::string redirectLocation(const HttpRedirect &redirect, const HttpRequest &request)
{
    std::string authority = redirect.authority.empty() ? request.authority : redirect.authority;
    if (redirect.port) {
        const size_t colon = authority.rfind(':');
        if (colon != std::string::npos && authority.find(']', colon) == std::string::npos)
            authority.resize(colon);
        authority += ':' + std::to_string(*redirect.port);
    }
    const std::string scheme = redirect.scheme.empty() ? request.scheme : redirect.scheme;
    return scheme + "://" + authority + (redirect.uri.empty() ? request.path : redirect.uri);
}

} // namespace

bool isExportedTo(const VirtualService &virtualService, std::string_view ns)
{
    if (virtualService.exportTo.empty())
        return true;
    for (const std::string &target : virtualService.exportTo) {
        if (target == "*" || target == ns || (target == "." && virtualService.meta.ns == ns))
            return true;
    }
    return false;
}

std::shared_ptr<const RouteTable> Router::tableFor(const HttpRequest &request, std::string *resolvedHost) const
{
    if (resolvedHost)
        resolvedHost->clear();
    if (request.gateway.empty()) {
        std::string fqdn = resolveHost(request.hostName(), request.sourceNamespace);
        const MeshCandidate *candidate = meshCandidate(fqdn, request.sourceNamespace, nullptr);
        if (resolvedHost)
            *resolvedHost = std::move(fqdn);
        return candidate ? candidate->table : nullptr;
    }
    if (!m_mesh->findGateway(request.gateway) && m_gatewayApi->findGateway(request.gateway)) {
        const GatewayApiRoutes::Lookup lookup = m_gatewayApi->find(
            request.gateway, request.hostName(), request.port ? request.port : request.authorityPort());
        return lookup.virtualHost ? lookup.virtualHost->table : nullptr;
    }
    const GatewayRoutes::Lookup lookup = m_gatewayRoutes->find(request.gateway, request.hostName(),
                                                               request.port ? request.port : request.authorityPort());
    return lookup.virtualHost ? lookup.virtualHost->table : nullptr;
}

bool Router::isKnownHost(const std::string &fqdn) const
{
    return m_mesh->findService(fqdn) || !m_mesh->serviceEntriesFor(fqdn).empty();
}

std::string Router::resolveHost(std::string_view text, std::string_view sourceNamespace) const
{
    std::string host = toLower(std::string(text));
    const size_t colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos)
        host.resize(colon);
    if (host.empty() || host.find('*') != std::string::npos)
        return host;
    if (host.find('.') == std::string::npos)
        return host + '.' + std::string(sourceNamespace) + ".svc.cluster.local";
    const auto known = [this](const std::string &name) { return isKnownHost(name) || candidatesOf(name); };
    if (known(host))
        return host;
    // Kubernetes DNS search paths: "reviews.prod", "reviews.prod.svc".
    for (const char *suffix : {".svc.cluster.local", ".cluster.local"}) {
        if (known(host + suffix))
            return host + suffix;
    }
    return host;
}

uint32_t Router::defaultPort(const std::string &fqdn) const
{
    if (const Service *service = m_mesh->findService(fqdn); service && !service->ports.empty())
        return service->ports.front().port;
    for (const ServiceEntry *entry : m_mesh->serviceEntriesFor(fqdn)) {
        if (!entry->ports.empty())
            return entry->ports.front().number;
    }
    return 80;
}

const Router::MeshCandidate *Router::meshCandidate(std::string_view fqdn, std::string_view sourceNamespace,
                                                   std::vector<std::string> *notes, uint32_t port) const
{
    std::string serviceNamespace;
    std::string serviceName;
    const bool isService = splitServiceFqdn(std::string(fqdn), &serviceName, &serviceNamespace);
    const auto usable = [&](const MeshCandidate &candidate) {
        const std::string &ns = candidate.virtualService->meta.ns;
        if (!candidate.gatewayApi) {
            if (isExportedTo(*candidate.virtualService, sourceNamespace))
                return true;
            if (notes)
                notes->push_back(MESHLANE_TR("meshlane::Router", "VirtualService %1 is not exported to namespace %2")
                                     .arg(refOf(candidate.virtualService->meta))
                                     .arg(std::string(sourceNamespace))
                                     .text());
            return false;
        }
        // GAMMA: a producer route (the Service's namespace) serves every
        // caller, a consumer route only callers in its own namespace.
        if ((!isService || ns != serviceNamespace) && ns != sourceNamespace) {
            if (notes)
                notes->push_back(MESHLANE_TR("meshlane::Router",
                                             "%1 mesh routes of namespace %2 are consumer routes: they apply only to "
                                             "callers in namespace %2")
                                     .arg(candidate.virtualService->meta.kind)
                                     .arg(ns)
                                     .text());
            return false;
        }
        return !candidate.port || port == 0 || *candidate.port == port;
    };
    const auto pick = [&](const std::vector<MeshCandidate> &candidates) -> const MeshCandidate * {
        const MeshCandidate *chosen = nullptr;
        // Istio looks at consumer routes of the caller's namespace first.
        for (const MeshCandidate &candidate : candidates) {
            if (candidate.gatewayApi && candidate.virtualService->meta.ns == sourceNamespace && usable(candidate)) {
                chosen = &candidate;
                break;
            }
        }
        for (const MeshCandidate &candidate : candidates) {
            if (!notes && chosen)
                break;
            if (&candidate == chosen || !usable(candidate))
                continue;
            if (!chosen) {
                chosen = &candidate;
            } else if (notes && candidate.virtualService != chosen->virtualService) {
                if (!candidate.gatewayApi && !chosen->gatewayApi)
                    notes->push_back(MESHLANE_TR("meshlane::Router",
                                                 "VirtualService %1 claims the same host; Istio uses the first one "
                                                 "loaded (IST0109), so it is ignored")
                                         .arg(refOf(candidate.virtualService->meta))
                                         .text());
                else
                    notes->push_back(MESHLANE_TR("meshlane::Router",
                                                 "%1 %2 also routes this host; Istio gives a host to one route set "
                                                 "(consumer routes first, then the oldest), so it is shadowed "
                                                 "(ML0207)")
                                         .arg(candidate.virtualService->meta.kind)
                                         .arg(refOf(candidate.virtualService->meta))
                                         .text());
            }
        }
        return chosen;
    };
    if (const std::vector<MeshCandidate> *candidates = candidatesOf(fqdn)) {
        if (const MeshCandidate *chosen = pick(*candidates))
            return chosen;
    }
    if (!m_meshWildcards.empty()) {
        const std::string host(fqdn);
        for (const auto &[pattern, candidates] : m_meshWildcards) {
            if (!hostMatchesPattern(pattern, host))
                continue;
            if (const MeshCandidate *chosen = pick(candidates))
                return chosen;
        }
    }
    return nullptr;
}

const RouteTable *Router::meshTable(std::string_view fqdn, std::string_view sourceNamespace) const
{
    const MeshCandidate *candidate = meshCandidate(fqdn, sourceNamespace, nullptr);
    return candidate ? candidate->table.get() : nullptr;
}

RouteDecision Router::route(const HttpRequest &request, Explain explain) const
{
    RouteDecision decision;
    std::vector<std::string> *why = explain == Explain::Yes ? &decision.explanation : nullptr;
    if (request.gateway.empty())
        routeFromSidecar(request, decision, why);
    else if (m_l4->handlesGateway(request))
        m_l4->routeThroughGateway(request, decision, why);
    else
        routeThroughGateway(request, decision, why);
    return decision;
}

void Router::routeFromSidecar(const HttpRequest &request, RouteDecision &decision, std::vector<std::string> *why) const
{
    const std::string typed = request.hostName();
    decision.host = resolveHost(typed, request.sourceNamespace);
    explain(why, [&] {
        if (request.protocol != ConnectionProtocol::Http)
            return (request.sourceLabels.empty()
                        ? MESHLANE_TR("meshlane::Router", "%1 from a sidecar in namespace %2")
                        : MESHLANE_TR("meshlane::Router", "%1 from a sidecar in namespace %2 with labels %3"))
                .arg(L4Router::connectionText(request))
                .arg(request.sourceNamespace)
                .arg(labelsText(request.sourceLabels))
                .text();
        return (request.sourceLabels.empty()
                    ? MESHLANE_TR("meshlane::Router", "request %1 from a sidecar in namespace %2")
                    : MESHLANE_TR("meshlane::Router", "request %1 from a sidecar in namespace %2 with labels %3"))
            .arg(requestLine(request))
            .arg(request.sourceNamespace)
            .arg(labelsText(request.sourceLabels))
            .text();
    });
    if (decision.host != typed)
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "host %1 means %2 (resolved from namespace %3)")
                .arg(typed)
                .arg(decision.host)
                .arg(request.sourceNamespace)
                .text();
        });
    decision.port = request.port ? request.port : request.authorityPort();
    if (decision.port == 0) {
        decision.port = defaultPort(decision.host);
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "port %1 (the host's first port; none was given)")
                .arg(decision.port)
                .text();
        });
    }

    // Without an explanation the first candidate is enough: no notes.
    const MeshCandidate *candidate = meshCandidate(decision.host, request.sourceNamespace, why, decision.port);
    if (m_l4->handlesSidecar(request, decision.host, decision.port)) {
        m_l4->routeFromSidecar(request, candidate ? candidate->virtualService : nullptr, decision, why);
        return;
    }
    if (!candidate) {
        routeWithoutVirtualService(decision, why);
        return;
    }
    if (!candidate->gatewayApi && candidate->virtualService->http.empty()) {
        // Istio builds no virtual host from a rule without http routes: the
        // Service's default route serves HTTP as if the rule did not exist.
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router",
                               "VirtualService %1 has no http routes, so HTTP on port %2 is routed as if it had none")
                .arg(refOf(candidate->virtualService->meta))
                .arg(decision.port)
                .text();
        });
        routeWithoutVirtualService(decision, why);
        return;
    }
    if (candidate->gatewayApi)
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router",
                               "mesh %1 rules of namespace %2 (parentRef Service %3) apply to %3 for sidecars, in "
                               "the spec's precedence order")
                .arg(candidate->virtualService->meta.kind)
                .arg(candidate->virtualService->meta.ns)
                .arg(decision.host)
                .text();
        });
    else
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "VirtualService %1 applies to %2 for sidecars")
                .arg(refOf(candidate->virtualService->meta))
                .arg(decision.host)
                .text();
        });
    const ProxyContext proxy{&request.sourceLabels, request.sourceNamespace, decision.port};
    decide(*candidate->table, request, proxy, decision, why);
}

void Router::routeWithoutVirtualService(RouteDecision &decision, std::vector<std::string> *why) const
{
    for (const auto &virtualService : m_mesh->virtualServices) {
        const auto &hosts = virtualService->hostFqdns;
        if (!virtualService->appliesToMesh() && std::find(hosts.begin(), hosts.end(), decision.host) != hosts.end())
            explain(why, [&] {
                return MESHLANE_TR("meshlane::Router",
                                   "VirtualService %1 lists this host but is bound only to gateways, so sidecars "
                                   "ignore it")
                    .arg(refOf(virtualService->meta))
                    .text();
            });
    }
    if (!isKnownHost(decision.host)) {
        decision.action = RouteAction::NoRoute;
        decision.status = 404;
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router",
                               "no Service, ServiceEntry or VirtualService is named %1: 404 (a sidecar with "
                               "outboundTrafficPolicy ALLOW_ANY would pass it through unrouted; REGISTRY_ONLY "
                               "answers 502)")
                .arg(decision.host)
                .text();
        });
        return;
    }
    DestinationOutcome outcome{m_resolver->resolveHost(decision.host), 100, 1.0};
    finishTarget(outcome.target, decision.port);
    decision.action = RouteAction::Forward;
    decision.status = outcome.target.status;
    explain(why, [&] {
        return MESHLANE_TR("meshlane::Router",
                           "no VirtualService applies: the sidecar sends the request straight to the host, all "
                           "its endpoints")
            .text();
    });
    explain(why, [&] { return "-> 100 %: " + targetLine(outcome.target); });
    decision.destinations.push_back(std::move(outcome));
}

void Router::routeThroughK8sGateway(const HttpRequest &request, RouteDecision &decision,
                                    std::vector<std::string> *why) const
{
    decision.gateway = request.gateway;
    decision.host = request.hostName();
    explain(why, [&] {
        return MESHLANE_TR("meshlane::Router", "request %1 enters through Gateway API Gateway %2")
            .arg(requestLine(request))
            .arg(request.gateway)
            .text();
    });
    const GatewayApiRoutes::Lookup lookup =
        m_gatewayApi->find(request.gateway, decision.host, request.port ? request.port : request.authorityPort());
    decision.port = lookup.port;
    if (!lookup.virtualHost) {
        decision.action = RouteAction::NoRoute;
        decision.status = 404;
        explain(why, [&] { return lookup.problem.text(); });
        return;
    }
    explain(why, [&] {
        std::string sources;
        for (const std::string &name : lookup.virtualHost->routes)
            sources += (sources.empty() ? "" : ", ") + name;
        const std::string &hostname = lookup.listener->listener->hostname;
        return MESHLANE_TR("meshlane::Router",
                           "listener %1 (port %2, hostname %3) takes %4; its routes for %5 come from %6, in the "
                           "spec's precedence order")
            .arg(lookup.listener->listener->name)
            .arg(lookup.port)
            .arg(hostname.empty() ? std::string("*") : hostname)
            .arg(decision.host)
            .arg(lookup.virtualHost->domain)
            .arg(sources)
            .text();
    });
    const ProxyContext proxy{nullptr, lookup.gateway->meta.ns, lookup.port};
    decide(*lookup.virtualHost->table, request, proxy, decision, why);
}

void Router::routeThroughGateway(const HttpRequest &request, RouteDecision &decision,
                                 std::vector<std::string> *why) const
{
    if (!m_mesh->findGateway(request.gateway) && m_gatewayApi->findGateway(request.gateway)) {
        routeThroughK8sGateway(request, decision, why);
        return;
    }
    decision.gateway = request.gateway;
    decision.host = request.hostName();
    explain(why, [&] {
        return MESHLANE_TR("meshlane::Router", "request %1 enters through Gateway %2")
            .arg(requestLine(request))
            .arg(request.gateway)
            .text();
    });
    const GatewayRoutes::Lookup lookup =
        m_gatewayRoutes->find(request.gateway, decision.host, request.port ? request.port : request.authorityPort());
    decision.port = lookup.port;
    if (lookup.servicePort != 0) {
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "port %1 is the gateway Service's; its target port %2 is where the "
                                                   "Gateway's servers listen")
                .arg(lookup.servicePort)
                .arg(lookup.port)
                .text();
        });
    }
    if (!lookup.virtualHost) {
        decision.action = RouteAction::NoRoute;
        decision.status = 404;
        explain(why, [&] { return lookup.problem.text(); });
        if (!lookup.hint.empty())
            explain(why, [&] { return lookup.hint.text(); });
        return;
    }
    explain(why, [&] {
        std::string sources;
        for (const std::string &name : lookup.virtualHost->virtualServices)
            sources += (sources.empty() ? "" : ", ") + name;
        return MESHLANE_TR("meshlane::Router",
                           "Gateway %1 port %2 serves %3 with virtual host %4 from VirtualService %5")
            .arg(request.gateway)
            .arg(lookup.port)
            .arg(decision.host)
            .arg(lookup.virtualHost->domain)
            .arg(sources)
            .text();
    });
    const ProxyContext proxy{&lookup.gateway->selector, lookup.gateway->meta.ns, lookup.port};
    decide(*lookup.virtualHost->table, request, proxy, decision, why);
}

void Router::decide(const RouteTable &table, const HttpRequest &request, const ProxyContext &proxy,
                    RouteDecision &decision, std::vector<std::string> *why) const
{
    for (const TranslatedText &note : table.notes())
        explain(why, [&] { return note.text(); });
    const int matched = table.find(request, proxy);
    const size_t misses = matched < 0 ? table.entries().size() : size_t(matched);
    for (size_t i = 0; why && i < misses && i < m_options.maxExplainedMisses; ++i) {
        const RouteTable::Entry &entry = table.entries()[i];
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "%1 does not match: %2")
                .arg(entryLabel(table, entry))
                .arg(entry.match->whyNot(request, proxy))
                .text();
        });
    }
    if (misses > m_options.maxExplainedMisses)
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "... and %1 more match blocks before it do not match either")
                .arg(int64_t(misses - m_options.maxExplainedMisses))
                .text();
        });
    if (matched < 0) {
        decision.action = RouteAction::NoRoute;
        decision.status = 404;
        explain(why, [&] { return MESHLANE_TR("meshlane::Router", "no route matches: 404 (Envoy flag NR)").text(); });
        return;
    }
    const RouteTable::Entry &entry = table.entries()[size_t(matched)];
    const CompiledRoute &route = table.routeOf(entry);
    if (const auto &origin = route.route->origin) {
        // A Gateway API rule: named by its route, not by the generated VirtualService.
        decision.rule = RuleRef{origin->kind, origin->ns, origin->name, "rules", origin->rule, origin->match};
    } else {
        decision.virtualService = refOf(route.virtualService->meta);
        decision.httpRoute = route.httpIndex;
        decision.routeName = route.route->name;
        decision.matchBlock = entry.block;
        decision.rule = RuleRef{"VirtualService", route.virtualService->meta.ns, route.virtualService->meta.name,
                                "http", int(route.httpIndex), entry.block};
    }
    if (entry.block < 0)
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "%1 has no match conditions, so it takes the request")
                .arg(entryLabel(table, entry))
                .text();
        });
    else
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "%1 matches (%2)")
                .arg(entryLabel(table, entry))
                .arg(route.route->match[size_t(entry.block)].describe())
                .text();
        });
    if (route.delegateTable) {
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "it delegates to VirtualService %1")
                .arg(refOf(route.delegate->meta))
                .text();
        });
        decide(*route.delegateTable, request, proxy, decision, why);
        return;
    }
    applyRoute(route, request, proxy, decision, why);
    if (decision.action == RouteAction::Forward) {
        const HttpMatchRequest *block = entry.block >= 0 ? &route.route->match[size_t(entry.block)] : nullptr;
        decision.rewrite = RedirectRewrite::rewrite(*route.route, block, request);
        // Only Gateway API rules: VirtualService explanations stay as they were.
        if (route.route->origin && route.route->timeout)
            explain(why, [&] {
                return MESHLANE_TR("meshlane::Router", "timeout %1: a slower answer becomes 504")
                    .arg(*route.route->timeout)
                    .text();
            });
        if (route.route->origin && route.route->hasHeaderOperations)
            explain(why, [&] {
                return MESHLANE_TR("meshlane::Router", "request or response headers are modified by the rule's filters")
                    .text();
            });
        if (decision.rewrite && route.route->origin)
            explain(why, [&] {
                return MESHLANE_TR("meshlane::Router", "rewrite: host %1, path %2")
                    .arg(decision.rewrite->hostname.empty() ? std::string("unchanged") : decision.rewrite->hostname)
                    .arg(decision.rewrite->path.empty() ? std::string("unchanged") : decision.rewrite->path)
                    .text();
            });
    }
}

void Router::finishTarget(ResolvedTarget &target, uint32_t listenerPort) const
{
    m_resolver->finish(target, listenerPort);
}

void Router::applyRoute(const CompiledRoute &route, const HttpRequest &request, const ProxyContext &proxy,
                        RouteDecision &decision, std::vector<std::string> *why) const
{
    for (const TranslatedText &note : route.notes)
        explain(why, [&] { return MESHLANE_TR("meshlane::Router", "note: %1").arg(note).text(); });
    decision.fault = route.fault;
    if (route.fault.delayPerMillion > 0)
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "fault: %1 of requests wait %2 ms first")
                .arg(percentText(route.fault.delayProbability()))
                .arg(route.fault.delayMs)
                .text();
        });
    if (route.fault.abortPerMillion > 0)
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "fault: %1 of requests are aborted with %2")
                .arg(percentText(route.fault.abortProbability()))
                .arg(route.fault.abortStatus
                         ? TranslatedText(std::to_string(route.fault.abortStatus))
                         : MESHLANE_TR("meshlane::Router", "gRPC status %1").arg(route.fault.abortGrpcStatus))
                .text();
        });
    decision.action = route.action;
    decision.status = route.status;
    switch (route.action) {
    case RouteAction::Redirect:
        decision.redirect = RedirectRewrite::redirect(*route.route, request, proxy.port);
        decision.redirectLocation = route.route->redirect->gatewayApi
            ? RedirectRewrite::location(*decision.redirect)
            : redirectLocation(*route.route->redirect, request);
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "redirect %1 to %2")
                .arg(decision.status)
                .arg(decision.redirectLocation)
                .text();
        });
        return;
    case RouteAction::DirectResponse:
        explain(why, [&] { return MESHLANE_TR("meshlane::Router", "direct response %1").arg(decision.status).text(); });
        return;
    case RouteAction::Failure:
    case RouteAction::NoRoute:
        explain(why, [&] { return route.failure.text() + ": " + std::to_string(decision.status); });
        return;
    case RouteAction::Forward:
        break;
    }
    decision.destinations = route.destinations;
    for (DestinationOutcome &destination : decision.destinations) {
        finishTarget(destination.target, proxy.port);
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "-> %1 (weight %2): %3")
                .arg(percentText(destination.probability))
                .arg(destination.weight)
                .arg(targetLine(destination.target))
                .text();
        });
    }
    decision.mirrors = route.mirrors;
    for (MirrorOutcome &mirror : decision.mirrors) {
        finishTarget(mirror.target, proxy.port);
        explain(why, [&] {
            return MESHLANE_TR("meshlane::Router", "mirror %1 of forwarded requests (responses dropped): %2")
                .arg(percentText(mirror.probability()))
                .arg(targetLine(mirror.target))
                .text();
        });
    }
    decision.status = decision.forwardStatus();
}

} // namespace meshlane
