// SPDX-License-Identifier: MIT
#pragma once

#include "base/cowvector.h"
#include "graph/edgesharemodel.h"
#include "model/resourceid.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

struct Mesh;

enum class GraphNodeKind {
    Gateway,  // a Gateway resource (the ingress/egress proxy it configures)
    Service,  // a Kubernetes Service, or a host a VirtualService names that has no Service
    App,      // a box grouping the versions of one app (pods' `app` label)
    Version,  // one workload (Deployment...) inside its App box
    External, // a ServiceEntry host
    Namespace, // a collapsed namespace: all of its nodes drawn as one (collapseNamespaces)
};

struct GraphNode
{
    // Built from resource identities only ("svc:reviews.default.svc.cluster.local",
    // "wl:default/reviews-v2"), so an edit keeps ids and the view keeps its selection.
    std::string id;
    GraphNodeKind kind = GraphNodeKind::Service;
    std::string label; // name, version label or host
    std::string ns;
    int parent = -1;   // Version: index of its App node
    int podCount = 0;  // Version: replicas; App and Namespace: sum over its versions
    int foldedServices = 0; // Namespace: the Service nodes it stands for
    ResourceId resource; // what the node stands for; empty kind for placeholders
    // The route resource that routes from or to this node (the first one when
    // several do); selecting the node selects it. "ns/name" for a
    // VirtualService, "Kind/ns/name" for a Gateway API route (HTTPRoute,
    // GRPCRoute...: the CLI's --route spelling), see RouteResource::ref().
    std::string virtualService;
    bool splitsTraffic = false; // its VirtualService sends the default route to several destinations
    // Non-empty on placeholders for something referenced but not defined (or
    // selecting no pods): the view draws them red.
    std::string problem;

    bool broken() const { return !problem.empty(); }
};

enum class GraphEdgeKind { Route, Mirror };

struct GraphEdge
{
    std::string id; // "<from id> > <to id>", "~" appended for mirrors
    int from = 0;   // node indexes
    int to = 0;
    GraphEdgeKind kind = GraphEdgeKind::Route;
    // Route: fraction (0..1) of `from`'s default traffic, from the EdgeShareModel
    // (or the pod count split where no VirtualService applies).
    // Mirror: fraction (0..1) of the route's requests copied.
    double share = 0;
    // Only requests matching a conditional route (not the default one) go here.
    bool conditional = false;
    std::string condition; // the match, readable ("header end-user = jason")
    // The route resource that drew the edge, as GraphNode::virtualService;
    // empty for plain Kubernetes load balancing.
    std::string virtualService;
    int route = -1;             // first index in `section` that produced the edge
    // The list of that rule: "http", or "tcp" / "tls" for a connection
    // route (the view marks those edges TCP / TLS).
    std::string section = "http";
    std::string problem;        // broken reference: the view draws it red
    // The whole graph's edges this one stands for: more than one only where
    // collapsed namespaces made several edges one (collapseNamespaces).
    int merged = 1;

    bool broken() const { return !problem.empty(); }
};

// Kiali's versioned-app graph, derived from a Mesh without any telemetry:
// gateways -> services -> versions (boxed per app), external hosts, mirrors
// and references to things that do not exist. Immutable once built.
class MeshGraph
{
public:
    static MeshGraph build(const Mesh &mesh, const EdgeShareModel &shares = defaultRouteShares);
    // The graph of `mesh`, equal to build(mesh, shares), made from `previous`
    // when it can be: `previous` was built (or updated) from `previousMesh`, an
    // earlier snapshot still alive. When nothing but VirtualServices changed
    // (resources are compared by identity, see Mesh) and every changed one
    // still draws the same nodes and edges (hosts, gateways, destinations,
    // matches and mirrors alike: weights were edited), the topology and every
    // text are kept and only the edges and badges of VirtualServices whose
    // shares differ are redone. The share model is asked about every
    // VirtualService, or only those `ask` (indexed like mesh.virtualServices)
    // marks when given: RouteShareMemo::rulesToAsk knows which may answer
    // otherwise, and answers the unchanged ones without routing.
    static MeshGraph update(const MeshGraph &previous, const Mesh &previousMesh, const Mesh &mesh,
                            const EdgeShareModel &shares, const std::vector<char> *ask = nullptr);
    // update() kept `previous`'s topology (false for a built graph).
    bool isIncremental() const { return m_incremental; }
    // Unique in the process per build() or update(); a copy keeps it.
    uint64_t serial() const { return m_serial; }
    // For an incremental graph: the serial of `previous`, and the nodes and
    // edges whose share or badge update() redid. Nothing else can differ from
    // `previous`, so a view showing it refreshes just these.
    uint64_t updatedFrom() const { return m_updatedFrom; }
    const std::vector<int> &redoneNodes() const { return m_redoneNodes; }
    const std::vector<int> &redoneEdges() const { return m_redoneEdges; }

    const std::vector<GraphNode> &nodes() const { return *m_nodes; }
    const CowVector<GraphEdge> &edges() const { return m_edges; }
    int nodeIndex(const std::string &id) const; // -1 when absent
    int edgeIndex(const std::string &id) const;
    const GraphNode *findNode(const std::string &id) const;

    // The graph of just the `keep` nodes (indexes, ascending) and the edges
    // between them, for focus mode's own layout. Ids and texts are kept; a
    // version whose box is not kept loses its parent. Not incremental.
    MeshGraph subgraph(const std::vector<int> &keep) const;

    // A graph of just these nodes and edges (indexes into `nodes`), derived
    // from a built one (a focus subgraph, collapsed namespaces). Node and edge
    // ids must be unique. Not incremental.
    static MeshGraph fromParts(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges);

    // Same node ids, parents and edge endpoints: a layout of `other` fits this
    // graph too, so an edit that only moved weights needs no new layout.
    bool sameTopology(const MeshGraph &other) const;

    // Indexes of the nodes and edges a VirtualService ("ns/name") draws.
    std::vector<int> nodesOfVirtualService(const std::string &nsName) const;
    std::vector<int> edgesOfVirtualService(const std::string &nsName) const;
    // The node that stands for a resource (Service, Deployment, Gateway,
    // ServiceEntry; a DestinationRule or VirtualService maps to its host's node).
    int nodeForResource(const Mesh &mesh, const ResourceId &resource) const;

private:
    class Builder;
    struct Ids
    {
        std::unordered_map<std::string, int> nodes;
        std::unordered_map<std::string, int> edges;
    };
    struct ShareRecipe;
    using Shares = CowVector<std::vector<DestinationShare>>; // per VirtualService position

    void applyShares(const Mesh &mesh, const EdgeShareModel &shares);

    // Shared with the graphs update() derives unless a badge changed: a weight
    // step copies the edges, not five thousand nodes.
    std::shared_ptr<std::vector<GraphNode>> m_nodes = std::make_shared<std::vector<GraphNode>>();
    // Shared in chunks with the graphs update() derives: a weight step
    // copies the chunks of the edges it redoes, not thirty thousand edges.
    CowVector<GraphEdge> m_edges;
    // Shared by the graphs update() derives: they have the same topology.
    std::shared_ptr<Ids> m_ids;
    std::shared_ptr<const ShareRecipe> m_recipe;
    Shares m_shares; // what the share model said, per VirtualService; shared in chunks as the edges
    bool m_incremental = false;
    uint64_t m_serial = 0;
    uint64_t m_updatedFrom = 0;
    std::vector<int> m_redoneNodes;
    std::vector<int> m_redoneEdges;
};

} // namespace meshlane
