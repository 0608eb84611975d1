// SPDX-License-Identifier: MIT
#include "graph/routesharememo.h"

#include "graph/expectedrouteshares.h"
#include "simulation/plainrequest.h"

#include <unordered_set>

namespace meshlane {

RouteShareMemo::RouteShareMemo(RouterPtr router, RouteShareMemo *previous)
    : m_router(std::move(router))
{
    if (!previous)
        return;
    // Only rules of this snapshot stay: the others may be freed, and their
    // addresses taken by new rules.
    std::unordered_set<const VirtualService *> current;
    for (const auto &virtualService : m_router->mesh()->virtualServices)
        current.insert(virtualService.get());
    m_entries = std::move(previous->m_entries);
    previous->m_entries.clear();
    std::erase_if(m_entries, [&current](const auto &entry) { return !current.count(entry.first); });
}

std::vector<DestinationShare> RouteShareMemo::sharesOf(const Mesh &mesh, const VirtualService &virtualService)
{
    const auto known = m_entries.find(&virtualService);
    if (known != m_entries.end()) {
        const Entry &entry = *known->second;
        bool same = true;
        // A connection's decision depends on rules no route table stands for
        // (at a gateway, every bound rule's tcp / tls routes): always routed again.
        for (size_t i = 0; same && i < entry.requests.size(); ++i)
            same = entry.requests[i].protocol == ConnectionProtocol::Http
                && m_router->tableFor(entry.requests[i]) == entry.tables[i];
        if (same) {
            ++m_reused;
            return entry.shares;
        }
    }
    ++m_computed;
    auto entry = std::make_shared<Entry>();
    for (size_t i = 0; i < virtualService.hostFqdns.size(); ++i) {
        entry->requests.push_back(plainRequest(virtualService, i));
        entry->tables.push_back(m_router->tableFor(entry->requests.back()));
    }
    entry->shares = expectedRouteShares(m_router)(mesh, virtualService);
    m_entries[&virtualService] = entry;
    return entry->shares;
}

EdgeShareModel RouteShareMemo::model()
{
    return [this](const Mesh &mesh, const VirtualService &virtualService) { return sharesOf(mesh, virtualService); };
}

} // namespace meshlane
