// SPDX-License-Identifier: MIT
#pragma once

#include "load/compactnode.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace meshlane {

// Parses manifests into CompactNode trees straight from yaml-cpp's event
// parser (YAML::Parser and an EventHandler). The events are what
// YAML::LoadAll builds its trees from, so the trees are the same: the same
// nodes, marks, tags, and aliases shared with their anchors. What differs is
// the cost: yaml-cpp's node building (reference-counted nodes in
// per-document memory pools, keys found by converting each to a string)
// was about half of the load, and freeing its trees another tenth.
class CompactYaml
{
public:
    struct Documents
    {
        std::deque<CompactNodeData> nodes; // a deque: nodes never move as it grows
        std::vector<CompactNode> roots;    // one per document; a null node for an empty one
    };

    // Every document of `text`. Throws what yaml-cpp's parser throws
    // (YAML::ParserException with the offending mark).
    static std::unique_ptr<const Documents> loadAll(const std::string &text);
};

} // namespace meshlane
