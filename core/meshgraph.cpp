#include "meshgraph.h"

#include "hostname.h"
#include "mesh.h"

#include <map>
#include <set>

namespace meshlane {

namespace {

std::string labelValue(const Labels &labels, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const auto it = labels.find(key);
        if (it != labels.end() && !it->second.empty())
            return it->second;
    }
    return {};
}

std::string appOf(const Workload &workload)
{
    const std::string app = labelValue(workload.podLabels, {"app", "app.kubernetes.io/name"});
    return app.empty() ? workload.meta.name : app;
}

std::string versionOf(const Workload &workload)
{
    const std::string version = labelValue(workload.podLabels, {"version", "app.kubernetes.io/version"});
    return version.empty() ? workload.meta.name : version;
}

std::string serviceNodeId(const std::string &fqdn) { return "svc:" + fqdn; }
std::string workloadNodeId(const Workload &workload) { return "wl:" + workload.meta.ns + '/' + workload.meta.name; }
std::string externalNodeId(const std::string &host) { return "ext:" + toLower(host); }

std::string describeMatch(const HttpRoute &route)
{
    std::string text;
    for (const HttpMatchRequest &block : route.match) {
        if (!text.empty())
            text += " or ";
        text += block.describe();
    }
    return text;
}

struct Target
{
    int node = -1;
    double fraction = 1; // of the destination's traffic
};

} // namespace

class MeshGraph::Builder
{
public:
    Builder(const Mesh &mesh, const EdgeShareModel &shares, MeshGraph &graph)
        : m_mesh(mesh), m_shares(shares), m_graph(graph)
    {
    }

    void run()
    {
        for (const auto &gateway : m_mesh.gateways)
            node(addNode("gw:" + gateway->meta.ns + '/' + gateway->meta.name, GraphNodeKind::Gateway,
                         gateway->meta.name, gateway->meta.ns)).resource = gateway->meta.id();
        for (const auto &service : m_mesh.services)
            node(addNode(serviceNodeId(service->fqdn()), GraphNodeKind::Service, service->meta.name,
                         service->meta.ns)).resource = service->meta.id();
        for (const auto &entry : m_mesh.serviceEntries) {
            for (const std::string &host : entry->hosts)
                node(addNode(externalNodeId(host), GraphNodeKind::External, host, entry->meta.ns)).resource =
                    entry->meta.id();
        }
        addWorkloads();

        std::set<std::string> routedHosts; // Istio applies one VirtualService per host; later ones conflict
        for (const auto &virtualService : m_mesh.virtualServices)
            addVirtualService(*virtualService, routedHosts);
        for (const auto &service : m_mesh.services) {
            if (!routedHosts.count(service->fqdn()))
                addKubernetesSplit(*service);
        }
    }

private:
    // Mesh::workloadsOf scans the namespace on every call; with every route of
    // every VirtualService asking, that is quadratic (half a second for 1,000
    // services). An index by the selector's first label plus a per-Service
    // cache makes it linear.
    const std::vector<const Workload *> &workloadsOf(const Service &service)
    {
        const auto cached = m_workloadsOfService.find(&service);
        if (cached != m_workloadsOfService.end())
            return cached->second;
        std::vector<const Workload *> &result = m_workloadsOfService[&service];
        if (!service.hasSelector || service.selector.empty()) {
            result = m_mesh.workloadsOf(service); // nothing to index on
            return result;
        }
        if (m_workloadsByLabel.empty()) {
            for (const auto &workload : m_mesh.workloads) {
                for (const auto &[key, value] : workload->podLabels)
                    m_workloadsByLabel[labelKey(workload->meta.ns, key, value)].push_back(workload.get());
            }
        }
        const auto &[key, value] = *service.selector.begin();
        const auto candidates = m_workloadsByLabel.find(labelKey(service.meta.ns, key, value));
        if (candidates == m_workloadsByLabel.end())
            return result;
        for (const Workload *workload : candidates->second) {
            if (labelsMatch(service.selector, workload->podLabels))
                result.push_back(workload);
        }
        return result;
    }

    std::vector<const Workload *> workloadsOf(const Service &service, const Labels &subsetLabels)
    {
        std::vector<const Workload *> result;
        for (const Workload *workload : workloadsOf(service)) {
            if (labelsMatch(subsetLabels, workload->podLabels))
                result.push_back(workload);
        }
        return result;
    }

    static std::string labelKey(const std::string &ns, const std::string &key, const std::string &value)
    {
        return ns + '\n' + key + '=' + value; // no label key or namespace contains a newline
    }

