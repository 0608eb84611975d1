// SPDX-License-Identifier: MIT
#include "load/inplacereload.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace meshlane {

namespace {

bool samePlace(const ResourceMeta &a, const ResourceMeta &b)
{
    return a.kind == b.kind && a.ns == b.ns && a.name == b.name && a.documentIndex == b.documentIndex
        && a.listIndex == b.listIndex;
}

bool documentOrder(const ResourceMeta &a, const ResourceMeta &b)
{
    return std::tie(a.documentIndex, a.listIndex) < std::tie(b.documentIndex, b.listIndex);
}

const ResourceMeta &metaOf(const ResourceMeta &meta) { return meta; }
template<typename Resource>
const ResourceMeta &metaOf(const std::shared_ptr<const Resource> &resource)
{
    return resource->meta;
}

// Replaces, in `current`, the elements at `positions` (those of the re-read
// documents, ascending) with those of `fresh`, pairing them in document
// order; false unless they pair up one to one in the same places. `fresh`
// keeps its elements: a refusal leaves it usable for the merge.
template<typename Element>
bool swapIn(CowVector<Element> &current, const CowVector<Element> &fresh, const std::vector<size_t> &positions)
{
    if (positions.size() != fresh.size())
        return false;
    std::vector<Element> sorted = fresh.toVector();
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Element &a, const Element &b) { return documentOrder(metaOf(a), metaOf(b)); });
    for (size_t k = 0; k < positions.size(); ++k) {
        if (!samePlace(metaOf(current[positions[k]]), metaOf(sorted[k])))
            return false;
    }
    for (size_t k = 0; k < positions.size(); ++k)
        current.mutableAt(positions[k]) = sorted[k];
    return true;
}

} // namespace

InPlaceReload::InPlaceReload(const Mesh &base)
    : m_base(base)
    , m_mesh(std::make_shared<Mesh>(base))
{
}

bool InPlaceReload::replace(std::shared_ptr<const SourceFile> file, const std::set<int> &documents, Mesh &reread)
{
    const auto place = std::find_if(m_mesh->files.begin(), m_mesh->files.end(),
                                    [&file](const auto &candidate) { return candidate->path == file->path; });
    if (place == m_mesh->files.end())
        return false;
    // Positions per kind of the re-read documents' resources, from the base's
    // index: the snapshot being made keeps every position.
    std::map<int, std::vector<size_t>> positions;
    for (const Mesh::ResourcePlace &resource : m_base.resourcesIn(file->path)) {
        if (documents.count(m_base.metaAt(resource).documentIndex))
            positions[resource.kind].push_back(size_t(resource.position));
    }
    const auto positionsOf = [&positions](int kind) -> const std::vector<size_t> & {
        static const std::vector<size_t> none;
        const auto found = positions.find(kind);
        return found == positions.end() ? none : found->second;
    };
    Mesh &mesh = *m_mesh;
    bool swapped = true;
    int kind = 0;
    MeshResources::forEachKind([&](auto list) {
        swapped = swapped && swapIn(mesh.*list, reread.*list, positionsOf(kind));
        ++kind;
    });
    if (!swapped
        || !swapIn(mesh.otherResources, reread.otherResources, positionsOf(Mesh::ResourcePlace::kOtherResources)))
        return false;
    m_mesh->files.mutableAt(size_t(place - m_mesh->files.begin())) = std::move(file);
    return true;
}

std::shared_ptr<Mesh> InPlaceReload::finish()
{
    m_mesh->buildIndex(m_base);
    return std::move(m_mesh);
}

} // namespace meshlane
