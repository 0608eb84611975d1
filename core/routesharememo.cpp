#include "routesharememo.h"

#include "expectedrouteshares.h"
#include "plainrequest.h"

#include <unordered_set>

namespace meshlane {

RouteShareMemo::RouteShareMemo(RouterPtr router, const RouteShareMemo *previous)
    : m_router(std::move(router))
{
    if (!previous)
        return;
    std::unordered_set<const VirtualService *> current;
    for (const auto &virtualService : m_router->mesh()->virtualServices)
        current.insert(virtualService.get());
    for (const auto &[virtualService, entry] : previous->m_entries) {
        if (current.count(virtualService))
            m_entries.emplace(virtualService, entry);
    }
}

std::vector<DestinationShare> RouteShareMemo::sharesOf(const Mesh &mesh, const VirtualService &virtualService)
{
    std::vector<std::shared_ptr<const RouteTable>> tables;
    tables.reserve(virtualService.hostFqdns.size());
    for (size_t i = 0; i < virtualService.hostFqdns.size(); ++i)
        tables.push_back(m_router->tableFor(plainRequest(virtualService, i)));
    const auto known = m_entries.find(&virtualService);
    if (known != m_entries.end() && known->second->tables == tables) {
        ++m_reused;
        return known->second->shares;
    }
    ++m_computed;
    auto entry = std::make_shared<Entry>();
    entry->shares = expectedRouteShares(m_router)(mesh, virtualService);
    entry->tables = std::move(tables);
    m_entries[&virtualService] = entry;
    return entry->shares;
}

EdgeShareModel RouteShareMemo::model()
{
    return [this](const Mesh &mesh, const VirtualService &virtualService) { return sharesOf(mesh, virtualService); };
}

} // namespace meshlane
