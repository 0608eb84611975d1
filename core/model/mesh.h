// SPDX-License-Identifier: MIT
#pragma once

#include "model/meshresources.h"
#include "model/sourcefile.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// The loaded mesh: an immutable snapshot. Resources are shared between snapshots, and so are their
// lists, in chunks (ResourceList): an edit copies chunk pointers, not the whole mesh. Call buildIndex()
// once after assembling; after that nothing changes (share it as
// std::shared_ptr<const Mesh> across threads freely).
//
// Whoever compares two snapshots may rely on that sharing: a resource the edit
// did not touch is the very same object (same address) in both, as long as
// both snapshots are alive.
struct Mesh : MeshResources
{
    std::string rootPath; // the opened folder, absolute
    // LoadOptions::defaultNamespace the mesh was read with: re-reading an edited
    // file must give namespace-less objects the same namespace as the first load.
    std::string defaultNamespace = "default";
    CowVector<std::shared_ptr<const SourceFile>> files;
    CowVector<ResourceMeta> otherResources; // ConfigMaps, ServiceAccounts...: kept, not modelled

    void buildIndex();
    // The same, sharing `previous`'s index when every resource is where it
    // was and keeps what the index is keyed on (an edit that moved weights):
    // the index holds positions, not pointers, so it stays true. Otherwise
    // builds a new one. `previous` must be alive while this runs only.
    void buildIndex(const Mesh &previous);
    // True when this snapshot's index is `other`'s (for tests).
    bool sharesIndexWith(const Mesh &other) const { return m_index && m_index == other.m_index; }

    const Service *findService(const std::string &fqdn) const;
    const Gateway *findGateway(const std::string &nsSlashName) const;
    const VirtualService *findVirtualService(const std::string &ns, const std::string &name) const;
    int virtualServiceIndex(const std::string &ns, const std::string &name) const; // -1 if none
    const SourceFile *findFile(const std::string &relativePath) const;
    // Where a resource read from a file sits in this snapshot: the index of
    // its kind in MeshResources::forEachKind's order (kOtherResources for
    // otherResources) and its position in that list.
    struct ResourcePlace
    {
        static constexpr int kOtherResources = -1;
        int kind = kOtherResources;
        int position = 0;
    };
    // The resources read from `relativePath`, kind by kind in forEachKind's
    // order, then the other resources; each kind in list order. An edit that
    // re-reads one file looks here instead of through the whole mesh.
    const std::vector<ResourcePlace> &resourcesIn(const std::string &relativePath) const;
    const ResourceMeta &metaAt(const ResourcePlace &place) const;
    // DestinationRules whose host equals `fqdn`, in load order.
    std::vector<const DestinationRule *> destinationRulesFor(const std::string &fqdn) const;
    const Subset *findSubset(const std::string &fqdn, const std::string &subset,
                             const DestinationRule **owner = nullptr) const;
    // ServiceEntries with a host matching `host` (wildcards honoured).
    std::vector<const ServiceEntry *> serviceEntriesFor(const std::string &host) const;
    // Workloads in the Service's namespace whose pod labels the selector selects.
    std::vector<const Workload *> workloadsOf(const Service &service) const;
    // The version a destination stands for, which names its colour in every
    // view: the subset when there is one; else the `version` label all the
    // host's pods share (a Gateway API canary has one Service per version);
    // else the host itself.
    std::string versionOf(const std::string &fqdn, const std::string &subset) const;
    // Those of them whose labels also include every subset label.
    std::vector<const Workload *> workloadsOf(const Service &service, const Labels &subsetLabels) const;
    // Mesh VirtualServices (bound to "mesh") that list `fqdn` among their hosts.
    std::vector<const VirtualService *> meshVirtualServicesFor(const std::string &fqdn) const;
    // True when `host` is known: a Service, a ServiceEntry host, or a wildcard.
    bool isKnownHost(const std::string &fqdn) const;

private:
    struct Index;
    const Index &index() const;
    bool keepsIndexKeysOf(const Mesh &previous) const;

    std::shared_ptr<const Index> m_index; // null before buildIndex(): nothing is found
};

using MeshPtr = std::shared_ptr<const Mesh>;

} // namespace meshlane
