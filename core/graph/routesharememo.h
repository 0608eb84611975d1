// SPDX-License-Identifier: MIT
#pragma once

#include "graph/edgesharemodel.h"
#include "routing/router.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// expectedRouteShares() that remembers. Each VirtualService's shares are kept
// with the route tables its plain requests met (Router::tableFor); the memo of
// the next snapshot takes them over for every VirtualService that is the same
// object and whose requests meet the very same tables, which a derived Router
// hands out for everything an edit did not touch (and vouches for without a
// lookup, Router::decidesAsPredecessor). So after a weight drag step
// the graph routes the dragged rule's requests again, not a thousand rules'.
// Rules routed as TCP / TLS connections (no http routes) are always routed
// again: their decisions depend on rules no route table stands for.
//
// Not thread-safe: one graph build at a time uses it.
class RouteShareMemo
{
public:
    // `previous`: the memo of an earlier snapshot (or null), whose entries are
    // taken over (it is left empty); it must be alive during the construction.
    explicit RouteShareMemo(RouterPtr router, RouteShareMemo *previous = nullptr);

    // What expectedRouteShares(router) gives for `virtualService` of router->mesh().
    std::vector<DestinationShare> sharesOf(const Mesh &mesh, const VirtualService &virtualService);
    // For MeshGraph: calls sharesOf() on this memo, which must outlive it.
    EdgeShareModel model();
    // Which VirtualServices of `mesh` sharesOf() may answer otherwise than the
    // previous memo did for `previousMesh` (its snapshot): the replaced ones,
    // those with a request the Router does not vouch for (a changed host, a
    // gateway built again), and connections. Indexed like
    // mesh.virtualServices; nullopt when the Router was not derived from the
    // previous memo's or an answer was not kept: then every one may differ.
    // A weight step then asks about one rule, not ten thousand.
    std::optional<std::vector<char>> rulesToAsk(const Mesh &previousMesh, const Mesh &mesh) const;

    const RouterPtr &router() const { return m_router; }
    size_t computed() const { return m_computed; } // VirtualServices routed by this memo
    size_t reused() const { return m_reused; }     // answered from the previous one
    size_t entries() const { return m_entries.size(); } // kept, of this snapshot's rules and replaced ones

private:
    struct Entry;
    void index(const VirtualService *virtualService, const Entry &entry);
    void reindex();

    struct Entry
    {
        // Held, so that no later rule can be made at its address while the
        // entry is kept.
        std::shared_ptr<const VirtualService> virtualService;
        std::vector<HttpRequest> requests; // plainRequest() per host: a function of the rule alone
        std::vector<std::shared_ptr<const RouteTable>> tables; // what decided each
        std::vector<std::string> hosts; // each request's host as tableFor() resolved it (sidecar requests)
        std::vector<DestinationShare> shares;
    };

    RouterPtr m_router;
    uint64_t m_previousRouter = 0; // the serial of the Router the taken-over entries were made with
    // Keyed by the VirtualService each entry holds: an address here is never
    // a new object's. Entries of rules an edit replaced are kept until they
    // are many (see the constructor), so taking the memo over costs nothing
    // per rule.
    std::unordered_map<const VirtualService *, std::shared_ptr<const Entry>> m_entries;
    // Which entries a Router's change reaches, for rulesToAsk(): by the host a
    // sidecar request resolved to, by the gateway a request enters through,
    // and those routed as connections. Taken over with the entries; they may
    // name replaced rules (rulesToAsk skips those) and never miss a kept one.
    using RulesByName = std::unordered_map<std::string, std::vector<const VirtualService *>>;
    RulesByName m_byHost;
    RulesByName m_byGateway;
    std::vector<const VirtualService *> m_connections;
    bool m_keptEveryAnswer = true; // false once an answer had no entry to keep it in
    size_t m_computed = 0;
    size_t m_reused = 0;
};

} // namespace meshlane
