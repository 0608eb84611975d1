// SPDX-License-Identifier: MIT
#include "routing/routetablebuilder.h"

#include <algorithm>
#include <memory>

namespace meshlane {

namespace {

std::string blockLabel(const VirtualService &virtualService, size_t httpIndex, size_t block)
{
    return "VirtualService " + virtualService.meta.ns + '/' + virtualService.meta.name + " http["
        + std::to_string(httpIndex) + "] match[" + std::to_string(block) + ']';
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

} // namespace

RouteTableBuilder::RouteTableBuilder(const Mesh &mesh, const DestinationResolver &resolver, std::string context)
    : m_mesh(mesh)
    , m_resolver(resolver)
    , m_context(std::move(context))
{
}

void RouteTableBuilder::setFixedProxy(const Labels &labels, const std::string &ns, uint32_t port)
{
    m_proxyLabels = labels;
    m_proxyNamespace = ns;
    m_fixedProxy = ProxyContext{&m_proxyLabels, m_proxyNamespace, port};
}

bool RouteTableBuilder::gatewaysInclude(const VirtualService &virtualService,
                                        const std::vector<std::string> &gateways, const std::string &context)
{
    for (const std::string &gateway : gateways) {
        const bool qualified = gateway == "mesh" || gateway.find('/') != std::string::npos;
        const std::string ref = qualified ? gateway : virtualService.meta.ns + '/' + gateway;
        if (ref == context)
            return true;
    }
    return false;
}

bool RouteTableBuilder::isCatchAll(const RouteTable::Entry &entry) const
{
    return !entry.match || entry.match->isCatchAllForProxy();
}

void RouteTableBuilder::linkDelegate(CompiledRoute &compiled) const
{
    const Delegate &delegate = *compiled.route->delegate;
    const VirtualService *target = m_mesh.findVirtualService(delegate.ns, delegate.name);
    if (!target)
        return; // CompiledRoute already says "not found"
    compiled.delegate = target;
    std::vector<CompiledRoute> routes;
    std::vector<RouteTable::Entry> entries;
    std::vector<TranslatedText> notes;
    append(*target, false, routes, entries, notes);
    compiled.delegateTable = std::make_shared<const RouteTable>(std::move(routes), std::move(entries),
                                                                RouteTable::Options{}, std::move(notes));
}

void RouteTableBuilder::append(const VirtualService &virtualService, bool allowDelegation,
                               std::vector<CompiledRoute> &routes, std::vector<RouteTable::Entry> &entries,
                               std::vector<TranslatedText> &notes) const
{
    for (size_t i = 0; i < virtualService.http.size(); ++i) {
        const HttpRoute &route = virtualService.http[i];
        CompiledRoute compiled = CompiledRoute::compile(virtualService, int(i), m_resolver);
        if (route.delegate) {
            if (allowDelegation)
                linkDelegate(compiled);
            else
                compiled.failure = MESHLANE_TR("meshlane::RouteTableBuilder",
                                               "a delegate VirtualService cannot delegate again (Istio supports one "
                                               "level)");
        }
        const uint32_t routeIndex = uint32_t(routes.size());
        routes.push_back(std::move(compiled));

        bool catchAll = false;
        if (route.match.empty()) {
            entries.push_back({routeIndex, -1, std::nullopt});
            catchAll = true;
        }
        for (size_t b = 0; b < route.match.size() && !catchAll; ++b) {
            const HttpMatchRequest &block = route.match[b];
            if (!block.gateways.empty() && !gatewaysInclude(virtualService, block.gateways, m_context)) {
                notes.push_back(MESHLANE_TR("meshlane::RouteTableBuilder", "%1 is only for %2, not %3")
                                    .arg(blockLabel(virtualService, i, b))
                                    .arg(joined(block.gateways))
                                    .arg(m_context));
                continue;
            }
            RouteTable::Entry entry{routeIndex, int(b), CompiledMatchBlock(block, block.gateways.empty())};
            if (m_fixedProxy) {
                TranslatedText why;
                if (!entry.match->appliesToProxy(*m_fixedProxy, &why)) {
                    notes.push_back(MESHLANE_TR("meshlane::RouteTableBuilder", "%1 is not given to this gateway: %2")
                                        .arg(blockLabel(virtualService, i, b))
                                        .arg(std::move(why)));
                    continue;
                }
                catchAll = entry.match->isCatchAllForProxy();
            }
            entries.push_back(std::move(entry));
        }
        // Istio stops emitting a VirtualService's routes after a catch-all.
        // Only meaningful for fixed proxies: it matters once routes merge.
        if (catchAll && m_fixedProxy)
            break;
    }
}

void RouteTableBuilder::addVirtualService(const VirtualService &virtualService)
{
    append(virtualService, true, m_routes, m_entries, m_notes);
}

void RouteTableBuilder::moveCatchAllsLast()
{
    std::stable_partition(m_entries.begin(), m_entries.end(),
                          [this](const RouteTable::Entry &entry) { return !isCatchAll(entry); });
}

RouteTable RouteTableBuilder::build(RouteTable::Options options)
{
    return RouteTable(std::move(m_routes), std::move(m_entries), options, std::move(m_notes));
}

} // namespace meshlane
