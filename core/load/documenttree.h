// SPDX-License-Identifier: MIT
#pragma once

#include "load/manifestloader.h"
#include "model/mesh.h"

#include <yaml-cpp/yaml.h>

#include <string>

namespace meshlane {

// The parse tree of one loaded resource, read again from its file's text when
// asked. The loader keeps no trees: yaml-cpp spends 10-20 KB on a document of
// a few hundred bytes, and on a mesh of 10,000 services the trees were two
// thirds of the memory. What the model and the analyzer need is read from them
// while loading; edits and the YAML pane, which need a tree, ask here for the
// one document they work on.
class DocumentTree
{
public:
    // `meta`'s node (its document, or its item of a `kind: List`) as parsed
    // from `file`, with every mark at its line and column in the file. A null
    // node (IsNull()) when the text no longer holds that resource where it
    // was loaded from.
    static YAML::Node of(const SourceFile &file, const ResourceMeta &meta);
    // The same from `text`, the text of the file `meta` was read from.
    static YAML::Node ofText(const std::string &text, const ResourceMeta &meta);
    // The same, from the file `meta` was loaded from in `mesh`.
    static YAML::Node of(const Mesh &mesh, const ResourceMeta &meta);

    // Lines [lines.firstLine, lines.endLine) of `text` after as many line
    // breaks as there are lines before them: parsed alone, every position in
    // it is the position in the whole text. Empty when the lines are not there.
    static std::string linesInPlace(const std::string &text, const DocumentLines &lines);
    // The lines of the document that holds line `line` (0-based): from the
    // document marker at or before it to the next one.
    static DocumentLines documentAround(const std::string &text, int line);
};

} // namespace meshlane
