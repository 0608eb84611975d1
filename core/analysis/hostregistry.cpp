// SPDX-License-Identifier: MIT
#include "analysis/hostregistry.h"

#include "model/hostname.h"

#include <algorithm>

namespace meshlane {

const char *const HostRegistry::IngressServiceNamespace = "istio-system";
const char *const HostRegistry::IngressServiceName = "istio-ingressgateway";

namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string trimmed(const std::string &text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

std::string annotationOf(const ResourceMeta &meta, const char *key)
{
    const auto value = meta.annotations.find(key);
    return value == meta.annotations.end() ? std::string() : value->second;
}

std::vector<std::string> exportScopes(const std::vector<std::string> &exportTo, const std::string &ns)
{
    if (exportTo.empty() || std::find(exportTo.begin(), exportTo.end(), "*") != exportTo.end())
        return {"*"};
    std::vector<std::string> scopes;
    for (const std::string &entry : exportTo) {
        const std::string scope = entry == "." ? ns : entry;
        if (std::find(scopes.begin(), scopes.end(), scope) == scopes.end())
            scopes.push_back(scope);
    }
    return scopes;
}

bool istioHostsMatch(const std::string &a, const std::string &b)
{
    const bool wildA = !a.empty() && a.front() == '*';
    const bool wildB = !b.empty() && b.front() == '*';
    if (wildA && wildB) {
        const std::string &shorter = a.size() < b.size() ? a : b;
        const std::string &longer = a.size() < b.size() ? b : a;
        return endsWith(longer.substr(1), shorter.substr(1));
    }
    if (wildA)
        return endsWith(b, a.substr(1));
    if (wildB)
        return endsWith(a, b.substr(1));
    return a == b;
}

HostRegistry::HostRegistry(const Mesh &mesh)
{
    for (const auto &entry : mesh.serviceEntries) {
        std::vector<HostPort> ports;
        for (const ServiceEntryPort &port : entry->ports)
            ports.push_back({port.number, port.name, port.protocol});
        bool everywhere = false; // once "*" is seen, later hosts are exported everywhere too (as istioctl)
        for (const std::string &written : entry->hosts) {
            if (written == "*")
                continue; // rejected by Istio: reported by the schema check, relied on by nothing
            const KnownHost host{expandHost(written, entry->meta.ns), ports, entry->workloadSelector, entry.get(),
                                 nullptr};
            if (entry->exportTo.empty() || everywhere) {
                add("*", host);
                continue;
            }
            for (const std::string &scope : entry->exportTo) {
                if (scope == "*") {
                    add("*", host);
                    everywhere = true;
                    break;
                }
                add(scope == "." ? entry->meta.ns : scope, host);
            }
        }
    }
    bool ingressWritten = false;
    for (const auto &service : mesh.services) {
        KnownHost host{service->fqdn(), {}, {}, nullptr, service.get()};
        for (const ServicePort &port : service->ports)
            host.ports.push_back({port.port, port.name, port.protocol});
        std::vector<std::string> scopes;
        const std::string annotation = annotationOf(service->meta, "networking.istio.io/exportTo");
        size_t start = 0;
        while (!annotation.empty() && start <= annotation.size()) {
            const size_t comma = annotation.find(',', start);
            const std::string token = trimmed(annotation.substr(start, comma - start));
            if (!token.empty())
                scopes.push_back(token == "." ? service->meta.ns : token);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        if (scopes.empty())
            scopes.push_back("*");
        for (const std::string &scope : scopes)
            add(scope, host);
        ingressWritten = ingressWritten
            || (service->meta.ns == IngressServiceNamespace && service->meta.name == IngressServiceName);
    }
    if (!ingressWritten) {
        const std::string fqdn = std::string(IngressServiceName) + '.' + IngressServiceNamespace + ".svc.cluster.local";
        add("*", {fqdn, {{80, "http2", "TCP"}, {443, "https", "TCP"}, {31400, "tcp", "TCP"}, {15443, "tls", "TCP"}},
                  {}, nullptr, nullptr});
    }
    for (const auto &[key, known] : m_hosts) {
        if (!known.fqdn.empty() && known.fqdn.front() == '*')
            m_wildcards.emplace_back(key.substr(0, key.size() - known.fqdn.size() - 1), &known);
    }
}

void HostRegistry::add(const std::string &scope, const KnownHost &host)
{
    m_hosts[scope + '/' + host.fqdn] = host;
}

const KnownHost *HostRegistry::find(const std::string &sourceNs, const std::vector<std::string> &exportTo,
                                    const std::string &host) const
{
    const std::string fqdn = expandHost(host, sourceNs);
    const auto lookup = [&](const std::string &scope) -> const KnownHost * {
        const auto it = m_hosts.find(scope + '/' + fqdn);
        return it == m_hosts.end() ? nullptr : &it->second;
    };
    if (const KnownHost *found = lookup("*"))
        return found;
    if (exportTo.empty()) {
        if (const KnownHost *found = lookup(sourceNs))
            return found;
    } else {
        for (const std::string &scope : exportTo) {
            if (const KnownHost *found = lookup(scope == "." ? sourceNs : scope))
                return found;
        }
    }
    const std::string wanted = toLower(!host.empty() && host.front() == '*' ? host.substr(1) : host);
    for (const auto &[scope, known] : m_wildcards) {
        if ((scope == "*" || scope == sourceNs) && endsWith(wanted, known->fqdn.substr(1)))
            return known;
    }
    return nullptr;
}

} // namespace meshlane
