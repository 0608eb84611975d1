// SPDX-License-Identifier: MIT
#pragma once

#include "load/manifestloader.h"

#include <memory>
#include <unordered_set>
#include <vector>

namespace meshlane {

// Moves one file's results into the whole load. Files are merged in path order,
// so "the first definition wins" means the same thing whatever the threads did;
// a later definition of the same kind/namespace/name becomes an ML0004 finding.
class ResultMerger
{
public:
    // An unchanged file's resources, as the previous snapshot held them: an
    // edit merges these for every file it did not touch.
    struct Kept : MeshResources
    {
        std::vector<const ResourceMeta *> otherResources;
    };

    explicit ResultMerger(LoadResult &whole);

    void merge(LoadResult &&part);
    void merge(Kept &&kept, std::shared_ptr<const SourceFile> file);

private:
    template<typename Resource>
    void take(const ResourceList<Resource> &from, ResourceList<Resource> &to)
    {
        for (const auto &resource : from) {
            if (isFirstDefinition(resource->meta))
                to.push_back(resource);
        }
    }

    bool isFirstDefinition(const ResourceMeta &meta);

    struct IdHash
    {
        size_t operator()(const ResourceId &id) const;
    };

    LoadResult &m_whole;
    Mesh &m_mesh;
    // Hashed: an edit re-merges every resource of the mesh, and a thousand
    // services are five thousand look-ups per slider step.
    std::unordered_set<ResourceId, IdHash> m_seen;
};

} // namespace meshlane
