// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <memory>
#include <set>
#include <string>

namespace meshlane {

// The quick way to the snapshot after an edit that re-read some documents of
// a file: when they read back as the same resources (kind, namespace, name,
// document and list position), the new Mesh is the old one with just those
// objects and the file swapped in place, and it shares the old index (see
// Mesh::buildIndex(const Mesh &)). The whole-mesh merge ManifestLoader does
// otherwise costs time in proportion to the mesh, ~10 ms on 1,000 services,
// which a slider drag pays on every step.
//
// Anything else (a resource added, renamed, dropped, moved; one that lost to
// an earlier definition) makes replace() refuse, and the caller merges.
class InPlaceReload
{
public:
    explicit InPlaceReload(const Mesh &base);

    // Swaps in `file` and, for its `documents`, the resources `reread` holds
    // (taken from it). False when they are not the same resources; the
    // object is then unusable.
    bool replace(std::shared_ptr<const SourceFile> file, const std::set<int> &documents, Mesh &reread);
    // The new snapshot, indexed.
    std::shared_ptr<Mesh> finish();

private:
    const Mesh &m_base;
    std::shared_ptr<Mesh> m_mesh;
};

} // namespace meshlane