    // The existing node when `id` is taken: the first definition wins.
    int addNode(const std::string &id, GraphNodeKind kind, const std::string &label, const std::string &ns,
                const std::string &problem = {})
    {
        const auto [it, inserted] = m_graph.m_nodeById.emplace(id, int(m_graph.m_nodes.size()));
        if (inserted) {
            GraphNode &added = m_graph.m_nodes.emplace_back();
            added.id = id;
            added.kind = kind;
            added.label = label;
            added.ns = ns;
            added.problem = problem;
        }
        return it->second;
    }

    GraphNode &node(int index) { return m_graph.m_nodes[size_t(index)]; }

    void addWorkloads()
    {
        for (const auto &workload : m_mesh.workloads) {
            const std::string ns = workload->meta.ns;
            const std::string app = appOf(*workload);
            const int box = addNode("app:" + ns + '/' + app, GraphNodeKind::App, app, ns);
            node(box).podCount += workload->replicas;
            GraphNode &version = node(addNode(workloadNodeId(*workload), GraphNodeKind::Version, versionOf(*workload), ns));
            version.parent = box;
            version.podCount = workload->replicas;
            version.resource = workload->meta.id();
        }
    }

    // Where a VirtualService's rules take effect: its gateways and, for mesh
    // rules, each host's own node.
    std::vector<int> sourcesOf(const VirtualService &virtualService, std::set<std::string> &routedHosts)
    {
        std::vector<int> sources;
        for (const std::string &ref : virtualService.gatewayRefs()) {
            const std::string id = "gw:" + ref;
            const size_t slash = ref.find('/');
            sources.push_back(addNode("gw:" + ref, GraphNodeKind::Gateway, ref.substr(slash + 1), ref.substr(0, slash),
                                      "Gateway " + ref + " is not defined"));
        }
        if (!virtualService.appliesToMesh())
            return sources;
        for (const std::string &host : virtualService.hostFqdns) {
            if (!routedHosts.insert(host).second)
                continue;
            sources.push_back(hostNode(host, /*placeholderProblem=*/{}));
        }
        return sources;
    }

    // The node for a host that is not one of our Services' version sets.
    int hostNode(const std::string &fqdn, const std::string &placeholderProblem)
    {
        if (m_mesh.findService(fqdn))
            return m_graph.nodeIndex(serviceNodeId(fqdn));
        for (const ServiceEntry *entry : m_mesh.serviceEntriesFor(fqdn)) {
            for (const std::string &pattern : entry->hosts) {
                if (hostMatchesPattern(pattern, fqdn))
                    return m_graph.nodeIndex(externalNodeId(pattern));
            }
        }
        const bool wildcard = fqdn.find('*') != std::string::npos;
        return addNode("host:" + fqdn, GraphNodeKind::Service, fqdn, {}, wildcard ? std::string() : placeholderProblem);
    }

    std::vector<Target> podSplit(const std::vector<const Workload *> &workloads)
    {
        int pods = 0;
        for (const Workload *workload : workloads)
            pods += std::max(0, workload->replicas);
        std::vector<Target> targets;
        for (const Workload *workload : workloads) {
            // With no pods at all (replicas: 0 everywhere) show the split Kubernetes would use once scaled up.
            const double fraction = pods > 0 ? double(std::max(0, workload->replicas)) / pods : 1.0 / double(workloads.size());
            targets.push_back({m_graph.nodeIndex(workloadNodeId(*workload)), fraction});
        }
        return targets;
    }

    int subsetPlaceholder(const Service &service, const std::string &subset, const std::string &problem)
    {
        const std::vector<const Workload *> &workloads = workloadsOf(service);
        const int index = addNode("subset:" + service.fqdn() + '/' + subset, GraphNodeKind::Version, subset,
                                  service.meta.ns, problem);
        // Drawn among the versions the subset should have selected.
        if (!workloads.empty())
            node(index).parent = node(m_graph.nodeIndex(workloadNodeId(*workloads.front()))).parent;
        return index;
    }

