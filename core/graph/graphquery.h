// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace meshlane {

struct Mesh;
class MeshGraph;

// Find and hide on the graph: a small expression language over its nodes,
// shaped after Kiali's find/hide so its users need not learn another.
//
//   reviews                   a word: the name contains it (any case)
//   name = reviews-*          name, ns (namespace), app, version, kind (node):
//   ns != istio-system        `=` and `!=` compare with * and ? wildcards
//   label:app=ratings         a label of the node's resource; `label:app` has it
//   has:split  has:mirror     routes to several destinations / mirrors or is mirrored
//   is:broken  is:external    (or just `broken`, `external`); is:gateway, is:service...,
//                             is:namespace (a collapsed one)
//   a and b   a or b   not a  also `&&`, `||`, `!`; a space is `and`; ( ) group
//
// A parse error names the column (1-based) where the expression went wrong.
class GraphQuery
{
public:
    static Result<GraphQuery> parse(std::string_view text);

    // The nodes it selects, by index, ascending.
    std::vector<int> select(const MeshGraph &graph, const Mesh &mesh) const;

    struct Expression;

private:
    std::shared_ptr<const Expression> m_root;
};

} // namespace meshlane
