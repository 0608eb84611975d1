// SPDX-License-Identifier: MIT
#include "graph/routesharememo.h"

#include "graph/expectedrouteshares.h"
#include "simulation/plainrequest.h"

#include <algorithm>
#include <unordered_set>

namespace meshlane {

RouteShareMemo::RouteShareMemo(RouterPtr router, RouteShareMemo *previous)
    : m_router(std::move(router))
{
    if (!previous)
        return;
    m_previousRouter = previous->m_router->serial();
    m_entries = std::move(previous->m_entries);
    previous->m_entries.clear();
    m_byHost = std::move(previous->m_byHost);
    m_byGateway = std::move(previous->m_byGateway);
    m_connections = std::move(previous->m_connections);
    m_keptEveryAnswer = previous->m_keptEveryAnswer;
    // A drag step leaves one entry behind, for the rule it replaced. Sweeping
    // them out takes a look at every rule, so it waits until they outnumber
    // an eighth of the rules (and 16): a step costs the same on ten or ten
    // thousand rules.
    const auto &rules = m_router->mesh()->virtualServices;
    if (m_entries.size() <= rules.size() + std::max<size_t>(16, rules.size() / 8))
        return;
    std::unordered_set<const VirtualService *> current;
    for (const auto &virtualService : rules)
        current.insert(virtualService.get());
    std::erase_if(m_entries, [&current](const auto &entry) { return !current.count(entry.first); });
    reindex();
}

void RouteShareMemo::index(const VirtualService *virtualService, const Entry &entry)
{
    for (size_t i = 0; i < entry.requests.size(); ++i) {
        const HttpRequest &request = entry.requests[i];
        if (request.protocol != ConnectionProtocol::Http)
            m_connections.push_back(virtualService);
        else if (!request.gateway.empty())
            m_byGateway[request.gateway].push_back(virtualService);
        else
            m_byHost[entry.hosts[i]].push_back(virtualService);
    }
}

void RouteShareMemo::reindex()
{
    m_byHost.clear();
    m_byGateway.clear();
    m_connections.clear();
    for (const auto &[virtualService, entry] : m_entries)
        index(virtualService, *entry);
}

std::optional<std::vector<char>> RouteShareMemo::rulesToAsk(const Mesh &previousMesh, const Mesh &mesh) const
{
    const std::unordered_set<std::string> *changedHosts = m_router->changedHostsSince(m_previousRouter);
    const auto &rules = mesh.virtualServices;
    if (!changedHosts || !m_keptEveryAnswer || rules.size() != previousMesh.virtualServices.size())
        return std::nullopt;
    std::vector<char> ask(rules.size(), 0);
    for (size_t i = 0; i < rules.size(); ++i)
        ask[i] = rules[i] != previousMesh.virtualServices[i];
    // Entries of replaced rules are still listed: only a rule of `mesh` counts.
    const auto mark = [&](const VirtualService *virtualService) {
        const int position = mesh.virtualServiceIndex(virtualService->meta.ns, virtualService->meta.name);
        if (position >= 0 && rules[size_t(position)].get() == virtualService)
            ask[size_t(position)] = 1;
    };
    for (const std::string &host : *changedHosts) {
        if (const auto found = m_byHost.find(host); found != m_byHost.end())
            std::for_each(found->second.begin(), found->second.end(), mark);
    }
    for (const auto &[gateway, entered] : m_byGateway) {
        HttpRequest request;
        request.gateway = gateway;
        if (!m_router->decidesAsPredecessor(request, {}, m_previousRouter))
            std::for_each(entered.begin(), entered.end(), mark);
    }
    std::for_each(m_connections.begin(), m_connections.end(), mark);
    return ask;
}

std::vector<DestinationShare> RouteShareMemo::sharesOf(const Mesh &mesh, const VirtualService &virtualService)
{
    const auto known = m_entries.find(&virtualService);
    if (known != m_entries.end()) {
        const Entry &entry = *known->second;
        bool same = true;
        std::shared_ptr<Entry> moved; // the entry with host names that resolve elsewhere now
        for (size_t i = 0; same && i < entry.requests.size(); ++i) {
            const HttpRequest &request = entry.requests[i];
            // A connection's decision depends on rules no route table stands for
            // (at a gateway, every bound rule's tcp / tls routes): always routed again.
            if (request.protocol != ConnectionProtocol::Http) {
                same = false;
            } else if (!m_router->decidesAsPredecessor(request, entry.hosts[i], m_previousRouter)) {
                // A derived Router vouches for most requests; this one is looked up.
                std::string host;
                same = m_router->tableFor(request, &host) == entry.tables[i];
                if (same && host != entry.hosts[i]) {
                    // Hosts came or went: the table stayed, the name it is known by
                    // did not, and the next Router vouches by name.
                    if (!moved)
                        moved = std::make_shared<Entry>(entry);
                    moved->hosts[i] = std::move(host);
                }
            }
        }
        if (same) {
            ++m_reused;
            if (moved) {
                known->second = moved;
                index(&virtualService, *moved); // under the hosts it is known by now
            }
            return known->second->shares;
        }
    }
    ++m_computed;
    auto entry = std::make_shared<Entry>();
    const int position = mesh.virtualServiceIndex(virtualService.meta.ns, virtualService.meta.name);
    if (position >= 0 && mesh.virtualServices[size_t(position)].get() == &virtualService)
        entry->virtualService = mesh.virtualServices[size_t(position)];
    for (size_t i = 0; i < virtualService.hostFqdns.size(); ++i) {
        const HttpRequest &request = entry->requests.emplace_back(plainRequest(virtualService, i));
        entry->tables.push_back(m_router->tableFor(request, &entry->hosts.emplace_back()));
    }
    entry->shares = expectedRouteShares(m_router)(mesh, virtualService);
    if (!entry->virtualService) { // not a rule of `mesh`: nothing keeps its address from a later rule
        m_keptEveryAnswer = false;
        return entry->shares;
    }
    // Listed once per rule and host: routed again for the same hosts, it is listed already.
    if (known == m_entries.end() || known->second->hosts != entry->hosts)
        index(&virtualService, *entry);
    m_entries[&virtualService] = entry;
    return entry->shares;
}

EdgeShareModel RouteShareMemo::model()
{
    return [this](const Mesh &mesh, const VirtualService &virtualService) { return sharesOf(mesh, virtualService); };
}

} // namespace meshlane
