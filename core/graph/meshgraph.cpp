// SPDX-License-Identifier: MIT
#include "graph/meshgraph.h"

#include "base/serial.h"
#include "graph/routedrawing.h"
#include "model/hostname.h"
#include "model/mesh.h"
#include "routing/gatewayapiattachment.h"
#include "routing/gatewayapiroutes.h"
#include "routing/routeresource.h"

#include <algorithm>
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

// A rule with no condition beyond PathPrefix "/": it takes every request.
bool takesEveryRequest(const RouteRule &rule)
{
    if (rule.matches.empty())
        return true;
    return std::any_of(rule.matches.begin(), rule.matches.end(), [](const RouteMatch &match) {
        return match.headers.empty() && match.queryParams.empty() && match.method.empty() && match.grpcService.empty()
            && match.grpcMethod.empty()
            && (!match.path || (match.path->kind == StringMatch::Kind::PathPrefix && match.path->value == "/"));
    });
}

bool sameAnswer(const std::vector<DestinationShare> &a, const std::vector<DestinationShare> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const DestinationShare &x, const DestinationShare &y) {
        return x.route == y.route && x.destination == y.destination && x.share == y.share;
    });
}

struct Target
{
    int node = -1;
    double fraction = 1; // of the destination's traffic
};

// The share model's answer as the builder reads it: summed per (route,
// destination), and how many destinations get traffic (more than one: a badge).
struct ShareTable
{
    std::map<std::pair<int, int>, double> shares;
    int destinationsWithTraffic = 0;

    explicit ShareTable(const std::vector<DestinationShare> &answer)
    {
        for (const DestinationShare &share : answer) {
            shares[{share.route, share.destination}] += share.share;
            destinationsWithTraffic += share.share > 0 ? 1 : 0;
        }
    }

    double of(int route, int destination) const
    {
        const auto found = shares.find({route, destination});
        return found == shares.end() ? 0.0 : found->second;
    }
};

} // namespace

// How the share model's answers became edge shares and badges, recorded while
// building, so update() can redo exactly that arithmetic for a few
// VirtualServices (same terms, same order: the same doubles as a build).
struct MeshGraph::ShareRecipe
{
    struct Term
    {
        int virtualService = -1; // position in Mesh::virtualServices; -1: plain Kubernetes, share 1
        int route = 0;
        int destination = 0;
        double fraction = 1; // of the destination's traffic that reaches this edge's end
    };
    std::vector<std::vector<Term>> edgeTerms;   // per edge (route edges; mirrors have none)
    std::vector<std::vector<int>> badgeSources; // per node: VirtualServices whose split sets its badge
    std::vector<std::vector<int>> edgesOf;      // per VirtualService: edges its terms feed
    std::vector<std::vector<int>> nodesOf;      // per VirtualService: nodes it may badge
    std::vector<char> asked;                    // per VirtualService: the share model was asked
};

class MeshGraph::Builder
{
public:
    Builder(const Mesh &mesh, const EdgeShareModel &shares, MeshGraph &graph)
        : m_mesh(mesh), m_shares(shares), m_graph(graph), m_ids(*graph.m_ids)
    {
        m_recipe.edgesOf.resize(mesh.virtualServices.size());
        m_recipe.nodesOf.resize(mesh.virtualServices.size());
        m_recipe.asked.resize(mesh.virtualServices.size(), 0);
        m_answers.resize(mesh.virtualServices.size());
    }

    ShareRecipe takeRecipe()
    {
        m_recipe.edgeTerms.resize(m_graph.m_edges.size());
        m_recipe.badgeSources.resize(m_graph.m_nodes->size());
        return std::move(m_recipe);
    }
    Shares takeAnswers() { return Shares(std::move(m_answers)); }

