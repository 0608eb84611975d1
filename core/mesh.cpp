#include "mesh.h"

#include "hostname.h"

namespace meshlane {

bool labelsMatch(const Labels &selector, const Labels &labels)
{
    for (const auto &[key, value] : selector) {
        const auto it = labels.find(key);
        if (it == labels.end() || it->second != value)
            return false;
    }
    return true;
}

void Mesh::buildIndex()
{
    m_servicesByFqdn.clear();
    m_gatewaysByRef.clear();
    m_virtualServicesByRef.clear();
    m_rulesByHost.clear();
    m_workloadsByNamespace.clear();
    m_meshVirtualServicesByHost.clear();
    m_filesByPath.clear();

    for (const auto &file : files)
        m_filesByPath.emplace(file->path, file.get());
    for (const auto &service : services)
        m_servicesByFqdn.emplace(service->fqdn(), service.get());
    for (const auto &gateway : gateways)
        m_gatewaysByRef.emplace(gateway->meta.ns + '/' + gateway->meta.name, gateway.get());
    for (size_t i = 0; i < virtualServices.size(); ++i) {
        const VirtualService &vs = *virtualServices[i];
        m_virtualServicesByRef.emplace(vs.meta.ns + '/' + vs.meta.name, int(i));
        if (vs.appliesToMesh()) {
            for (const std::string &host : vs.hostFqdns)
                m_meshVirtualServicesByHost[host].push_back(&vs);
        }
    }
    for (const auto &rule : destinationRules)
        m_rulesByHost[rule->fqdn].push_back(rule.get());
    for (const auto &workload : workloads)
        m_workloadsByNamespace[workload->meta.ns].push_back(workload.get());
}

const Service *Mesh::findService(const std::string &fqdn) const
{
    const auto it = m_servicesByFqdn.find(fqdn);
    return it == m_servicesByFqdn.end() ? nullptr : it->second;
}

const Gateway *Mesh::findGateway(const std::string &nsSlashName) const
{
    const auto it = m_gatewaysByRef.find(nsSlashName);
    return it == m_gatewaysByRef.end() ? nullptr : it->second;
}

int Mesh::virtualServiceIndex(const std::string &ns, const std::string &name) const
{
    const auto it = m_virtualServicesByRef.find(ns + '/' + name);
    return it == m_virtualServicesByRef.end() ? -1 : it->second;
}

const VirtualService *Mesh::findVirtualService(const std::string &ns, const std::string &name) const
{
    const int index = virtualServiceIndex(ns, name);
    return index < 0 ? nullptr : virtualServices[size_t(index)].get();
}

const SourceFile *Mesh::findFile(const std::string &relativePath) const
{
    const auto it = m_filesByPath.find(relativePath);
    return it == m_filesByPath.end() ? nullptr : it->second;
}

std::vector<const DestinationRule *> Mesh::destinationRulesFor(const std::string &fqdn) const
{
    const auto it = m_rulesByHost.find(fqdn);
    return it == m_rulesByHost.end() ? std::vector<const DestinationRule *>{} : it->second;
}

const Subset *Mesh::findSubset(const std::string &fqdn, const std::string &subset,
                               const DestinationRule **owner) const
{
    const auto it = m_rulesByHost.find(fqdn);
    if (it == m_rulesByHost.end())
        return nullptr;
    for (const DestinationRule *rule : it->second) {
        if (const Subset *found = rule->findSubset(subset)) {
            if (owner)
                *owner = rule;
            return found;
        }
    }
    return nullptr;
}

std::vector<const ServiceEntry *> Mesh::serviceEntriesFor(const std::string &host) const
{
    std::vector<const ServiceEntry *> result;
    for (const auto &entry : serviceEntries) {
        for (const std::string &pattern : entry->hosts) {
            if (hostMatchesPattern(pattern, host)) {
                result.push_back(entry.get());
                break;
            }
        }
    }
    return result;
}

std::vector<const Workload *> Mesh::workloadsOf(const Service &service) const
{
    return workloadsOf(service, {});
}

std::vector<const Workload *> Mesh::workloadsOf(const Service &service, const Labels &subsetLabels) const
{
    std::vector<const Workload *> result;
    if (!service.hasSelector)
        return result;
    const auto it = m_workloadsByNamespace.find(service.meta.ns);
    if (it == m_workloadsByNamespace.end())
        return result;
    for (const Workload *workload : it->second) {
        if (labelsMatch(service.selector, workload->podLabels) && labelsMatch(subsetLabels, workload->podLabels))
            result.push_back(workload);
    }
    return result;
}

std::vector<const VirtualService *> Mesh::meshVirtualServicesFor(const std::string &fqdn) const
{
    const auto it = m_meshVirtualServicesByHost.find(fqdn);
    return it == m_meshVirtualServicesByHost.end() ? std::vector<const VirtualService *>{} : it->second;
}

bool Mesh::isKnownHost(const std::string &fqdn) const
{
    if (fqdn.find('*') != std::string::npos)
        return true;
    return findService(fqdn) || !serviceEntriesFor(fqdn).empty();
}

const Subset *DestinationRule::findSubset(const std::string &subsetName) const
{
    for (const Subset &subset : subsets) {
        if (subset.name == subsetName)
            return &subset;
    }
    return nullptr;
}

bool hostMatchesPattern(const std::string &pattern, const std::string &host)
{
    const std::string p = toLower(pattern);
    const std::string h = toLower(host);
    if (p == "*")
        return true;
    if (p.size() > 1 && p[0] == '*' && p[1] == '.') {
        const std::string suffix = p.substr(1); // ".example.com"
        return h.size() > suffix.size() && h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0;
    }
    return p == h;
}

bool Gateway::servesHost(const std::string &host) const
{
    for (const GatewayServer &server : servers) {
        for (const std::string &written : server.hosts) {
            // "ns/host" restricts which namespaces may bind; the host part decides.
            const size_t slash = written.find('/');
            const std::string pattern = slash == std::string::npos ? written : written.substr(slash + 1);
            if (hostMatchesPattern(pattern, host))
                return true;
        }
    }
    return false;
}

bool VirtualService::appliesToMesh() const
{
    if (gateways.empty())
        return true;
    for (const std::string &gateway : gateways) {
        if (gateway == "mesh")
            return true;
    }
    return false;
}

std::vector<std::string> VirtualService::gatewayRefs() const
{
    std::vector<std::string> refs;
    for (const std::string &gateway : gateways) {
        if (gateway == "mesh")
            continue;
        refs.push_back(gateway.find('/') == std::string::npos ? meta.ns + '/' + gateway : gateway);
    }
    return refs;
}

} // namespace meshlane
