// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace meshlane {

struct HostPort
{
    uint32_t number = 0;
    std::string name;
    std::string protocol;
};

// A host the mesh knows, as istioctl's analyzers see it: a ServiceEntry host or
// a Service (which carries no workload selector there).
struct KnownHost
{
    std::string fqdn;
    std::vector<HostPort> ports;
    Labels workloadSelector;
    const ServiceEntry *entry = nullptr; // the ServiceEntry it comes from, if any
    const Service *service = nullptr;    // the Service, null for the implied ingress gateway
};

// Hosts keyed by the namespaces they are exported to ("scope/fqdn"), the way
// `istioctl analyze` builds its host map: ServiceEntries by exportTo, Services
// by their networking.istio.io/exportTo annotation ("." is their namespace,
// nothing is everywhere), Services written over ServiceEntries on the same key.
// Like istioctl offline, the folder is taken to also hold the default
// istio-system/istio-ingressgateway Service unless it defines one. A
// ServiceEntry host Istio rejects ("*") is left out: it is reported, not relied on.
class HostRegistry
{
public:
    explicit HostRegistry(const Mesh &mesh);

    // The host `host`, written in a resource of namespace `sourceNs` that is
    // exported to `exportTo`: null when no visible Service or ServiceEntry has
    // it. As istioctl: an exportTo that names neither "." nor `sourceNs` does not
    // look in the resource's own namespace; wildcard hosts count when exported
    // everywhere or to `sourceNs`.
    const KnownHost *find(const std::string &sourceNs, const std::vector<std::string> &exportTo,
                          const std::string &host) const;

    static const char *const IngressServiceNamespace;
    static const char *const IngressServiceName;

private:
    void add(const std::string &scope, const KnownHost &host);

    std::map<std::string, KnownHost> m_hosts; // "scope/fqdn"
    std::vector<std::pair<std::string, const KnownHost *>> m_wildcards; // scope, "*.x" host: for suffix matches
};

// istioctl's host.Name.Matches: equal names, or a wildcard ("*.x", "*") on
// either side covering the other; two wildcards overlap when one's suffix ends
// with the other's.
bool istioHostsMatch(const std::string &a, const std::string &b);

// Visibility scopes of a resource exported to `exportTo` from `ns`: {"*"} when
// exported everywhere (empty list or "*"), else the list with "." as `ns`.
std::vector<std::string> exportScopes(const std::vector<std::string> &exportTo, const std::string &ns);

// metadata.annotations[key] as written, empty when absent.
std::string annotationOf(const ResourceMeta &meta, const char *key);

} // namespace meshlane
