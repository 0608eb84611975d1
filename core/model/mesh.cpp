// SPDX-License-Identifier: MIT
#include "model/mesh.h"

#include "model/hostname.h"

#include <algorithm>
#include <set>
#include <stdexcept>

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

// Positions into the Mesh's vectors, keyed by what lookups ask for.
struct Mesh::Index
{
    std::unordered_map<std::string, int> servicesByFqdn;
    std::unordered_map<std::string, int> gatewaysByRef;
    std::unordered_map<std::string, int> virtualServicesByRef;
    std::unordered_map<std::string, std::vector<int>> rulesByHost;
    std::unordered_map<std::string, std::vector<int>> workloadsByNamespace;
    std::unordered_map<std::string, std::vector<int>> meshVirtualServicesByHost;
    std::unordered_map<std::string, int> filesByPath;
    std::unordered_map<std::string, std::vector<Mesh::ResourcePlace>> resourcesByFile;
};

const Mesh::Index &Mesh::index() const
{
    static const Index empty;
    return m_index ? *m_index : empty;
}

void Mesh::buildIndex()
{
    auto built = std::make_shared<Index>();
    Index &index = *built;
    for (size_t i = 0; i < files.size(); ++i)
        index.filesByPath.emplace(files[i]->path, int(i));
    for (size_t i = 0; i < services.size(); ++i)
        index.servicesByFqdn.emplace(services[i]->fqdn(), int(i));
    for (size_t i = 0; i < gateways.size(); ++i)
        index.gatewaysByRef.emplace(gateways[i]->meta.ns + '/' + gateways[i]->meta.name, int(i));
    for (size_t i = 0; i < virtualServices.size(); ++i) {
        const VirtualService &vs = *virtualServices[i];
        index.virtualServicesByRef.emplace(vs.meta.ns + '/' + vs.meta.name, int(i));
        if (vs.appliesToMesh()) {
            for (const std::string &host : vs.hostFqdns)
                index.meshVirtualServicesByHost[host].push_back(int(i));
        }
    }
    for (size_t i = 0; i < destinationRules.size(); ++i)
        index.rulesByHost[destinationRules[i]->fqdn].push_back(int(i));
    for (size_t i = 0; i < workloads.size(); ++i)
        index.workloadsByNamespace[workloads[i]->meta.ns].push_back(int(i));
    int kind = 0;
    forEachList([&](const auto &list) {
        for (size_t i = 0; i < list.size(); ++i)
            index.resourcesByFile[list[i]->meta.location.file].push_back({kind, int(i)});
        ++kind;
    });
    for (size_t i = 0; i < otherResources.size(); ++i)
        index.resourcesByFile[otherResources[i].location.file].push_back({ResourcePlace::kOtherResources, int(i)});
    m_index = std::move(built);
}

void Mesh::buildIndex(const Mesh &previous)
{
    if (previous.m_index && keepsIndexKeysOf(previous))
        m_index = previous.m_index;
    else
        buildIndex();
}

bool Mesh::keepsIndexKeysOf(const Mesh &previous) const
{
    // Position by position: the same object (an untouched resource) needs no
    // look, nor does a chunk of the list both snapshots share; a replaced
    // resource must keep every key the index was built from, the file it was
    // read from included.
    const auto same = [](const auto &mine, const auto &theirs, const auto &sameKeys) {
        return mine.equals(theirs, [&sameKeys](const auto &a, const auto &b) { return a == b || sameKeys(*a, *b); });
    };
    const auto sameFile = [](const ResourceMeta &a, const ResourceMeta &b) {
        return a.location.file == b.location.file;
    };
    const auto sameFileOf = [&sameFile](const auto &a, const auto &b) { return sameFile(a.meta, b.meta); };
    bool samePlaces = otherResources.equals(previous.otherResources, sameFile);
    forEachKind([&](auto list) { samePlaces = samePlaces && same(this->*list, previous.*list, sameFileOf); });
    const auto sameMeta = [](const ResourceMeta &a, const ResourceMeta &b) { return a.ns == b.ns && a.name == b.name; };
    return samePlaces
        && same(files, previous.files, [](const SourceFile &a, const SourceFile &b) { return a.path == b.path; })
        && same(services, previous.services, [](const Service &a, const Service &b) { return a.fqdn() == b.fqdn(); })
        && same(gateways, previous.gateways,
                [&](const Gateway &a, const Gateway &b) { return sameMeta(a.meta, b.meta); })
        && same(virtualServices, previous.virtualServices,
                [&](const VirtualService &a, const VirtualService &b) {
                    return sameMeta(a.meta, b.meta) && a.appliesToMesh() == b.appliesToMesh()
                        && a.hostFqdns == b.hostFqdns;
                })
        && same(destinationRules, previous.destinationRules,
                [](const DestinationRule &a, const DestinationRule &b) { return a.fqdn == b.fqdn; })
        && same(workloads, previous.workloads,
                [](const Workload &a, const Workload &b) { return a.meta.ns == b.meta.ns; });
}

