// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/hostregistry.h"
#include "model/diagnostic.h"
#include "model/mesh.h"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// Where a destination is written inside a VirtualService.
enum class DestinationRole { Route, Mirror, Mirrors, Tcp, Tls };

struct DestinationUse
{
    const Destination *destination = nullptr;
    DestinationRole role = DestinationRole::Route;
    size_t routeIndex = 0; // index into http, tcp or tls (by role)

    // "destination", "mirror", "tcp destination"...: how a message names it.
    const char *roleName() const;
};

// A pod as istioctl's analyzers see it: a Pod or a workload's pod template,
// with the labels Istio adds from its Node (topology) and node name.
struct PodView
{
    const Workload *workload = nullptr; // null for the implied ingress gateway pod
    std::string ns;
    std::string name;
    Labels labels;
};

// What every check shares: the mesh, indexes the Mesh does not keep, and the
// list findings go into. Built once per analysis, read by checks in turn.
class AnalysisContext
{
public:
    explicit AnalysisContext(const Mesh &mesh);

    const Mesh &mesh() const { return m_mesh; }
    // Hosts by export scope, as istioctl keys them.
    const HostRegistry &hosts() const { return m_hosts; }
    // Every pod of the folder in any namespace, plus istioctl's implied
    // istio-system ingress gateway pod (labels istio=ingressgateway) unless the
    // folder writes that pod itself.
    const std::vector<PodView> &pods() const { return m_pods; }
    // True when the folder holds Node objects: only then do missing topology
    // labels on pods say anything.
    bool hasNodes() const { return !m_mesh.nodes.empty(); }

    // Like Mesh::workloadsOf, through a label index: on a mesh with thousands of
    // workloads in one namespace a linear scan per subset dominates the analysis.
    std::vector<const Workload *> workloadsOf(const Service &service, const Labels &subsetLabels = {}) const;

    // Ports of a known host: the Service's, else the first matching ServiceEntry's.
    // Empty when the host is unknown or declares no ports.
    std::vector<uint32_t> portsOf(const std::string &fqdn) const;

    // Records a finding against `resource`; an unknown location falls back to the
    // resource's first line so every finding can be opened in an editor.
    // The finding stays reachable through the reference until the next report.
    Diagnostic &report(const char *code, Severity severity, const ResourceMeta &resource, const SourceLocation &at,
                std::string message, std::string fix = {});

    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }

private:
    const Mesh &m_mesh;
    HostRegistry m_hosts;
    std::vector<PodView> m_pods;
    // namespace -> "key=value" -> workloads whose pod labels carry it
    std::unordered_map<std::string, std::unordered_map<std::string, std::vector<const Workload *>>> m_workloadsByLabel;
    std::unordered_map<std::string, std::vector<const Workload *>> m_workloadsByNamespace;
    Diagnostics m_diagnostics;
};

// Calls `visit` for every destination of `vs`: http routes, mirrors, tcp and tls.
void forEachDestination(const VirtualService &vs, const std::function<void(const DestinationUse &)> &visit);

// "http[2]" or "http[2] (name \"canary\")": how messages name a route.
std::string describeHttpRoute(const VirtualService &vs, size_t index);

// "file:line", or "line N" when in the same file as `from`.
std::string describeLocation(const SourceLocation &location, const SourceLocation &from);

// Appends `item` to a human-readable list, with `separator` between items.
void appendToList(std::string &list, const std::string &item, const char *separator = ", ");

// "ns/name" when `ns` differs from `fromNs`, else "name".
std::string shortReference(const std::string &ns, const std::string &name, const std::string &fromNs);

// A host as a person wrote it or would: "reviews" for a Service in `fromNs`,
// "reviews.prod.svc.cluster.local" otherwise.
std::string displayHost(const std::string &fqdn, const std::string &fromNs);

} // namespace meshlane
