// SPDX-License-Identifier: MIT
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace meshlane {

// Finds a field of a resource in its regenerated YAML. Findings point at the
// file as written (line and column), but the YAML pane shows the resource
// regenerated in kubectl's layout: keys sorted, comments and server fields
// dropped, so the lines differ. What both texts share is the field's path
// from the resource's root (keys and list indexes): the path is read at the
// finding's position in the parsed resource, then looked up in the other text.
class YamlFieldLocator
{
public:
    struct Step
    {
        std::string key; // a mapping key, or
        int index = -1;  // a list index
        bool operator==(const Step &) const = default;
    };
    using Path = std::vector<Step>;

    // The field written at `line`:`column` (1-based; column 0: anywhere on
    // the line) in `resource`, a node as the loader parsed it (its marks count
    // lines of the whole file): the outermost key or list item starting
    // there, else the last one starting on an earlier line. Empty when the
    // node has no position or nothing of it comes before.
    static Path pathAt(const YAML::Node &resource, int line, int column);

    // The 0-based line of `path` in `yamlText` (one document), or of its
    // nearest ancestor the text has; 0 for an empty path or unreadable text.
    static int lineOf(const std::string &yamlText, const Path &path);

    // "spec.http[0].route[1].weight"
    static std::string toString(const Path &path);
};

} // namespace meshlane
