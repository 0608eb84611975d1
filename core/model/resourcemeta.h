// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourceid.h"
#include "model/sourcelocation.h"

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
    // metadata.creationTimestamp as written (RFC 3339 sorts as text), empty when
    // absent: Istio orders rules of one host, and Gateway API routes, by age.
    std::string creationTimestamp;
    SourceLocation location; // the document's first line (its `apiVersion`/`kind` key)
    int documentIndex = 0;   // 0-based index of the YAML document within its file
    int listIndex = -1;      // index inside a `kind: List`, -1 when top level

    ResourceId id() const { return {kind, ns, name}; }
};

} // namespace meshlane