const Service *Mesh::findService(const std::string &fqdn) const
{
    const auto &map = index().servicesByFqdn;
    const auto it = map.find(fqdn);
    return it == map.end() ? nullptr : services[size_t(it->second)].get();
}

const Gateway *Mesh::findGateway(const std::string &nsSlashName) const
{
    const auto &map = index().gatewaysByRef;
    const auto it = map.find(nsSlashName);
    return it == map.end() ? nullptr : gateways[size_t(it->second)].get();
}

int Mesh::virtualServiceIndex(const std::string &ns, const std::string &name) const
{
    const auto &map = index().virtualServicesByRef;
    const auto it = map.find(ns + '/' + name);
    return it == map.end() ? -1 : it->second;
}

const VirtualService *Mesh::findVirtualService(const std::string &ns, const std::string &name) const
{
    const int index = virtualServiceIndex(ns, name);
    return index < 0 ? nullptr : virtualServices[size_t(index)].get();
}

const SourceFile *Mesh::findFile(const std::string &relativePath) const
{
    const auto &map = index().filesByPath;
    const auto it = map.find(relativePath);
    return it == map.end() ? nullptr : files[size_t(it->second)].get();
}

const std::vector<Mesh::ResourcePlace> &Mesh::resourcesIn(const std::string &relativePath) const
{
    static const std::vector<ResourcePlace> none;
    const auto &map = index().resourcesByFile;
    const auto it = map.find(relativePath);
    return it == map.end() ? none : it->second;
}

const ResourceMeta &Mesh::metaAt(const ResourcePlace &place) const
{
    if (place.kind == ResourcePlace::kOtherResources)
        return otherResources.at(size_t(place.position));
    const ResourceMeta *meta = nullptr;
    int kind = 0;
    forEachList([&](const auto &list) {
        if (kind++ == place.kind)
            meta = &list.at(size_t(place.position))->meta;
    });
    if (!meta)
        throw std::out_of_range("no resource kind " + std::to_string(place.kind));
    return *meta;
}

std::string Mesh::versionOf(const std::string &fqdn, const std::string &subset) const
{
    if (!subset.empty())
        return subset;
    std::set<std::string> versions;
    if (const Service *service = findService(fqdn)) {
        for (const Workload *workload : workloadsOf(*service)) {
            const auto version = workload->podLabels.find("version");
            versions.insert(version == workload->podLabels.end() ? std::string() : version->second);
        }
    }
    return versions.size() == 1 && !versions.begin()->empty() ? *versions.begin() : fqdn;
}

std::vector<const DestinationRule *> Mesh::destinationRulesFor(const std::string &fqdn) const
{
    std::vector<const DestinationRule *> rules;
    const auto &map = index().rulesByHost;
    if (const auto it = map.find(fqdn); it != map.end()) {
        for (int position : it->second)
            rules.push_back(destinationRules[size_t(position)].get());
    }
    return rules;
}

const Subset *Mesh::findSubset(const std::string &fqdn, const std::string &subset,
                               const DestinationRule **owner) const
{
    const auto &map = index().rulesByHost;
    const auto it = map.find(fqdn);
    if (it == map.end())
        return nullptr;
    for (int position : it->second) {
        const DestinationRule *rule = destinationRules[size_t(position)].get();
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
    const auto &map = index().workloadsByNamespace;
    const auto it = map.find(service.meta.ns);
    if (it == map.end())
        return result;
    for (int position : it->second) {
        const Workload *workload = workloads[size_t(position)].get();
        if (labelsMatch(service.selector, workload->podLabels) && labelsMatch(subsetLabels, workload->podLabels))
            result.push_back(workload);
    }
    return result;
}

std::vector<const VirtualService *> Mesh::meshVirtualServicesFor(const std::string &fqdn) const
{
    std::vector<const VirtualService *> result;
    const auto &map = index().meshVirtualServicesByHost;
    if (const auto it = map.find(fqdn); it != map.end()) {
        for (int position : it->second)
            result.push_back(virtualServices[size_t(position)].get());
    }
    return result;
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
