// SPDX-License-Identifier: MIT
// Router, building: compiling a snapshot's route tables, or deriving them
// from the previous snapshot's Router (swapping edited rules in, or taking
// unchanged tables over), and what a derived Router can vouch for. Deciding
// requests with those tables is router.cpp.
#include "routing/router.h"

#include "base/serial.h"
#include "model/hostname.h"
#include "routing/routetablebuilder.h"

#include <algorithm>

namespace meshlane {

namespace {

// A delegating route copies its delegate's routes, found by name.
bool delegates(const VirtualService &virtualService)
{
    return std::any_of(virtualService.http.begin(), virtualService.http.end(),
                       [](const HttpRoute &route) { return route.delegate.has_value(); });
}

} // namespace

Router::Router(MeshPtr mesh, RouterOptions options)
    : m_mesh(std::move(mesh))
    , m_options(options)
    , m_serial(nextSerial())
{
    compile(nullptr);
}

Router::Router(MeshPtr mesh, const Router &previous)
    : m_mesh(std::move(mesh))
    , m_options(previous.m_options)
    , m_serial(nextSerial())
{
    compile(&previous);
}

void Router::compile(const Router *previous)
{
    const Mesh &mesh = *m_mesh;
    const Mesh *before = previous ? previous->m_mesh.get() : nullptr;
    // Resolved destinations are baked into the tables: they may only be taken
    // over when everything a destination resolves against is unchanged.
    const bool resolvesAsBefore = before && before->services == mesh.services && before->workloads == mesh.workloads
        && before->destinationRules == mesh.destinationRules && before->serviceEntries == mesh.serviceEntries;
    if (!resolvesAsBefore)
        previous = nullptr;
    m_stats.derived = previous != nullptr;
    // A delegating route copies its delegate's routes, found by name: with
    // any VirtualService changed, it could be the delegate.
    const bool delegatesChanged = previous && before->virtualServices != mesh.virtualServices;

    m_resolver = previous ? std::make_unique<DestinationResolver>(mesh, *previous->m_resolver)
                          : std::make_unique<DestinationResolver>(mesh);
    m_l4 = std::make_unique<L4Router>(mesh, *m_resolver);
    m_gatewayApi = std::make_unique<GatewayApiRoutes>(mesh, *m_resolver, m_options.table);
    if (!previous || !swapRules(*previous))
        compileHosts(previous, delegatesChanged);
    // Now known for this snapshot's rules: with none delegating, the gateways
    // need not look for one among theirs.
    const bool gatewayDelegatesChanged = delegatesChanged && m_compiled->anyDelegates;
    m_gatewayRoutes = previous ? std::make_unique<GatewayRoutes>(mesh, *m_resolver, m_options.table,
                                                                 *previous->m_gatewayRoutes, gatewayDelegatesChanged)
                               : std::make_unique<GatewayRoutes>(mesh, *m_resolver, m_options.table);
    m_stats.compiledTables += m_gatewayRoutes->builtGateways();
    m_stats.reusedTables += m_gatewayRoutes->keptGateways();
}

void Router::compileHosts(const Router *previous, bool delegatesChanged)
{
    const Mesh &mesh = *m_mesh;
    auto compiled = std::make_shared<CompiledHosts>();
    compiled->mesh = m_mesh;
    for (const auto &virtualService : mesh.virtualServices) {
        const bool delegating = delegates(*virtualService);
        compiled->anyDelegates = compiled->anyDelegates || delegating;
        if (!virtualService->appliesToMesh())
            continue;
        std::shared_ptr<const RouteTable> table;
        if (previous && !(delegatesChanged && delegating))
            table = previous->sidecarTableOf(virtualService.get());
        if (table) {
            ++m_stats.reusedTables;
        } else {
            RouteTableBuilder builder(mesh, *m_resolver, "mesh");
            builder.addVirtualService(*virtualService);
            table = std::make_shared<const RouteTable>(builder.build(m_options.table));
            ++m_stats.compiledTables;
        }
        compiled->tables.emplace(virtualService.get(), table);
        for (const std::string &host : virtualService->hostFqdns) {
            const MeshCandidate candidate{virtualService.get(), table, false, std::nullopt, {}};
            if (host.find('*') == std::string::npos) {
                compiled->hosts[host].push_back(candidate);
                continue;
            }
            auto it = std::find_if(m_meshWildcards.begin(), m_meshWildcards.end(),
                                   [&host](const auto &pair) { return pair.first == host; });
            if (it == m_meshWildcards.end())
                m_meshWildcards.push_back({host, {candidate}});
            else
                it->second.push_back(candidate);
        }
    }
    m_sidecarTables = compiled->tables.size();
    addGatewayApiMeshRoutes(compiled->hosts);
    std::stable_sort(m_meshWildcards.begin(), m_meshWildcards.end(), [](const auto &a, const auto &b) {
        return domainSpecificity(a.first) > domainSpecificity(b.first);
    });
    m_compiled = std::move(compiled);
    if (previous)
        compareHosts(*previous);
}

bool Router::swapRules(const Router &previous)
{
    const Mesh &mesh = *m_mesh;
    const Mesh &before = *previous.m_mesh;
    if (!previous.m_compiled || previous.m_compiled->anyDelegates || !previous.m_gatewayApi->meshRoutes().empty()
        || !m_gatewayApi->meshRoutes().empty() || mesh.virtualServices.size() != before.virtualServices.size())
        return false;
    // Swapped entries pile up over a long session of edits: past 64 plus an
    // eighth of the hosts (or 64 rules in one step), a full compile folds
    // them in.
    constexpr size_t kMaxSwapped = 64;
    std::vector<std::pair<const VirtualService *, const VirtualService *>> swapped; // (before, now)
    for (size_t i = 0; i < mesh.virtualServices.size(); ++i) {
        const VirtualService &now = *mesh.virtualServices[i];
        const VirtualService &was = *before.virtualServices[i];
        if (&now == &was)
            continue;
        if (delegates(now) || now.meta.ns != was.meta.ns || now.meta.name != was.meta.name || now.hostFqdns != was.hostFqdns
            || now.appliesToMesh() != was.appliesToMesh() || swapped.size() == kMaxSwapped)
            return false;
        swapped.emplace_back(&was, &now);
    }
    if (previous.m_swappedHosts.size() + swapped.size() > kMaxSwapped + previous.m_compiled->hosts.size() / 8)
        return false;

    // Made aside and kept only when every swap works out.
    TableMap swappedTables = previous.m_swappedTables;
    CandidateMap swappedHosts = previous.m_swappedHosts;
    auto wildcards = previous.m_meshWildcards;
    std::unordered_set<std::string> changedHosts;
    bool rekeyed = false;
    const auto swapIn = [](std::vector<MeshCandidate> &candidates, const VirtualService *was, const VirtualService *now,
                           const std::shared_ptr<const RouteTable> &table) {
        for (MeshCandidate &candidate : candidates) {
            if (candidate.virtualService == was)
                candidate = MeshCandidate{now, table, false, std::nullopt, {}};
        }
    };
    size_t compiledTables = 0;
    for (const auto &[was, now] : swapped) {
        // The replaced rule's entry goes: once its snapshot is freed, a new
        // rule may be made at its address.
        swappedTables.erase(was);
        if (!now->appliesToMesh())
            continue;
        RouteTableBuilder builder(mesh, *m_resolver, "mesh");
        builder.addVirtualService(*now);
        auto table = std::make_shared<const RouteTable>(builder.build(m_options.table));
        ++compiledTables;
        swappedTables.emplace(now, table);
        for (const std::string &host : now->hostFqdns) {
            if (host.find('*') != std::string::npos) {
                for (auto &[pattern, candidates] : wildcards)
                    swapIn(candidates, was, now, table);
                rekeyed = true; // which names a wildcard serves may have moved: ask
                continue;
            }
            const auto swappedBefore = swappedHosts.find(host);
            const std::vector<MeshCandidate> *current =
                swappedBefore != swappedHosts.end() ? &swappedBefore->second : previous.candidatesOf(host);
            if (!current)
                return false; // not where the full compile put it: compile properly
            std::vector<MeshCandidate> candidates = *current;
            swapIn(candidates, was, now, table);
            swappedHosts[host] = std::move(candidates);
            changedHosts.insert(host);
        }
    }
    m_compiled = previous.m_compiled;
    m_swappedTables = std::move(swappedTables);
    m_swappedHosts = std::move(swappedHosts);
    m_meshWildcards = std::move(wildcards);
    m_sidecarTables = previous.m_sidecarTables;
    m_derivedFrom = previous.m_serial;
    m_changedHosts = std::move(changedHosts);
    m_hostsRekeyed = rekeyed;
    m_stats.swapped = true;
    m_stats.compiledTables += compiledTables;
    m_stats.reusedTables += m_sidecarTables - compiledTables;
    return true;
}

const std::vector<Router::MeshCandidate> *Router::candidatesOf(std::string_view fqdn) const
{
    if (const auto swapped = m_swappedHosts.find(fqdn); swapped != m_swappedHosts.end())
        return &swapped->second;
    if (!m_compiled)
        return nullptr;
    const auto found = m_compiled->hosts.find(fqdn);
    return found == m_compiled->hosts.end() ? nullptr : &found->second;
}

std::shared_ptr<const RouteTable> Router::sidecarTableOf(const VirtualService *virtualService) const
{
    if (const auto swapped = m_swappedTables.find(virtualService); swapped != m_swappedTables.end())
        return swapped->second;
    if (!m_compiled)
        return nullptr;
    const auto found = m_compiled->tables.find(virtualService);
    return found == m_compiled->tables.end() ? nullptr : found->second;
}

void Router::compareHosts(const Router &previous)
{
    const auto sameCandidates = [](const std::vector<MeshCandidate> &a, const std::vector<MeshCandidate> &b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const MeshCandidate &x, const MeshCandidate &y) {
            return x.virtualService == y.virtualService && x.table == y.table && x.gatewayApi == y.gatewayApi
                && x.port == y.port;
        });
    };
    m_derivedFrom = previous.m_serial;
    // After a full compile nothing is swapped here; the previous Router's
    // swapped hosts are among its compiled ones.
    const CandidateMap &hosts = m_compiled->hosts;
    m_hostsRekeyed = !previous.m_compiled || hosts.size() != previous.m_compiled->hosts.size()
        || !std::equal(m_meshWildcards.begin(), m_meshWildcards.end(), previous.m_meshWildcards.begin(),
                       previous.m_meshWildcards.end(), [&](const auto &a, const auto &b) {
                           return a.first == b.first && sameCandidates(a.second, b.second);
                       });
    for (auto it = hosts.begin(); !m_hostsRekeyed && it != hosts.end(); ++it) {
        const std::vector<MeshCandidate> *before = previous.candidatesOf(it->first);
        if (!before)
            m_hostsRekeyed = true; // the same number of hosts, but not the same ones
        else if (!sameCandidates(it->second, *before))
            m_changedHosts.insert(it->first);
    }
}