    void run()
    {
        for (const auto &gateway : m_mesh.gateways)
            node(addNode("gw:" + gateway->meta.ns + '/' + gateway->meta.name, GraphNodeKind::Gateway,
                         gateway->meta.name, gateway->meta.ns)).resource = gateway->meta.id();
        for (const auto &gateway : m_mesh.k8sGateways)
            node(addNode("gw:" + gateway->ref(), GraphNodeKind::Gateway, gateway->meta.name, gateway->meta.ns))
                .resource = gateway->meta.id();
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
        for (size_t i = 0; i < m_mesh.virtualServices.size(); ++i)
            addVirtualService(*m_mesh.virtualServices[i], int(i), routedHosts);
        for (const auto &route : m_mesh.gatewayApiRoutes)
            addGatewayApiRoute(*route, routedHosts);
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
        const auto [it, inserted] = m_ids.nodes.emplace(id, int(m_graph.m_nodes->size()));
        if (inserted) {
            GraphNode &added = m_graph.m_nodes->emplace_back();
            added.id = id;
            added.kind = kind;
            added.label = label;
            added.ns = ns;
            added.problem = problem;
        }
        return it->second;
    }

    GraphNode &node(int index) { return (*m_graph.m_nodes)[size_t(index)]; }

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

    // `term`: where a route edge's share came from (null for mirrors).
    // Which rule an edge comes from: its list ("http", "tcp", "tls"), its index
    // there, and its match when only some traffic takes it (null: all does).
    struct EdgeRule
    {
        const char *section = "http";
        int index = -1;
        const std::string *condition = nullptr;
    };

