// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "routing/destinationresolver.h"
#include "routing/gatewayapiroutes.h"
#include "routing/gatewayroutes.h"
#include "routing/httprequest.h"
#include "routing/l4router.h"
#include "routing/routedecision.h"
#include "routing/routetable.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace meshlane {

struct RouterOptions
{
    RouteTable::Options table;
    // An explanation lists at most this many non-matching entries before the match.
    size_t maxExplainedMisses = 20;
};

// Decides what Istio's Envoy proxies do with a request. Built once per Mesh
// snapshot: every VirtualService is compiled into route tables for the
// sidecars and for each Gateway it is bound to. Immutable afterwards, so one
// Router may serve any number of threads; build a new one for a new Mesh.
class Router
{
public:
    explicit Router(MeshPtr mesh, RouterOptions options = {});
    // The Router for `mesh`, a later snapshot than previous.mesh() (with
    // previous's options), making the same decisions as a fresh one. Edits
    // share unchanged resources between snapshots (see Mesh), so when the
    // Services, workloads, DestinationRules and ServiceEntries are the very
    // same objects, destinations resolve as before and every route table of a
    // VirtualService object both snapshots hold is taken over as is: a weight
    // drag compiles one VirtualService instead of a thousand. Otherwise (or
    // for a VirtualService that delegates, once anything changed) it compiles.
    Router(MeshPtr mesh, const Router &previous);
    Router(const Router &) = delete;
    Router &operator=(const Router &) = delete;

    struct BuildStats
    {
        bool derived = false;      // built from a previous Router's tables
        bool swapped = false;      // derived: the edited rules swapped in, the rest shared
        size_t compiledTables = 0; // sidecar tables and Gateways (all their tables) compiled
        size_t reusedTables = 0;   // taken over from the previous Router (the same count)
    };
    const BuildStats &buildStats() const { return m_stats; }
    // Unique in the process per Router.
    uint64_t serial() const { return m_serial; }

    // True when this Router was derived from the one with serial
    // `predecessor` and tableFor(request) is certainly the table that one
    // gave: the request's host (`resolvedHost`, resolveHost() of it, for a
    // sidecar's request) is claimed by the very same VirtualServices, or the
    // Gateway it enters through kept its virtual hosts. False means "ask
    // tableFor()", not "it differs". A weight drag step then needs no lookup
    // for the thousands of rules it did not touch.
    bool decidesAsPredecessor(const HttpRequest &request, const std::string &resolvedHost, uint64_t predecessor) const;
    // The same for every sidecar request at once: derived from `predecessor`,
    // the hosts whose requests may be decided otherwise (all others are
    // decided as there); null when this Router vouches for none.
    const std::unordered_set<std::string> *changedHostsSince(uint64_t predecessor) const;

    const MeshPtr &mesh() const { return m_mesh; }

    enum class Explain { Yes, No };
    // The full decision, with its explanation in the UI language unless
    // Explain::No (for callers that only read the outcome: wording every
    // line through the translator costs several times the decision).
    RouteDecision route(const HttpRequest &request, Explain explain = Explain::Yes) const;

    // The FQDN a client in `sourceNamespace` means by `host`: "reviews" ->
    // "reviews.<ns>.svc.cluster.local", "reviews.prod" ->
    // "reviews.prod.svc.cluster.local" when that Service exists; anything else as is.
    std::string resolveHost(std::string_view host, std::string_view sourceNamespace) const;

    // The fast path for the simulator and benchmarks: the table a sidecar
    // applies to `fqdn` for callers in `sourceNamespace`, or null when no
    // VirtualService applies. No strings are built.
    const RouteTable *meshTable(std::string_view fqdn, std::string_view sourceNamespace) const;
    const GatewayRoutes &gatewayRoutes() const { return *m_gatewayRoutes; }
    // The Gateway API routes, compiled into route tables of the same kind.
    const GatewayApiRoutes &gatewayApiRoutes() const { return *m_gatewayApi; }
    // The table route() decides `request` with (the sidecar's for its host,
    // or the gateway's virtual host), null when none applies. The decision
    // is a function of the request, this table and the resources destinations
    // resolve against: a derived Router handing out the same table for a
    // request decides it as its predecessor did. `resolvedHost`, when given,
    // receives resolveHost() of a sidecar's request (empty through a gateway):
    // what decidesAsPredecessor() reads.
    std::shared_ptr<const RouteTable> tableFor(const HttpRequest &request, std::string *resolvedHost = nullptr) const;

private:
    struct MeshCandidate
    {
        const VirtualService *virtualService = nullptr; // a generated one for Gateway API mesh routes
        std::shared_ptr<const RouteTable> table;
        // Gateway API mesh routes only: the routes' namespace and parentRef port.
        bool gatewayApi = false;
        std::optional<uint32_t> port;
        std::string creationTimestamp; // Istio orders candidates of one host by age
    };
    struct StringHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using CandidateMap = std::unordered_map<std::string, std::vector<MeshCandidate>, StringHash, std::equal_to<>>;