bool Router::decidesAsPredecessor(const HttpRequest &request, const std::string &resolvedHost,
                                  uint64_t predecessor) const
{
    const std::unordered_set<std::string> *changedHosts = changedHostsSince(predecessor);
    if (!changedHosts)
        return false;
    if (request.gateway.empty())
        return !changedHosts->count(resolvedHost);
    // A Kubernetes Gateway's routes are compiled anew for every Router.
    return m_mesh->findGateway(request.gateway) && m_gatewayRoutes->isKept(request.gateway);
}

const std::unordered_set<std::string> *Router::changedHostsSince(uint64_t predecessor) const
{
    return m_stats.derived && m_derivedFrom == predecessor && !m_hostsRekeyed ? &m_changedHosts : nullptr;
}

void Router::addGatewayApiMeshRoutes(CandidateMap &hosts)
{
    std::vector<std::string> touched;
    for (const GatewayApiRoutes::MeshRoutes &routes : m_gatewayApi->meshRoutes()) {
        hosts[routes.fqdn].push_back(
            MeshCandidate{routes.generated.get(), routes.table, true, routes.port, routes.creationTimestamp});
        touched.push_back(routes.fqdn);
    }
    // Istio has no rule that one API wins: mesh HTTPRoutes become
    // VirtualServices and the first of a host's candidates in its order
    // (creation time, then name, then namespace) takes the host.
    const auto created = [](const MeshCandidate &candidate) -> std::string {
        return candidate.gatewayApi ? candidate.creationTimestamp : candidate.virtualService->meta.creationTimestamp;
    };
    for (const std::string &fqdn : touched) {
        auto &list = hosts[fqdn];
        std::stable_sort(list.begin(), list.end(), [&](const MeshCandidate &a, const MeshCandidate &b) {
            const ResourceMeta &x = a.virtualService->meta;
            const ResourceMeta &y = b.virtualService->meta;
            return std::make_tuple(created(a), x.name, x.ns) < std::make_tuple(created(b), y.name, y.ns);
        });
    }
}

} // namespace meshlane
