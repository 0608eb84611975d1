#pragma once

#include "destinationresolver.h"
#include "mesh.h"
#include "routetable.h"

#include <cstdint>
#include <memory>
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
        uint32_t port = 0;
        std::string problem; // why there is no virtual host
    };

    GatewayRoutes(const Mesh &mesh, const DestinationResolver &resolver, RouteTable::Options options);

    // The virtual host a request for `host` (no port, lower-case) meets at
    // `gatewayRef` ("ns/name") on `port` (0: the first server port serving it).
    Lookup find(const std::string &gatewayRef, const std::string &host, uint32_t port) const;

    const std::vector<VirtualHost> *virtualHostsOf(const std::string &gatewayRef) const;

private:
    struct Entry
    {
        const Gateway *gateway = nullptr;
        std::vector<VirtualHost> hosts; // most specific domain first
    };

    void build(const Gateway &gateway, const DestinationResolver &resolver, RouteTable::Options options);

    const Mesh &m_mesh;
    std::unordered_map<std::string, Entry> m_gateways;
};

// Envoy's virtual host preference: exact names, then longer wildcard suffixes, then "*".
int domainSpecificity(const std::string &domain);
// True when the gateway server protocol carries HTTP the gateway routes itself.
bool isHttpServer(const GatewayServer &server);

} // namespace meshlane