    using TableMap = std::unordered_map<const VirtualService *, std::shared_ptr<const RouteTable>>;
    // The sidecar tables and each host's candidates as a full compile made
    // them. Routers derived by swapping rules in place share it and keep the
    // swapped rules' entries beside it (swapRules).
    struct CompiledHosts
    {
        MeshPtr mesh; // keeps every VirtualService named here alive: no address is reused
        TableMap tables;
        CandidateMap hosts;
        bool anyDelegates = false; // some rule delegates: any edit may change another rule's table
    };

    void compile(const Router *previous);
    void compileHosts(const Router *previous, bool delegatesChanged);
    // The quick derivation: only VirtualServices were replaced, each by one
    // with the same name, hosts and mesh binding, none delegates and no Gateway
    // API route claims a mesh host. False (nothing changed) otherwise.
    bool swapRules(const Router &previous);
    const std::vector<MeshCandidate> *candidatesOf(std::string_view fqdn) const;
    std::shared_ptr<const RouteTable> sidecarTableOf(const VirtualService *virtualService) const;
    // For a derived Router: which hosts' candidates differ from `previous`'s.
    void compareHosts(const Router &previous);
    // `port` 0: any (Gateway API mesh routes bound to a port claim only it).
    const MeshCandidate *meshCandidate(std::string_view fqdn, std::string_view sourceNamespace,
                                       std::vector<std::string> *notes, uint32_t port = 0) const;
    void addGatewayApiMeshRoutes(CandidateMap &hosts);
    bool isKnownHost(const std::string &fqdn) const;
    uint32_t defaultPort(const std::string &fqdn) const;

    // `why`, when not null, receives the explanation's lines.
    void routeFromSidecar(const HttpRequest &request, RouteDecision &decision, std::vector<std::string> *why) const;
    void routeThroughGateway(const HttpRequest &request, RouteDecision &decision, std::vector<std::string> *why) const;
    void routeWithoutVirtualService(RouteDecision &decision, std::vector<std::string> *why) const;
    void routeThroughK8sGateway(const HttpRequest &request, RouteDecision &decision,
                                std::vector<std::string> *why) const;
    void decide(const RouteTable &table, const HttpRequest &request, const ProxyContext &proxy,
                RouteDecision &decision, std::vector<std::string> *why) const;
    void applyRoute(const CompiledRoute &route, const HttpRequest &request, const ProxyContext &proxy,
                    RouteDecision &decision, std::vector<std::string> *why) const;
    void finishTarget(ResolvedTarget &target, uint32_t listenerPort) const;

    MeshPtr m_mesh;
    RouterOptions m_options;
    BuildStats m_stats;
    uint64_t m_serial = 0;
    uint64_t m_derivedFrom = 0; // the previous Router's serial when derived
    // Derived: hosts whose candidates (VirtualServices, tables, order) are not
    // the previous Router's; with m_hostsRekeyed, any host's may differ (a
    // host or a wildcard came or went, so names may resolve differently).
    std::unordered_set<std::string> m_changedHosts;
    bool m_hostsRekeyed = true;
    std::unique_ptr<DestinationResolver> m_resolver;
    // Every sidecar table by its VirtualService (also for the next snapshot's
    // Router), and every host's candidates: the rules swapped in since the
    // shared full compile first, then that compile's.
    std::shared_ptr<const CompiledHosts> m_compiled;
    TableMap m_swappedTables;
    CandidateMap m_swappedHosts;
    size_t m_sidecarTables = 0;
    // Wildcard VirtualService hosts ("*.example.com"), most specific first.
    std::vector<std::pair<std::string, std::vector<MeshCandidate>>> m_meshWildcards;
    std::unique_ptr<GatewayRoutes> m_gatewayRoutes;
    std::unique_ptr<L4Router> m_l4; // TCP and TLS connections
    std::unique_ptr<GatewayApiRoutes> m_gatewayApi;
};

using RouterPtr = std::shared_ptr<const Router>;

// True when a VirtualService's exportTo lets callers in `ns` see it.
bool isExportedTo(const VirtualService &virtualService, std::string_view ns);

} // namespace meshlane