    std::vector<Target> resolve(const Destination &destination, int source, std::string *problem)
    {
        const std::string &fqdn = destination.fqdn;
        const Service *service = m_mesh.findService(fqdn);
        if (!service) {
            const int host = hostNode(fqdn, "host " + destination.host + " is neither a Service nor a ServiceEntry host");
            if (!node(host).problem.empty())
                *problem = node(host).problem;
            else if (!destination.subset.empty() && !m_mesh.findSubset(fqdn, destination.subset))
                *problem = "subset " + destination.subset + " is not defined for host " + destination.host;
            return {{host, 1}};
        }
        if (destination.subset.empty()) {
            const int serviceNode = m_graph.nodeIndex(serviceNodeId(fqdn));
            if (serviceNode != source)
                return {{serviceNode, 1}};
            const auto workloads = workloadsOf(*service);
            if (!workloads.empty())
                return podSplit(workloads);
            *problem = "Service " + service->meta.name + " selects no pods";
            return {{subsetPlaceholder(*service, "(no pods)", *problem), 1}};
        }
        const Subset *subset = m_mesh.findSubset(fqdn, destination.subset);
        if (!subset) {
            *problem = "subset " + destination.subset + " is not defined for host " + destination.host;
            return {{subsetPlaceholder(*service, destination.subset, *problem), 1}};
        }
        const auto workloads = workloadsOf(*service, subset->labels);
        if (workloads.empty()) {
            *problem = "subset " + destination.subset + " selects no pods";
            return {{subsetPlaceholder(*service, destination.subset, *problem), 1}};
        }
        return podSplit(workloads);
    }

    void addEdge(int from, const Target &target, GraphEdgeKind kind, double share, const HttpRoute *route,
                 int routeIndex, const std::string &virtualService, const std::string &problem)
    {
        std::string id = m_graph.m_nodes[size_t(from)].id + " > " + m_graph.m_nodes[size_t(target.node)].id;
        if (kind == GraphEdgeKind::Mirror)
            id += " ~";
        const bool conditional = route && !route->matchesEverything();
        const auto [it, inserted] = m_graph.m_edgeById.emplace(id, int(m_graph.m_edges.size()));
        if (inserted) {
            GraphEdge &added = m_graph.m_edges.emplace_back();
            added.id = id;
            added.from = from;
            added.to = target.node;
            added.kind = kind;
            added.conditional = conditional;
            added.condition = conditional ? describeMatch(*route) : std::string();
            added.virtualService = virtualService;
            added.route = routeIndex;
            added.problem = problem;
        }
        GraphEdge &edge = m_graph.m_edges[size_t(it->second)];
        if (kind == GraphEdgeKind::Mirror)
            edge.share = std::max(edge.share, share * target.fraction);
        else
            edge.share += share * target.fraction;
        if (!conditional) {
            edge.conditional = false;
            edge.condition.clear();
        }
        if (edge.problem.empty())
            edge.problem = problem;
        for (int end : {from, target.node}) {
            if (!virtualService.empty() && node(end).virtualService.empty())
                node(end).virtualService = virtualService;
        }
    }

    void addVirtualService(const VirtualService &virtualService, std::set<std::string> &routedHosts)
    {
        const std::vector<int> sources = sourcesOf(virtualService, routedHosts);
        if (sources.empty())
            return;
        const std::string ref = virtualService.meta.ns + '/' + virtualService.meta.name;
        std::map<std::pair<int, int>, double> shares;
        int destinationsWithTraffic = 0;
        for (const DestinationShare &share : m_shares(m_mesh, virtualService)) {
            shares[{share.route, share.destination}] += share.share;
            destinationsWithTraffic += share.share > 0 ? 1 : 0;
        }
        for (int source : sources) {
            GraphNode &sourceNode = node(source);
            if (sourceNode.virtualService.empty())
                sourceNode.virtualService = ref;
            sourceNode.splitsTraffic = sourceNode.splitsTraffic || destinationsWithTraffic > 1;
            for (size_t r = 0; r < virtualService.http.size(); ++r) {
                const HttpRoute &route = virtualService.http[r];
                for (size_t d = 0; d < route.route.size(); ++d) {
                    const auto found = shares.find({int(r), int(d)});
                    const double share = found == shares.end() ? 0.0 : found->second;
                    std::string problem;
                    for (const Target &target : resolve(route.route[d].destination, source, &problem))
                        addEdge(source, target, GraphEdgeKind::Route, share, &route, int(r), ref, problem);
                }
                addMirrors(source, route, int(r), ref);
            }
        }
    }

    void addMirrors(int source, const HttpRoute &route, int routeIndex, const std::string &ref)
    {
        std::vector<std::pair<const Destination *, double>> mirrors;
        if (route.mirror) {
            const double percent = route.mirrorPercentage ? *route.mirrorPercentage
                : route.legacyMirrorPercent                ? double(*route.legacyMirrorPercent)
                                                           : 100.0;
            mirrors.emplace_back(&*route.mirror, percent);
        }
        for (const MirrorPolicy &policy : route.mirrors)
            mirrors.emplace_back(&policy.destination, policy.percentage.value_or(100.0));
        for (const auto &[destination, percent] : mirrors) {
            std::string problem;
            for (const Target &target : resolve(*destination, source, &problem))
                addEdge(source, target, GraphEdgeKind::Mirror, percent / 100.0, nullptr, routeIndex, ref, problem);
        }
    }

