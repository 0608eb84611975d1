// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace meshlane {

class MeshGraph;

// Focus mode: the nodes within `hops` edges of `seeds`, along edges either
// way (mirrors included), so a service brings its gateways, its versions and
// what it mirrors to. A version brings its app box, and an app box its
// versions: a box is never shown half. Indexes, ascending.
std::vector<int> graphNeighbourhood(const MeshGraph &graph, const std::vector<int> &seeds, int hops);

} // namespace meshlane
