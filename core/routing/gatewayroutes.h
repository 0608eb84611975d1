// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "routing/destinationresolver.h"
#include "routing/routetable.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// Every Gateway's virtual hosts, built as Istio builds a gateway's route
// configuration: per server port, one virtual host per intersection of a
// server host and a bound VirtualService host; VirtualServices that share a
// virtual host have their routes merged (catch-alls last).
class GatewayRoutes
{
public:
    struct VirtualHost
    {
        std::string domain; // "helloweb.dev", "*.example.com", "*"
        uint32_t port = 0;
        std::vector<std::string> virtualServices; // "ns/name", in merge order
        std::shared_ptr<const RouteTable> table;
    };

    struct Lookup
    {
        const Gateway *gateway = nullptr;
        const VirtualHost *virtualHost = nullptr; // null: 404
        uint32_t port = 0;        // the Gateway's server port used
        uint32_t servicePort = 0; // the gateway Service's port the client called, when it was mapped to `port`
        TranslatedText problem;   // why there is no virtual host
        TranslatedText hint;      // with a problem: what the user probably meant
    };

    GatewayRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options);
    // For a snapshot that resolves destinations as `previous`'s did (the
    // Router checks): a Gateway that is the same object, with the same
    // VirtualService objects bound in the same order, keeps its virtual hosts;
    // the others are built. With `delegatesChanged`, a Gateway whose
    // VirtualServices delegate is built too (its routes copy the delegate's).
    GatewayRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options,
                  const GatewayRoutes &previous, bool delegatesChanged);

    // The virtual host a request for `host` (no port, lower-case) meets at
    // `gatewayRef` ("ns/name") on `port` (0: the first server port serving it).
    Lookup find(const std::string &gatewayRef, const std::string &host, uint32_t port) const;

    const std::vector<VirtualHost> *virtualHostsOf(const std::string &gatewayRef) const;
    size_t keptGateways() const { return m_kept; } // taken over from the previous GatewayRoutes
    // This Gateway's virtual hosts are the previous GatewayRoutes' (the same tables).
    bool isKept(const std::string &gatewayRef) const;
    size_t builtGateways() const { return m_gateways.size() - m_kept; }

private:
    struct Entry
    {
        const Gateway *gateway = nullptr;
        std::vector<const VirtualService *> bound; // listing it, in load order
        std::vector<VirtualHost> hosts; // most specific domain first
        // A gateway in front of a thousand services has a thousand exact
        // domains: they are found by name, only wildcards are scanned.
        std::unordered_map<std::string, size_t> exactHosts; // exactHostKey() -> first such in `hosts`
        size_t firstWildcard = 0;                           // in `hosts`: the exact domains come first
    };
    using BoundMap = std::unordered_map<std::string, std::vector<const VirtualService *>>;
    // Built once, then shared by every later GatewayRoutes that keeps it: a
    // gateway in front of a thousand services is a pointer to take over.
    struct Slot
    {
        std::shared_ptr<const Entry> entry;
        bool kept = false; // taken over from the previous GatewayRoutes
    };

    static BoundMap boundVirtualServices(const Mesh &mesh);
    // The same from `previous`'s when the Gateways are the same objects and
    // the rules replaced since keep their gateways (a weight edit): a look at
    // each rule's address instead of its gateways. Null when that is not so.
    static std::optional<BoundMap> boundAsBefore(const Mesh &mesh, const GatewayRoutes &previous);
    // The target port behind `servicePort` of the Service exposing the
    // Gateway's workloads; 0 when the folder has no such Service or port.
    uint32_t targetPortOf(const Gateway &gateway, uint32_t servicePort) const;
    static std::string exactHostKey(uint32_t port, const std::string &domain);
    static void indexHosts(Entry &entry);
    void build(const Gateway &gateway, std::vector<const VirtualService *> bound, const DestinationResolver &resolver,
               RouteTable::Options options);

    const Mesh &m_mesh;
    std::unordered_map<std::string, Slot> m_gateways;
    size_t m_kept = 0;
};

// Envoy's virtual host preference: exact names, then longer wildcard suffixes, then "*".
int domainSpecificity(const std::string &domain);
// True when one of the server's hosts admits the VirtualService's namespace
// ("ns/host") and overlaps one of its hosts: Istio binds it to the server.
bool serverBindsVirtualService(const GatewayServer &server, const Gateway &gateway,
                               const VirtualService &virtualService);
// True when the gateway server protocol carries HTTP the gateway routes itself.
bool isHttpServer(const GatewayServer &server);

} // namespace meshlane
