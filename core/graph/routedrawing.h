// SPDX-License-Identifier: MIT
#pragma once

#include "model/httproute.h"

#include <string>

namespace meshlane {

struct Mesh;

// What the graph draws of a rule, and whether two snapshots draw the same:
// an edge's condition text, and the test that lets MeshGraph::update keep
// the previous graph's topology instead of rebuilding it.
std::string describeMatch(const HttpRoute &route);
std::string describeMatch(const L4Route &route);
// A tcp/tls rule whose matches narrow the connections it takes.
bool narrowsConnections(const L4Route &route);
// Everything the graph builder reads besides the VirtualServices is the same
// objects, and each VirtualService is the same object or draws the same.
bool drawsTheSame(const Mesh &before, const Mesh &after);

} // namespace meshlane
