// SPDX-License-Identifier: MIT
#include "load/resultmerger.h"

namespace meshlane {

ResultMerger::ResultMerger(LoadResult &whole)
    : m_whole(whole)
    , m_mesh(*whole.mesh)
{
}

void ResultMerger::merge(LoadResult &&part)
{
    Mesh &from = *part.mesh;
    m_whole.filesRead += part.filesRead;
    m_whole.unparseableFiles += part.unparseableFiles;
    for (Diagnostic &diagnostic : part.diagnostics)
        m_whole.diagnostics.push_back(std::move(diagnostic));
    for (const auto &file : from.files)
        m_mesh.files.push_back(file);
    MeshResources::forEachKind([&](auto list) { take(from.*list, m_mesh.*list); });
    for (const ResourceMeta &meta : from.otherResources) {
        if (isFirstDefinition(meta))
            m_mesh.otherResources.push_back(meta);
    }
}

void ResultMerger::merge(Kept &&kept, std::shared_ptr<const SourceFile> file)
{
    m_mesh.files.push_back(std::move(file));
    MeshResources::forEachKind([&](auto list) { take(kept.*list, m_mesh.*list); });
    for (const ResourceMeta *meta : kept.otherResources) {
        if (isFirstDefinition(*meta))
            m_mesh.otherResources.push_back(*meta);
    }
}

size_t ResultMerger::IdHash::operator()(const ResourceId &id) const
{
    const std::hash<std::string> hash;
    return hash(id.name) ^ (hash(id.ns) * 31) ^ (hash(id.kind) * 131);
}

bool ResultMerger::isFirstDefinition(const ResourceMeta &meta)
{
    if (m_seen.insert(meta.id()).second)
        return true;
    Diagnostic diagnostic;
    diagnostic.code = codes::DuplicateResource;
    diagnostic.severity = Severity::Error;
    diagnostic.resource = meta.id();
    diagnostic.location = meta.location;
    diagnostic.message = meta.kind + ' ' + meta.ns + '/' + meta.name
        + " is defined twice; this later definition is ignored";
    diagnostic.fix = "remove or rename one of them";
    m_whole.diagnostics.push_back(std::move(diagnostic));
    return false;
}

} // namespace meshlane
