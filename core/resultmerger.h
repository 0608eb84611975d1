#pragma once

#include "manifestloader.h"

#include <memory>
#include <set>
#include <vector>

namespace meshlane {

// Moves one file's results into the whole load. Files are merged in path order,
// so "the first definition wins" means the same thing whatever the threads did;
// a later definition of the same kind/namespace/name becomes an ML0004 finding.
class ResultMerger
{
public:
    explicit ResultMerger(LoadResult &whole);

    void merge(LoadResult &&part);

private:
    template<typename Resource>
    void take(std::vector<std::shared_ptr<const Resource>> &from, std::vector<std::shared_ptr<const Resource>> &to)
    {
        for (auto &resource : from) {
            if (isFirstDefinition(resource->meta))
                to.push_back(std::move(resource));
        }
    }

    bool isFirstDefinition(const ResourceMeta &meta);

    LoadResult &m_whole;
    Mesh &m_mesh;
    std::set<ResourceId> m_seen;
};

} // namespace meshlane