    void addEdge(int from, const Target &target, GraphEdgeKind kind, double share, const EdgeRule &rule,
                 const std::string &virtualService, const std::string &problem, const ShareRecipe::Term *term)
    {
        std::string id = node(from).id + " > " + node(target.node).id;
        if (kind == GraphEdgeKind::Mirror)
            id += " ~";
        const bool conditional = rule.condition != nullptr;
        const auto [it, inserted] = m_ids.edges.emplace(id, int(m_graph.m_edges.size()));
        if (inserted) {
            GraphEdge &added = m_graph.m_edges.emplace_back();
            added.id = id;
            added.from = from;
            added.to = target.node;
            added.kind = kind;
            added.conditional = conditional;
            added.condition = conditional ? *rule.condition : std::string();
            added.virtualService = virtualService;
            added.route = rule.index;
            added.section = rule.section;
            added.problem = problem;
        }
        GraphEdge &edge = m_graph.m_edges.mutableAt(size_t(it->second));
        if (kind == GraphEdgeKind::Mirror)
            edge.share = std::max(edge.share, share * target.fraction);
        else
            edge.share += share * target.fraction;
        if (term) {
            if (m_recipe.edgeTerms.size() <= size_t(it->second))
                m_recipe.edgeTerms.resize(size_t(it->second) + 1);
            m_recipe.edgeTerms[size_t(it->second)].push_back({term->virtualService, term->route, term->destination,
                                                              target.fraction});
            if (term->virtualService >= 0) {
                std::vector<int> &edges = m_recipe.edgesOf[size_t(term->virtualService)];
                if (edges.empty() || edges.back() != it->second)
                    edges.push_back(it->second);
            }
        }
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

    void addVirtualService(const VirtualService &virtualService, int position, std::set<std::string> &routedHosts)
    {
        const std::vector<int> sources = sourcesOf(virtualService, routedHosts);
        if (sources.empty())
            return;
        const std::string ref = virtualService.meta.ns + '/' + virtualService.meta.name;
        m_answers[size_t(position)] = m_shares(m_mesh, virtualService);
        m_recipe.asked[size_t(position)] = 1;
        const ShareTable table(m_answers[size_t(position)]);
        for (int source : sources) {
            GraphNode &sourceNode = node(source);
            if (sourceNode.virtualService.empty())
                sourceNode.virtualService = ref;
            sourceNode.splitsTraffic = sourceNode.splitsTraffic || table.destinationsWithTraffic > 1;
            if (m_recipe.badgeSources.size() <= size_t(source))
                m_recipe.badgeSources.resize(size_t(source) + 1);
            m_recipe.badgeSources[size_t(source)].push_back(position);
            m_recipe.nodesOf[size_t(position)].push_back(source);
            for (size_t r = 0; r < virtualService.http.size(); ++r) {
                const HttpRoute &route = virtualService.http[r];
                const std::string condition = route.matchesEverything() ? std::string() : describeMatch(route);
                const EdgeRule rule{"http", int(r), condition.empty() ? nullptr : &condition};
                for (size_t d = 0; d < route.route.size(); ++d) {
                    const double share = table.of(int(r), int(d));
                    const ShareRecipe::Term term{position, int(r), int(d), 1};
                    std::string problem;
                    for (const Target &target : resolve(route.route[d].destination, source, &problem))
                        addEdge(source, target, GraphEdgeKind::Route, share, rule, ref, problem, &term);
                }
                addMirrors(source, route, int(r), ref);
            }
            addL4Routes(virtualService, "tcp", virtualService.tcp, position, source, table, ref);
            addL4Routes(virtualService, "tls", virtualService.tls, position, source, table, ref);
        }
    }

    void addL4Routes(const VirtualService &virtualService, const char *section, const std::vector<L4Route> &routes,
                     int position, int source, const ShareTable &table, const std::string &ref)
    {
        for (size_t r = 0; r < routes.size(); ++r) {
            const L4Route &route = routes[r];
            const std::string condition = narrowsConnections(route) ? describeMatch(route) : std::string();
            const EdgeRule rule{section, int(r), condition.empty() ? nullptr : &condition};
            const int key = shareRouteIndex(virtualService, section, int(r));
            for (size_t d = 0; d < route.route.size(); ++d) {
                const ShareRecipe::Term term{position, key, int(d), 1};
                std::string problem;
                for (const Target &target : resolve(route.route[d].destination, source, &problem))
                    addEdge(source, target, GraphEdgeKind::Route, table.of(key, int(d)), rule, ref, problem, &term);
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
                addEdge(source, target, GraphEdgeKind::Mirror, percent / 100.0, EdgeRule{"http", routeIndex, nullptr},
                        ref, problem, nullptr);
        }
    }

    // A Gateway API backend ends at the pods of its Service, drawn in their
    // app box: per-version Services (reviews-v1, reviews-v2) then show as the
    // versions of one app, as in Kiali's versioned-app graph.
    std::vector<Target> backendTargets(const GatewayApiRoute &route, const RouteBackendRef &backend, bool enforceGrant,
                                       std::string *problem)
    {
        const std::string reason = backendProblem(m_mesh, route, backend, enforceGrant);
        if (!reason.empty()) {
            *problem = "backendRef " + backend.name + " does not resolve (" + reason
                + (route.isHttpLike() ? "): its share gets 500" : "): its share of connections is closed");
            return {{hostNode(backend.fqdn(), *problem), 1}};
        }
        const Service &service = *m_mesh.findService(backend.fqdn());
        const auto &workloads = workloadsOf(service);
        if (!workloads.empty())
            return podSplit(workloads);
        *problem = "Service " + service.meta.name + " selects no pods";
        return {{subsetPlaceholder(service, "(no pods)", *problem), 1}};
    }

    // HTTPRoute / GRPCRoute / TCPRoute / TLSRoute: edges from
    // each accepted parent (a Gateway, or the Service of a mesh route) to its
    // backends. Shares are the weights of the first rule that takes every
    // request, as a request with no special headers would see them; the
    // other rules' edges are conditional.
    void addGatewayApiRoute(const GatewayApiRoute &route, std::set<std::string> &routedHosts)
    {
        // A TCPRoute's or TLSRoute's edges carry connections: the view tags them.
        const char *section = route.meta.kind == "TCPRoute" ? "tcp" : route.meta.kind == "TLSRoute" ? "tls" : "http";

        std::vector<std::pair<int, bool>> sources; // node, needs a ReferenceGrant
        for (const ParentAttachment &attachment : attachRoute(m_mesh, route)) {
            if (!attachment.accepted())
                continue;
            if (attachment.gateway)
                sources.emplace_back(m_graph.nodeIndex("gw:" + attachment.gateway->ref()), true);
            else if (attachment.service && routedHosts.insert(attachment.service->fqdn()).second)
                sources.emplace_back(m_graph.nodeIndex(serviceNodeId(attachment.service->fqdn())), false);
        }
        const std::string ref = RouteResource{route.meta.kind, route.meta.ns, route.meta.name}.ref();
        bool catchAllSeen = false;
        for (size_t r = 0; r < route.rules.size(); ++r) {
            const RouteRule &rule = route.rules[r];
            const bool catchAll = !catchAllSeen && takesEveryRequest(rule);
            catchAllSeen = catchAllSeen || catchAll;
            int64_t total = 0;
            for (const RouteBackendRef &backend : rule.backendRefs)
                total += backend.weight;
            for (const auto &[source, enforceGrant] : sources) {
                // The rule as Istio compiles it (first match): its condition text and mirrors.
                const HttpRoute http = gatewayApiHttpRoute(m_mesh, route, int(r), rule.matches.empty() ? -1 : 0,
                                                           std::nullopt, enforceGrant);
                const std::string condition = catchAll || http.matchesEverything() ? std::string() : describeMatch(http);
                const EdgeRule edgeRule{section, int(r), condition.empty() ? nullptr : &condition};
                for (const RouteBackendRef &backend : rule.backendRefs) {
                    if (backend.weight == 0)
                        continue;
                    const double share = catchAll && total > 0 ? double(backend.weight) / double(total) : 0.0;
                    std::string problem;
                    for (const Target &target : backendTargets(route, backend, enforceGrant, &problem))
                        addEdge(source, target, GraphEdgeKind::Route, share, edgeRule, ref, problem, nullptr);
                }
                for (const RouteFilter &filter : rule.filters) {
                    if (filter.type != "RequestMirror")
                        continue;
                    std::string problem;
                    for (const Target &target : backendTargets(route, filter.mirror, enforceGrant, &problem))
                        addEdge(source, target, GraphEdgeKind::Mirror, filter.mirrorPercent.value_or(100.0) / 100.0,
                                EdgeRule{"http", int(r), nullptr}, ref, problem, nullptr);
                }
                if (catchAll && rule.backendRefs.size() > 1)
                    node(source).splitsTraffic = true;
            }
        }
    }

    // No VirtualService: kube-proxy/Envoy spread requests over the endpoints,
    // so each version's share follows its pod count.
    void addKubernetesSplit(const Service &service)
    {
        const int source = m_graph.nodeIndex(serviceNodeId(service.fqdn()));
        const ShareRecipe::Term term{-1, 0, 0, 1};
        for (const Target &target : podSplit(workloadsOf(service)))
            addEdge(source, target, GraphEdgeKind::Route, 1.0, EdgeRule{}, {}, {}, &term);
    }

    const Mesh &m_mesh;
    const EdgeShareModel &m_shares;
    MeshGraph &m_graph;
    Ids &m_ids;
    ShareRecipe m_recipe;
    std::vector<std::vector<DestinationShare>> m_answers;
    std::unordered_map<std::string, std::vector<const Workload *>> m_workloadsByLabel;
    std::unordered_map<const Service *, std::vector<const Workload *>> m_workloadsOfService;
};

MeshGraph MeshGraph::build(const Mesh &mesh, const EdgeShareModel &shares)
{
    MeshGraph graph;
    graph.m_serial = nextSerial();
    graph.m_ids = std::make_shared<Ids>();
    Builder builder(mesh, shares, graph);
    builder.run();
    graph.m_recipe = std::make_shared<const ShareRecipe>(builder.takeRecipe());
    graph.m_shares = builder.takeAnswers();
    return graph;
}

MeshGraph MeshGraph::update(const MeshGraph &previous, const Mesh &previousMesh, const Mesh &mesh,
                            const EdgeShareModel &shares, const std::vector<char> *ask)
{
    if (!previous.m_recipe || !drawsTheSame(previousMesh, mesh))
        return build(mesh, shares);
    MeshGraph graph = previous;
    graph.m_incremental = true;
    graph.m_serial = nextSerial();
    graph.m_updatedFrom = previous.m_serial;
    graph.m_redoneNodes.clear();
    graph.m_redoneEdges.clear();
    const ShareRecipe &recipe = *graph.m_recipe;
    std::set<int> edges;
    std::set<int> nodes;
    for (size_t i = 0; i < mesh.virtualServices.size(); ++i) {
        if (!recipe.asked[i])
            continue; // build() did not ask either: no node is its source
        if (ask && !(*ask)[i])
            continue; // answers as before
        std::vector<DestinationShare> answer = shares(mesh, *mesh.virtualServices[i]);
        if (sameAnswer(answer, graph.m_shares[i]))
            continue;
        graph.m_shares.mutableAt(i) = std::move(answer);
        edges.insert(recipe.edgesOf[i].begin(), recipe.edgesOf[i].end());
        nodes.insert(recipe.nodesOf[i].begin(), recipe.nodesOf[i].end());
    }
    if (edges.empty() && nodes.empty())
        return graph;

    std::map<int, ShareTable> tables; // of the VirtualServices the redone edges and badges read
    const auto tableOf = [&](int position) -> const ShareTable & {
        auto found = tables.find(position);
        if (found == tables.end())
            found = tables.emplace(position, ShareTable(graph.m_shares[size_t(position)])).first;
        return found->second;
    };
    for (int index : edges) {
        double share = 0;
        for (const ShareRecipe::Term &term : recipe.edgeTerms[size_t(index)]) {
            const double part = term.virtualService < 0 ? 1.0 : tableOf(term.virtualService).of(term.route, term.destination);
            share += part * term.fraction;
        }
        graph.m_edges.mutableAt(size_t(index)).share = share;
        graph.m_redoneEdges.push_back(index);
    }
    for (int index : nodes) {
        bool splits = false;
        for (int position : recipe.badgeSources[size_t(index)])
            splits = splits || tableOf(position).destinationsWithTraffic > 1;
        if ((*graph.m_nodes)[size_t(index)].splitsTraffic == splits)
            continue;
        if (graph.m_nodes == previous.m_nodes) // copied on the first change only
            graph.m_nodes = std::make_shared<std::vector<GraphNode>>(*previous.m_nodes);
        (*graph.m_nodes)[size_t(index)].splitsTraffic = splits;
        graph.m_redoneNodes.push_back(index);
    }
    return graph;
}

int MeshGraph::nodeIndex(const std::string &id) const
{
    if (!m_ids)
        return -1;
    const auto it = m_ids->nodes.find(id);
    return it == m_ids->nodes.end() ? -1 : it->second;
}

int MeshGraph::edgeIndex(const std::string &id) const
{
    if (!m_ids)
        return -1;
    const auto it = m_ids->edges.find(id);
    return it == m_ids->edges.end() ? -1 : it->second;
}

const GraphNode *MeshGraph::findNode(const std::string &id) const
{
    const int index = nodeIndex(id);
    return index < 0 ? nullptr : &nodes()[size_t(index)];
}

MeshGraph MeshGraph::subgraph(const std::vector<int> &keep) const
{
    std::vector<int> position(nodes().size(), -1);
    std::vector<GraphNode> kept;
    kept.reserve(keep.size());
    for (const int node : keep) {
        position[size_t(node)] = int(kept.size());
        kept.push_back(nodes()[size_t(node)]);
    }
    for (GraphNode &node : kept) {
        if (node.parent >= 0)
            node.parent = position[size_t(node.parent)];
    }
    std::vector<GraphEdge> edges;
    for (const GraphEdge &edge : m_edges) {
        if (position[size_t(edge.from)] < 0 || position[size_t(edge.to)] < 0)
            continue;
        GraphEdge &copy = edges.emplace_back(edge);
        copy.from = position[size_t(edge.from)];
        copy.to = position[size_t(edge.to)];
    }
    return fromParts(std::move(kept), std::move(edges));
}

MeshGraph MeshGraph::fromParts(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges)
{
    MeshGraph graph;
    graph.m_serial = nextSerial();
    graph.m_ids = std::make_shared<Ids>();
    *graph.m_nodes = std::move(nodes);
    graph.m_edges = CowVector<GraphEdge>(std::move(edges));
    for (size_t i = 0; i < graph.m_nodes->size(); ++i)
        graph.m_ids->nodes.emplace((*graph.m_nodes)[i].id, int(i));
    for (size_t i = 0; i < graph.m_edges.size(); ++i)
        graph.m_ids->edges.emplace(graph.m_edges[i].id, int(i));
    return graph;
}

bool MeshGraph::sameTopology(const MeshGraph &other) const
{
    if (m_ids && m_ids == other.m_ids)
        return true; // one derived from the other by update(), which keeps the topology
    const std::vector<GraphNode> &mine = nodes();
    const std::vector<GraphNode> &theirs = other.nodes();
    if (mine.size() != theirs.size() || m_edges.size() != other.m_edges.size())
        return false;
    for (size_t i = 0; i < mine.size(); ++i) {
        if (mine[i].id != theirs[i].id || mine[i].parent != theirs[i].parent)
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
    for (size_t i = 0; i < (*m_nodes).size(); ++i) {
        if ((*m_nodes)[i].virtualService == nsName)
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
            if ((*m_nodes)[size_t(node)].virtualService == ref && (*m_nodes)[size_t(node)].kind != GraphNodeKind::Version)
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
