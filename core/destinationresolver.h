#pragma once

#include "destination.h"
#include "mesh.h"
#include "routedecision.h"

#include <string>

namespace meshlane {

// Turns a route destination into what Envoy would send to: the pods of the
// Service (or the ServiceEntry endpoints) whose labels include the subset's,
// or a 503 with the reason when there is no cluster or no endpoint.
class DestinationResolver
{
public:
    explicit DestinationResolver(const Mesh &mesh);

    // The port is the written one, else the host's only port; when neither
    // exists it stays empty and the router uses the listener port, as Istio does.
    ResolvedTarget resolve(const Destination &destination) const;
    // The whole host, no subset: where a request goes when no VirtualService applies.
    ResolvedTarget resolveHost(const std::string &fqdn) const;

private:
    ResolvedTarget resolve(const std::string &fqdn, const std::string &subset, std::optional<uint32_t> port) const;
    void resolveServiceEntry(const ServiceEntry &entry, const Labels &subsetLabels, ResolvedTarget &target) const;

    const Mesh &m_mesh;
};

} // namespace meshlane