    // No VirtualService: kube-proxy/Envoy spread requests over the endpoints,
    // so each version's share follows its pod count.
    void addKubernetesSplit(const Service &service)
    {
        const int source = m_graph.nodeIndex(serviceNodeId(service.fqdn()));
        for (const Target &target : podSplit(workloadsOf(service)))
            addEdge(source, target, GraphEdgeKind::Route, 1.0, nullptr, -1, {}, {});
    }

    const Mesh &m_mesh;
    const EdgeShareModel &m_shares;
    MeshGraph &m_graph;
    std::unordered_map<std::string, std::vector<const Workload *>> m_workloadsByLabel;
    std::unordered_map<const Service *, std::vector<const Workload *>> m_workloadsOfService;
};

MeshGraph MeshGraph::build(const Mesh &mesh, const EdgeShareModel &shares)
{
    MeshGraph graph;
    Builder(mesh, shares, graph).run();
    return graph;
}

int MeshGraph::nodeIndex(const std::string &id) const
{
    const auto it = m_nodeById.find(id);
    return it == m_nodeById.end() ? -1 : it->second;
}

int MeshGraph::edgeIndex(const std::string &id) const
{
    const auto it = m_edgeById.find(id);
    return it == m_edgeById.end() ? -1 : it->second;
}

const GraphNode *MeshGraph::findNode(const std::string &id) const
{
    const int index = nodeIndex(id);
    return index < 0 ? nullptr : &m_nodes[size_t(index)];
}

bool MeshGraph::sameTopology(const MeshGraph &other) const
{
    if (m_nodes.size() != other.m_nodes.size() || m_edges.size() != other.m_edges.size())
        return false;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].id != other.m_nodes[i].id || m_nodes[i].parent != other.m_nodes[i].parent)
            return false;
    }
    for (size_t i = 0; i < m_edges.size(); ++i) {
        if (m_edges[i].id != other.m_edges[i].id)
            return false;
    }
    return true;
}

std::vector<int> MeshGraph::edgesOfVirtualService(const std::string &nsName) const
{
    std::vector<int> result;
    for (size_t i = 0; i < m_edges.size(); ++i) {
        if (m_edges[i].virtualService == nsName)
            result.push_back(int(i));
    }
    return result;
}

std::vector<int> MeshGraph::nodesOfVirtualService(const std::string &nsName) const
{
    std::set<int> nodes;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].virtualService == nsName)
            nodes.insert(int(i));
    }
    for (int edge : edgesOfVirtualService(nsName)) {
        nodes.insert(m_edges[size_t(edge)].from);
        nodes.insert(m_edges[size_t(edge)].to);
    }
    return {nodes.begin(), nodes.end()};
}

int MeshGraph::nodeForResource(const Mesh &mesh, const ResourceId &resource) const
{
    const std::string ref = resource.ns + '/' + resource.name;
    if (resource.kind == "Service")
        return nodeIndex(serviceNodeId(resource.name + '.' + resource.ns + ".svc.cluster.local"));
    if (resource.kind == "Gateway")
        return nodeIndex("gw:" + ref);
    if (resource.kind == "VirtualService") {
        const std::vector<int> nodes = nodesOfVirtualService(ref);
        for (int node : nodes) {
            if (m_nodes[size_t(node)].virtualService == ref && m_nodes[size_t(node)].kind != GraphNodeKind::Version)
                return node;
        }
        return nodes.empty() ? -1 : nodes.front();
    }
    if (resource.kind == "DestinationRule") {
        for (const auto &rule : mesh.destinationRules) {
            if (rule->meta.ns == resource.ns && rule->meta.name == resource.name) {
                const int node = nodeIndex(serviceNodeId(rule->fqdn));
                return node >= 0 ? node : nodeIndex(externalNodeId(rule->fqdn));
            }
        }
        return -1;
    }
    if (resource.kind == "ServiceEntry") {
        for (const auto &entry : mesh.serviceEntries) {
            if (entry->meta.ns == resource.ns && entry->meta.name == resource.name && !entry->hosts.empty())
                return nodeIndex(externalNodeId(entry->hosts.front()));
        }
        return -1;
    }
    return nodeIndex("wl:" + ref); // Deployment, StatefulSet, Pod...: one version node each
}

} // namespace meshlane
