// SPDX-License-Identifier: MIT
#include "analysis/analysiscontext.h"

#include "model/hostname.h"

namespace meshlane {

const char *DestinationUse::roleName() const
{
    switch (role) {
    case DestinationRole::Route: return "destination";
    case DestinationRole::Mirror: return "mirror";
    case DestinationRole::Mirrors: return "mirrors destination";
    case DestinationRole::Tcp: return "tcp destination";
    case DestinationRole::Tls: return "tls destination";
    }
    return "destination";
}

namespace {

// The labels Istio gives a pod on `node`: its region, zone and subzone (when
// not empty) and kubernetes.io/hostname from the pod's node name.
Labels withNodeLabels(Labels labels, const std::string &nodeName, const Node *node)
{
    if (node) {
        const auto label = [&](const char *key) {
            const auto it = node->meta.labels.find(key);
            return it == node->meta.labels.end() ? std::string() : it->second;
        };
        std::string locality = label("topology.kubernetes.io/region");
        const std::string zone = label("topology.kubernetes.io/zone");
        if (!zone.empty()) {
            locality += '/' + zone;
            const std::string subzone = label("topology.istio.io/subzone");
            if (!subzone.empty())
                locality += '/' + subzone;
        }
        // Istio round-trips through the locality string: "/zone" gives an empty region.
        const char *keys[] = {"topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"};
        size_t start = 0;
        for (const char *key : keys) {
            const size_t slash = locality.find('/', start);
            const std::string part = locality.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            if (!part.empty())
                labels[key] = part;
            if (slash == std::string::npos)
                break;
            start = slash + 1;
        }
    }
    if (!nodeName.empty())
        labels["kubernetes.io/hostname"] = nodeName;
    return labels;
}

} // namespace

AnalysisContext::AnalysisContext(const Mesh &mesh)
    : m_mesh(mesh)
    , m_hosts(mesh)
{
    std::unordered_map<std::string, const Node *> nodes;
    for (const auto &node : mesh.nodes)
        nodes.emplace(node->meta.name, node.get());
    bool ingressPodWritten = false;
    for (const auto &workload : mesh.workloads) {
        const auto node = nodes.find(workload->nodeName);
        m_pods.push_back({workload.get(), workload->meta.ns, workload->meta.name,
                          withNodeLabels(workload->podLabels, workload->nodeName,
                                         node == nodes.end() ? nullptr : node->second)});
        ingressPodWritten = ingressPodWritten
            || (workload->meta.ns == "istio-system" && workload->meta.name == "istio-ingressgateway-dummypod");
    }
    if (!ingressPodWritten)
        m_pods.push_back({nullptr, "istio-system", "istio-ingressgateway-dummypod", {{"istio", "ingressgateway"}}});
    for (const auto &workload : mesh.workloads) {
        m_workloadsByNamespace[workload->meta.ns].push_back(workload.get());
        auto &byLabel = m_workloadsByLabel[workload->meta.ns];
        for (const auto &[key, value] : workload->podLabels)
            byLabel[key + '=' + value].push_back(workload.get());
    }
}

std::vector<const Workload *> AnalysisContext::workloadsOf(const Service &service, const Labels &subsetLabels) const
{
    std::vector<const Workload *> result;
    if (!service.hasSelector)
        return result;
    Labels wanted = service.selector;
    for (const auto &[key, value] : subsetLabels) {
        const auto [it, inserted] = wanted.emplace(key, value);
        if (!inserted && it->second != value)
            return result; // the subset contradicts the selector: no pod can have both
    }
    // Scan the smallest candidate list: the rarest label decides.
    const std::vector<const Workload *> *candidates = nullptr;
    if (wanted.empty()) {
        const auto it = m_workloadsByNamespace.find(service.meta.ns);
        if (it == m_workloadsByNamespace.end())
            return result;
        candidates = &it->second;
    } else {
        const auto ns = m_workloadsByLabel.find(service.meta.ns);
        if (ns == m_workloadsByLabel.end())
            return result;
        for (const auto &[key, value] : wanted) {
            const auto it = ns->second.find(key + '=' + value);
            if (it == ns->second.end())
                return result;
            if (!candidates || it->second.size() < candidates->size())
                candidates = &it->second;
        }
    }
    for (const Workload *workload : *candidates) {
        if (labelsMatch(wanted, workload->podLabels))
            result.push_back(workload);
    }
    return result;
}

std::vector<uint32_t> AnalysisContext::portsOf(const std::string &fqdn) const
{
    std::vector<uint32_t> ports;
    if (const Service *service = m_mesh.findService(fqdn)) {
        for (const ServicePort &port : service->ports)
            ports.push_back(port.port);
        return ports;
    }
    const std::vector<const ServiceEntry *> entries = m_mesh.serviceEntriesFor(fqdn);
    if (!entries.empty()) {
        for (const ServiceEntryPort &port : entries.front()->ports)
            ports.push_back(port.number);
    }
    return ports;
}

Diagnostic &AnalysisContext::report(const char *code, Severity severity, const ResourceMeta &resource,
                             const SourceLocation &at, std::string message, std::string fix)
{
    Diagnostic diagnostic;
    diagnostic.code = code;
    diagnostic.severity = severity;
    diagnostic.resource = resource.id();
    diagnostic.location = at.isValid() ? at : resource.location;
    diagnostic.message = std::move(message);
    diagnostic.fix = std::move(fix);
    m_diagnostics.push_back(std::move(diagnostic));
    return m_diagnostics.back();
}

void forEachDestination(const VirtualService &vs, const std::function<void(const DestinationUse &)> &visit)
{
    for (size_t i = 0; i < vs.http.size(); ++i) {
        const HttpRoute &route = vs.http[i];
        for (const RouteDestination &entry : route.route)
            visit({&entry.destination, DestinationRole::Route, i});
        if (route.mirror)
            visit({&*route.mirror, DestinationRole::Mirror, i});
        for (const MirrorPolicy &policy : route.mirrors)
            visit({&policy.destination, DestinationRole::Mirrors, i});
    }
    for (size_t i = 0; i < vs.tcp.size(); ++i) {
        for (const RouteDestination &entry : vs.tcp[i].route)
            visit({&entry.destination, DestinationRole::Tcp, i});
    }
    for (size_t i = 0; i < vs.tls.size(); ++i) {
        for (const RouteDestination &entry : vs.tls[i].route)
            visit({&entry.destination, DestinationRole::Tls, i});
    }
}

std::string describeHttpRoute(const VirtualService &vs, size_t index)
{
    std::string text = "http[" + std::to_string(index) + ']';
    if (index < vs.http.size() && !vs.http[index].name.empty())
        text += " (\"" + vs.http[index].name + "\")";
    return text;
}

std::string describeLocation(const SourceLocation &location, const SourceLocation &from)
{
    if (!location.isValid())
        return location.file;
    if (location.file == from.file)
        return "line " + std::to_string(location.line);
    return location.toString();
}

void appendToList(std::string &list, const std::string &item, const char *separator)
{
    if (!list.empty())
        list += separator;
    list += item;
}

std::string shortReference(const std::string &ns, const std::string &name, const std::string &fromNs)
{
    return ns == fromNs ? name : ns + '/' + name;
}

std::string displayHost(const std::string &fqdn, const std::string &fromNs)
{
    std::string name;
    std::string ns;
    if (splitServiceFqdn(fqdn, &name, &ns) && ns == fromNs)
        return name;
    return fqdn;
}

} // namespace meshlane
