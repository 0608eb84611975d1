// SPDX-License-Identifier: MIT
#include "routing/gatewayroutes.h"

#include "model/hostname.h"
#include "model/mesh.h"
#include "routing/routetablebuilder.h"

#include <QString>

#include <algorithm>
#include <map>

namespace meshlane {

namespace {

// A server host may be written "ns/host": only VirtualServices from that
// namespace ("." the gateway's, "*" any) may bind to it.
bool serverHostAdmits(const std::string &written, const Gateway &gateway, const VirtualService &virtualService,
                      std::string *pattern)
{
    const size_t slash = written.find('/');
    if (slash == std::string::npos) {
        *pattern = written;
        return true;
    }
    const std::string ns = written.substr(0, slash);
    *pattern = written.substr(slash + 1);
    if (ns == "*")
        return true;
    if (ns == ".")
        return virtualService.meta.ns == gateway.meta.ns;
    return virtualService.meta.ns == ns;
}

std::string patternOf(const std::string &written)
{
    const size_t slash = written.find('/');
    return slash == std::string::npos ? written : written.substr(slash + 1);
}

// Istio's host intersection: the more specific of two names when one covers the other.
bool intersect(const std::string &serverHost, const std::string &virtualServiceHost, std::string *domain)
{
    if (hostMatchesPattern(serverHost, virtualServiceHost)) {
        *domain = toLower(virtualServiceHost);
        return true;
    }
    if (hostMatchesPattern(virtualServiceHost, serverHost)) {
        *domain = toLower(serverHost);
        return true;
    }
    return false;
}

bool delegates(const VirtualService &virtualService)
{
    return std::any_of(virtualService.http.begin(), virtualService.http.end(),
                       [](const HttpRoute &route) { return route.delegate.has_value(); });
}

} // namespace

int domainSpecificity(const std::string &domain)
{
    if (domain == "*")
        return 0;
    if (!domain.empty() && domain.front() == '*')
        return int(domain.size());
    return 1000000 + int(domain.size());
}

bool serverBindsVirtualService(const GatewayServer &server, const Gateway &gateway,
                               const VirtualService &virtualService)
{
    for (const std::string &written : server.hosts) {
        std::string pattern;
        if (!serverHostAdmits(written, gateway, virtualService, &pattern))
            continue;
        for (const std::string &host : virtualService.hostFqdns) {
            std::string domain;
            if (intersect(pattern, host, &domain))
                return true;
        }
    }
    return false;
}

bool isHttpServer(const GatewayServer &server)
{
    const std::string protocol = toLower(server.protocol);
    if (protocol == "http" || protocol == "http2" || protocol == "grpc")
        return true;
    if (protocol == "https") {
        const std::string mode = toLower(server.tlsMode);
        return mode != "passthrough" && mode != "auto_passthrough";
    }
    return false;
}

GatewayRoutes::GatewayRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options)
    : m_mesh(mesh)
{
    BoundMap bound = boundVirtualServices(mesh);
    for (const auto &gateway : mesh.gateways)
        build(*gateway, std::move(bound[gateway->meta.ns + '/' + gateway->meta.name]), resolver, options);
}

GatewayRoutes::GatewayRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options,
                             const GatewayRoutes &previous, bool delegatesChanged)
    : m_mesh(mesh)
{
    std::optional<BoundMap> asBefore = boundAsBefore(mesh, previous);
    BoundMap bound = asBefore ? std::move(*asBefore) : boundVirtualServices(mesh);
    for (const auto &gateway : mesh.gateways) {
        const std::string ref = gateway->meta.ns + '/' + gateway->meta.name;
        std::vector<const VirtualService *> &boundHere = bound[ref];
        const auto old = previous.m_gateways.find(ref);
        const bool kept = old != previous.m_gateways.end() && old->second.entry->gateway == gateway.get()
            && old->second.entry->bound == boundHere
            && !(delegatesChanged && std::any_of(boundHere.begin(), boundHere.end(), [](const VirtualService *vs) {
                              return delegates(*vs);
                          }));
        if (kept && !m_gateways.count(ref)) {
            m_gateways.emplace(ref, Slot{old->second.entry, true});
            ++m_kept;
        } else {
            build(*gateway, std::move(boundHere), resolver, options);
        }
    }
}

GatewayRoutes::BoundMap GatewayRoutes::boundVirtualServices(const Mesh &mesh)
{
    BoundMap bound;
    for (const auto &virtualService : mesh.virtualServices) {
        for (const std::string &ref : virtualService->gatewayRefs()) {
            std::vector<const VirtualService *> &list = bound[ref];
            if (list.empty() || list.back() != virtualService.get()) // listed twice: bound once
                list.push_back(virtualService.get());
        }
    }
    return bound;
}

