// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourceid.h"
#include "model/sourcelocation.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

namespace meshlane {

using Labels = std::map<std::string, std::string>;

// True when every label of `selector` is present with the same value in `labels`
// (Kubernetes equality-based selection). An empty selector selects everything.
bool labelsMatch(const Labels &selector, const Labels &labels);

// What every loaded object shares: identity, origin and the document as written.
struct ResourceMeta
{
    std::string apiVersion; // kept as written: v1alpha3 stays v1alpha3 on export
    std::string kind;
    std::string name;
    std::string ns;
    bool namespaceWritten = false; // false when `default`/--namespace was assumed
    Labels labels;
    Labels annotations; // metadata.annotations with scalar values (annotationOf reads them)
    SourceLocation location; // the document's first line (its `apiVersion`/`kind` key)
    int documentIndex = 0;   // 0-based index of the YAML document within its file
    int listIndex = -1;      // index inside a `kind: List`, -1 when top level
    // The document as parsed. Unknown fields live here so regenerated YAML keeps
    // them. Shared and never mutated after loading (yaml-cpp nodes are handles).
    // Null for Services, workloads and kinds Meshlane only lists: nothing
    // re-reads them, and their trees were most of a large mesh's memory.
    YAML::Node raw;

    ResourceId id() const { return {kind, ns, name}; }
};

} // namespace meshlane
