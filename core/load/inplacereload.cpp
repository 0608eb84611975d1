// SPDX-License-Identifier: MIT
#include "load/inplacereload.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace meshlane {

namespace {

bool inDocuments(const ResourceMeta &meta, const std::string &path, const std::set<int> &documents)
{
    return documents.count(meta.documentIndex) && meta.location.file == path;
}

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

// Replaces, in `current`, the elements from the re-read documents with those
// of `fresh`, pairing them in document order; false unless they pair up one
// to one in the same places. `fresh` keeps its elements (sorted): a refusal
// leaves it usable for the merge.
template<typename Element>
bool swapIn(std::vector<Element> &current, std::vector<Element> &fresh, const std::string &path,
            const std::set<int> &documents)
{
    std::vector<size_t> positions;
    for (size_t i = 0; i < current.size(); ++i) {
        if (inDocuments(metaOf(current[i]), path, documents))
            positions.push_back(i);
    }
    if (positions.size() != fresh.size())
        return false;
    std::stable_sort(fresh.begin(), fresh.end(),
                     [](const Element &a, const Element &b) { return documentOrder(metaOf(a), metaOf(b)); });
    for (size_t k = 0; k < positions.size(); ++k) {
        if (!samePlace(metaOf(current[positions[k]]), metaOf(fresh[k])))
            return false;
    }
    for (size_t k = 0; k < positions.size(); ++k)
        current[positions[k]] = fresh[k];
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
    const std::string &path = file->path;
    Mesh &mesh = *m_mesh;
    bool swapped = true;
    MeshResources::forEachKind([&](auto list) {
        swapped = swapped && swapIn(mesh.*list, reread.*list, path, documents);
    });
    if (!swapped || !swapIn(mesh.otherResources, reread.otherResources, path, documents))
        return false;
    *place = std::move(file);
    return true;
}

std::shared_ptr<Mesh> InPlaceReload::finish()
{
    m_mesh->buildIndex(m_base);
    return std::move(m_mesh);
}

} // namespace meshlane