std::optional<GatewayRoutes::BoundMap> GatewayRoutes::boundAsBefore(const Mesh &mesh, const GatewayRoutes &previous)
{
    const auto &now = mesh.virtualServices;
    const auto &before = previous.m_mesh.virtualServices;
    if (now.size() != before.size() || mesh.gateways != previous.m_mesh.gateways)
        return std::nullopt;
    // Every Gateway has its entry (the same objects as before), and each entry
    // lists what is bound to it.
    BoundMap bound;
    for (const auto &[ref, slot] : previous.m_gateways)
        bound.emplace(ref, slot.entry->bound);
    for (size_t i = 0; i < now.size(); ++i) {
        if (now[i] == before[i])
            continue;
        const std::vector<std::string> refs = now[i]->gatewayRefs();
        if (refs != before[i]->gatewayRefs())
            return std::nullopt;
        for (const std::string &ref : refs) {
            if (const auto list = bound.find(ref); list != bound.end())
                std::replace(list->second.begin(), list->second.end(), before[i].get(), now[i].get());
        }
    }
    return bound;
}

void GatewayRoutes::build(const Gateway &gateway, std::vector<const VirtualService *> bound,
                          const DestinationResolver &resolver, RouteTable::Options options)
{
    const std::string ref = gateway.meta.ns + '/' + gateway.meta.name;
    // A second Gateway of the same name adds to the first's entry, which
    // may be shared: it is copied first.
    Slot &slot = m_gateways[ref];
    auto built = slot.entry ? std::make_shared<Entry>(*slot.entry) : std::make_shared<Entry>();
    slot.entry = built;
    Entry &entry = *built;
    entry.gateway = &gateway;
    entry.bound = std::move(bound);

    // (port, domain) -> VirtualServices in load order, which stands in for
    // Istio's creation-time order.
    std::map<std::pair<uint32_t, std::string>, std::vector<const VirtualService *>> groups;
    for (const GatewayServer &server : gateway.servers) {
        if (!isHttpServer(server))
            continue;
        for (const VirtualService *virtualService : entry.bound) {
            for (const std::string &written : server.hosts) {
                std::string pattern;
                if (!serverHostAdmits(written, gateway, *virtualService, &pattern))
                    continue;
                for (const std::string &host : virtualService->hostFqdns) {
                    std::string domain;
                    if (!intersect(pattern, host, &domain))
                        continue;
                    auto &list = groups[{server.portNumber, domain}];
                    if (std::find(list.begin(), list.end(), virtualService) == list.end())
                        list.push_back(virtualService);
                }
            }
        }
    }
    for (auto &[key, virtualServices] : groups) {
        std::stable_sort(virtualServices.begin(), virtualServices.end(),
                         [this](const VirtualService *a, const VirtualService *b) {
                             return m_mesh.virtualServiceIndex(a->meta.ns, a->meta.name)
                                 < m_mesh.virtualServiceIndex(b->meta.ns, b->meta.name);
                         });
        RouteTableBuilder builder(m_mesh, resolver, ref);
        builder.setFixedProxy(gateway.selector, gateway.meta.ns, key.first);
        VirtualHost host;
        host.port = key.first;
        host.domain = key.second;
        for (const VirtualService *virtualService : virtualServices) {
            builder.addVirtualService(*virtualService);
            host.virtualServices.push_back(virtualService->meta.ns + '/' + virtualService->meta.name);
        }
        builder.moveCatchAllsLast();
        host.table = std::make_shared<const RouteTable>(builder.build(options));
        entry.hosts.push_back(std::move(host));
    }
    std::stable_sort(entry.hosts.begin(), entry.hosts.end(), [](const VirtualHost &a, const VirtualHost &b) {
        return domainSpecificity(a.domain) > domainSpecificity(b.domain);
    });
    indexHosts(entry);
}

std::string GatewayRoutes::exactHostKey(uint32_t port, const std::string &domain)
{
    return std::to_string(port) + '\n' + toLower(domain);
}

void GatewayRoutes::indexHosts(Entry &entry)
{
    // Domains not starting with '*' match by name alone (hostMatchesPattern)
    // and sort before every one that does (domainSpecificity).
    entry.exactHosts.clear();
    entry.firstWildcard = 0;
    while (entry.firstWildcard < entry.hosts.size() && !entry.hosts[entry.firstWildcard].domain.starts_with('*')) {
        const VirtualHost &host = entry.hosts[entry.firstWildcard];
        entry.exactHosts.emplace(exactHostKey(host.port, host.domain), entry.firstWildcard); // the first wins, as in a scan
        ++entry.firstWildcard;
    }
}

bool GatewayRoutes::isKept(const std::string &gatewayRef) const
{
    const auto it = m_gateways.find(gatewayRef);
    return it != m_gateways.end() && it->second.kept;
}

