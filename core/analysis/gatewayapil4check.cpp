// SPDX-License-Identifier: MIT
#include "analysis/gatewayapil4check.h"

#include <algorithm>
#include <set>

namespace meshlane {

namespace {

std::string routeName(const ResourceMeta &meta) { return meta.kind + ' ' + meta.ns + '/' + meta.name; }

std::string listenerName(const GatewayApiL4Routes::Listener &listener)
{
    return "listener " + listener.listener->name + " of Gateway " + listener.gateway->ref();
}

// The rules a converted route offers this listener: tcp, or a TLSRoute's tls.
const std::vector<L4Route> &rulesOf(const VirtualService &converted)
{
    return converted.tcp.empty() ? converted.tls : converted.tcp;
}

} // namespace

GatewayApiL4Check::GatewayApiL4Check(AnalysisContext &context)
    : m_context(context)
{
}

void GatewayApiL4Check::run()
{
    const Mesh &mesh = m_context.mesh();
    if (mesh.k8sGateways.empty())
        return;
    const GatewayApiL4Routes routes(mesh);
    for (const auto &gateway : mesh.k8sGateways) {
        for (const GatewayApiL4Routes::Listener *listener : routes.listeners(gateway->ref())) {
            if (!listener->problem.empty())
                continue;
            if (listener->listener->protocol == "TLS" && listener->listener->tlsMode == "Passthrough")
                checkPassthrough(*listener);
            else
                checkSingleChain(*listener);
        }
    }
}

void GatewayApiL4Check::checkSingleChain(const GatewayApiL4Routes::Listener &listener)
{
    const VirtualService *taker = nullptr;
    for (const auto &converted : listener.virtualServices) {
        const std::vector<L4Route> &rules = rulesOf(*converted);
        for (size_t i = 0; i < rules.size(); ++i) {
            if (!taker && i == 0) {
                taker = converted.get();
                continue;
            }
            if (taker == converted.get())
                report(*converted, i,
                       listenerName(listener) + " has one filter chain, and Istio gives it the route's first rule");
            else
                report(*converted, i,
                       listenerName(listener) + " has one filter chain, and Istio gives it to the older "
                           + routeName(taker->meta));
        }
    }
}

void GatewayApiL4Check::checkPassthrough(const GatewayApiL4Routes::Listener &listener)
{
    std::set<std::string> served;
    for (const auto &converted : listener.virtualServices) {
        const std::vector<L4Route> &rules = converted->tls;
        for (size_t i = 0; i < rules.size(); ++i) {
            if (rules[i].match.empty())
                continue;
            const std::vector<std::string> &names = rules[i].match.front().sniHosts;
            const auto taken = std::find_if(names.begin(), names.end(),
                                            [&](const std::string &name) { return served.count(name) > 0; });
            if (taken != names.end()) {
                report(*converted, i,
                       "SNI " + *taken + " on " + listenerName(listener)
                           + " is already served by an earlier rule (the route's first, or an older route's); "
                             "Envoy cannot have two filter chains for one name, so Istio skips this one");
                continue;
            }
            served.insert(names.begin(), names.end());
        }
    }
}

void GatewayApiL4Check::report(const VirtualService &converted, size_t rule, const std::string &why)
{
    const Mesh &mesh = m_context.mesh();
    const auto route = std::find_if(mesh.gatewayApiRoutes.begin(), mesh.gatewayApiRoutes.end(), [&](const auto &found) {
        return found->meta.id() == converted.meta.id();
    });
    if (route == mesh.gatewayApiRoutes.end() || rule >= (*route)->rules.size())
        return;
    m_context.report(codes::GatewayApiL4Shadowed, Severity::Warning, (*route)->meta, (*route)->rules[rule].location,
                     routeName((*route)->meta) + " rules[" + std::to_string(rule)
                         + "] never receives a connection: " + why,
                     "give each TCP route a listener of its own (or merge the backends into one rule); give each "
                     "TLS host one rule");
}

} // namespace meshlane
