// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "model/mesh.h"

#include <functional>
#include <string>
#include <vector>

namespace meshlane {

struct ExportOptions
{
    // The snapshot as loaded from disk. When set, a file whose text on disk no
    // longer matches it is refused: somebody changed it since, and writing
    // would throw their change away.
    const Mesh *loaded = nullptr;
    // When exporting to another folder, copy the files that are not manifests
    // too (README.md, kustomization inputs...), so the output is a copy of the
    // whole tree. Only meaningful when the mesh was read from a folder.
    bool copyOtherFiles = true;
    // Called before each file is renamed into place, with its relative path:
    // lets a test make the n-th replacement fail (another program racing
    // the export) and check that the earlier ones are undone.
    std::function<void(const std::string &relative)> beforeReplacing;
};

// What a successful export did. exportTo fails like anything else (Result),
// with every "path: why" it found, one per line: every file is checked before
// any is written, and the user should see all the problems at once.
struct ExportSummary
{
    std::string outputDir;              // absolute
    std::vector<std::string> written;   // relative paths
    std::vector<std::string> unchanged; // already identical there: not touched
};

// Writes a mesh's files (their text as edited) into a folder: the folder it
// was read from (in place) or another one (a copy of the tree with the
// changes). Unchanged files are not touched, so a no-op export leaves every
// byte (and timestamp) as it was, and a copy of an unedited mesh is
// byte-identical to its source.
//
// All or nothing: every file is first written to a hidden temporary file in
// its target folder; only when all of them were written are they renamed over
// the targets (rename is atomic, so a reader sees the old file or the new one,
// never half); should the n-th rename fail, the files the earlier ones
// replaced are put back (kept under a second name until the last rename), so
// the folder is as before. Permissions of a replaced file are kept; a new file gets its
// source's. Any failure before the renames removes the temporaries and leaves
// every original untouched. Paths come only from the mesh's own relative file
// names, are checked by checkSafeRelativePath, and must resolve (symbolic links
// included) inside the output folder.
class Exporter
{
public:
    explicit Exporter(MeshPtr mesh, ExportOptions options = {});

    // `outputDir` empty means in place.
    Result<ExportSummary> exportTo(const std::string &outputDir) const;
    // The folder exportTo(outputDir) writes into, absolute with symbolic links
    // resolved; empty when there is no such folder (yet): where a failed
    // export was going, which its failure does not say.
    std::string outputFolder(const std::string &outputDir) const;
    // What exportTo would change, as a unified diff against the folder's current
    // files ("a/<path>", "b/<path>"); empty when nothing would change.
    std::string diff(const std::string &outputDir) const;

private:
    struct Item;
    std::vector<Item> plan(const std::string &root, std::vector<std::string> *errors) const;

    MeshPtr m_mesh;
    ExportOptions m_options;
};

} // namespace meshlane