const std::vector<GatewayRoutes::VirtualHost> *GatewayRoutes::virtualHostsOf(const std::string &gatewayRef) const
{
    const auto it = m_gateways.find(gatewayRef);
    return it == m_gateways.end() ? nullptr : &it->second.entry->hosts;
}

uint32_t GatewayRoutes::targetPortOf(const Gateway &gateway, uint32_t servicePort) const
{
    // The Services that expose the gateway's workloads: those selecting the
    // pods that the Gateway's selector selects.
    for (const auto &workload : m_mesh.workloads) {
        if (gateway.selector.empty() || !labelsMatch(gateway.selector, workload->podLabels))
            continue;
        for (const auto &service : m_mesh.services) {
            if (service->meta.ns != workload->meta.ns || !service->hasSelector
                || !labelsMatch(service->selector, workload->podLabels))
                continue;
            for (const ServicePort &exposed : service->ports) {
                bool numeric = false;
                const uint32_t target = QString::fromStdString(exposed.targetPort).toUInt(&numeric);
                if (exposed.port == servicePort)
                    return exposed.targetPort.empty() ? exposed.port : numeric ? target : 0;
            }
        }
    }
    return 0;
}

GatewayRoutes::Lookup GatewayRoutes::find(const std::string &gatewayRef, const std::string &host, uint32_t port) const
{
    Lookup lookup;
    lookup.port = port;
    const auto it = m_gateways.find(gatewayRef);
    if (it == m_gateways.end()) {
        lookup.problem = MESHLANE_TR("meshlane::GatewayRoutes", "there is no Gateway %1").arg(gatewayRef);
        return lookup;
    }
    const Entry &entry = *it->second.entry;
    lookup.gateway = entry.gateway;
    // Clients call the gateway's Service port (Istio's docs: port 80), while
    // the Gateway's servers listen on the proxy's own port (8080): when the
    // folder has the Service, follow it to its target port.
    const auto listens = [&entry](uint32_t number) {
        return std::any_of(entry.gateway->servers.begin(), entry.gateway->servers.end(),
                           [number](const GatewayServer &server) { return server.portNumber == number; });
    };
    if (port != 0 && !listens(port)) {
        if (const uint32_t target = targetPortOf(*entry.gateway, port); target != 0 && listens(target)) {
            lookup.servicePort = port;
            lookup.port = port = target;
        }
    }

    bool served = false;
    for (const GatewayServer &server : entry.gateway->servers) {
        if (!isHttpServer(server) || (port != 0 && server.portNumber != port))
            continue;
        for (const std::string &written : server.hosts) {
            if (hostMatchesPattern(patternOf(written), host)) {
                served = true;
                if (lookup.port == 0)
                    lookup.port = server.portNumber;
                break;
            }
        }
        if (served)
            break;
    }
    if (!served) {
        lookup.problem =
            (port != 0 ? MESHLANE_TR("meshlane::GatewayRoutes",
                                       "Gateway %1 has no HTTP server for host %2 on port %3: 404 (Envoy flag NR)")
                         : MESHLANE_TR("meshlane::GatewayRoutes",
                                       "Gateway %1 has no HTTP server for host %2: 404 (Envoy flag NR)"))
                  .arg(gatewayRef)
                  .arg(host)
                  .arg(port);
        // The port a client would use through the gateway's Service is not in
        // the folder: name the port the Gateway does listen on for that host.
        for (const GatewayServer &server : entry.gateway->servers) {
            if (port == 0 || !isHttpServer(server) || server.portNumber == port)
                continue;
            const bool forHost = std::any_of(server.hosts.begin(), server.hosts.end(), [&host](const std::string &written) {
                return hostMatchesPattern(patternOf(written), host);
            });
            if (forHost) {
                lookup.hint = MESHLANE_TR("meshlane::GatewayRoutes",
                                          "the Gateway listens on %1 for this host (its Service, which maps a client "
                                          "port to it, is not in the folder): did you mean --port %1?")
                                  .arg(server.portNumber);
                break;
            }
        }
        return lookup;
    }
    if (const auto exact = entry.exactHosts.find(exactHostKey(lookup.port, host)); exact != entry.exactHosts.end()) {
        lookup.virtualHost = &entry.hosts[exact->second];
        return lookup;
    }
    for (size_t i = entry.firstWildcard; i < entry.hosts.size(); ++i) {
        const VirtualHost &candidate = entry.hosts[i];
        if (candidate.port == lookup.port && hostMatchesPattern(candidate.domain, host)) {
            lookup.virtualHost = &candidate;
            return lookup;
        }
    }
    lookup.problem = MESHLANE_TR("meshlane::GatewayRoutes",
                                 "no VirtualService bound to Gateway %1 serves host %2 on port %3: 404 (Envoy flag NR)")
                         .arg(gatewayRef)
                         .arg(host)
                         .arg(lookup.port);
    return lookup;
}

} // namespace meshlane
