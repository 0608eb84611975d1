// SPDX-License-Identifier: MIT
#pragma once

#include "load/compactnode.h"

#include <deque>
#include <memory>
#include <optional>
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
    // A key written twice in one mapping: Kubernetes' decoder refuses the
    // document ("mapping key already defined"), while yaml-cpp keeps both
    // pairs and a lookup silently takes the first.
    struct DuplicateKey
    {
        std::string key;
        int firstLine = 0; // 1-based
        int secondLine = 0;
        int secondPosition = 0; // offset in the text, to keep the first one written
    };

    struct Documents
    {
        std::deque<CompactNodeData> nodes; // a deque: nodes never move as it grows
        std::vector<CompactNode> roots;    // one per document; a null node for an empty one
        // One per root: the first key (in text order) written twice in one of
        // its mappings, found while building it. Merge keys (`<<`) are left
        // alone: go-yaml merges them.
        std::vector<std::optional<DuplicateKey>> duplicates;
    };

    // Every document of `text`. Throws what yaml-cpp's parser throws
    // (YAML::ParserException with the offending mark).
    static std::unique_ptr<const Documents> loadAll(const std::string &text);
};

} // namespace meshlane
