// SPDX-License-Identifier: MIT
#pragma once

#include "load/loadcontrol.h"
#include "model/diagnostic.h"
#include "model/mesh.h"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

struct LoadOptions
{
    std::string defaultNamespace = "default"; // for objects with no metadata.namespace
    size_t maxFileBytes = 32u << 20;          // larger files are refused, not read
    int maxNestingDepth = 200;                // deeper YAML is refused before parsing
    size_t maxNodeVisits = 2'000'000;         // per document: stops alias bombs
    unsigned threads = 0;                     // files parsed in parallel; 0: one per core
    // Progress and cancellation of loadFolder(), for a caller on another thread.
    std::shared_ptr<LoadControl> control = {};
};

// Lines [firstLine, endLine) of a file (0-based) holding its YAML document `index`.
struct DocumentLines
{
    int firstLine = 0;
    int endLine = 0;
    int index = 0;
};

// A file's new text for ManifestLoader::reloadFiles.
struct FileReload
{
    std::optional<std::string> text; // std::nullopt drops the file
    // When not empty, the new text differs from the old only inside these
    // documents and every line is where it was: just they are parsed again
    // and the file's other resources are kept as they are (their positions
    // still hold). Anything unexpected falls back to reading the whole file.
    std::vector<DocumentLines> documents;
};

struct LoadResult
{
    std::shared_ptr<Mesh> mesh;
    Diagnostics diagnostics;
    int filesRead = 0;
    int unparseableFiles = 0; // files (or documents) that could not be parsed at all
    bool cancelled = false;   // LoadOptions::control asked to stop: the mesh is partial, not to be shown
};

// Reads a folder of manifests into a Mesh. A broken file never stops the
// others: every problem becomes a Diagnostic naming the file and line.
class ManifestLoader
{
public:
    explicit ManifestLoader(LoadOptions options = {});

    LoadResult loadFolder(const std::string &folder) const;
    // One in-memory file; `path` is only used in messages. For tests and fuzzing.
    LoadResult loadText(const std::string &path, const std::string &text) const;

    // A new snapshot of `base` in which the files named in `texts` (paths
    // relative to base.rootPath) are read again from the given text; std::nullopt
    // drops a file, an unknown path adds one. Every other file and resource is
    // shared with `base`, in the same order. A resource keeps losing to an
    // earlier definition in an unchanged file exactly as in the first load. The
    // diagnostics are those of the re-read files only; base.defaultNamespace
    // replaces the options' one. Edit operations use this so the typed model is
    // always the parse of the text that will be exported.
    LoadResult reloadFiles(const Mesh &base, const std::map<std::string, std::optional<std::string>> &texts) const;
    // The same, able to re-read just some documents of a file (a weight typed
    // in a file of a thousand VirtualServices re-reads one).
    LoadResult reloadFiles(const Mesh &base, const std::map<std::string, FileReload> &changes) const;

private:
    class Run;
    LoadOptions m_options;
};

} // namespace meshlane
