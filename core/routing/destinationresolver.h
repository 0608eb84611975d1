// SPDX-License-Identifier: MIT
#pragma once

#include "model/destination.h"
#include "model/mesh.h"
#include "routing/routedecision.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// Turns a route destination into what Envoy would send to: the pods of the
// Service (or the ServiceEntry endpoints) whose labels include the subset's,
// or a 503 with the reason when there is no cluster or no endpoint.
class DestinationResolver
{
public:
    explicit DestinationResolver(const Mesh &mesh);
    // For a snapshot whose workloads are those of `previous`'s mesh (the same
    // objects in the same order): shares its workload index.
    DestinationResolver(const Mesh &mesh, const DestinationResolver &previous);

    // The port is the written one, else the host's only port; when neither
    // exists it stays empty and the router uses the listener port, as Istio does.
    ResolvedTarget resolve(const Destination &destination) const;
    // The whole host, no subset: where a request goes when no VirtualService applies.
    ResolvedTarget resolveHost(const std::string &fqdn) const;

    // What the proxy does with a resolved target on `listenerPort`: a target
    // without a port takes the listener's (Istio's fallback for multi-port
    // hosts); a Service port that does not exist is a 503 (no cluster).
    void finish(ResolvedTarget &target, uint32_t listenerPort) const;

private:
    ResolvedTarget resolve(const std::string &fqdn, const std::string &subset, std::optional<uint32_t> port) const;
    void resolveServiceEntry(const ServiceEntry &entry, const Labels &subsetLabels, ResolvedTarget &target) const;
    // A request both ends of which disagree on mTLS fails: the DestinationRule's
    // tls mode against the PeerAuthentication of every pod (503 when all refuse).
    void checkMtls(const Service &service, const std::vector<const Workload *> &workloads,
                   ResolvedTarget &target) const;
    // Workloads in `ns` whose pod labels include `selector`, in load order.
    std::vector<const Workload *> workloadsMatching(const std::string &ns, const Labels &selector) const;

    struct WorkloadIndex
    {
        // "ns\nkey=value" -> workloads with that pod label, so a selector only
        // scans the workloads carrying its rarest label instead of the namespace
        // (the router resolves every destination of every route once).
        std::unordered_map<std::string, std::vector<const Workload *>> byLabel;
        std::unordered_map<std::string, std::vector<const Workload *>> byNamespace;
    };

    const Mesh &m_mesh;
    std::shared_ptr<const WorkloadIndex> m_workloads;
};

} // namespace meshlane
