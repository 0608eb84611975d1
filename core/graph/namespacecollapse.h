// SPDX-License-Identifier: MIT
#pragma once

#include <set>
#include <string>
#include <vector>

namespace meshlane {

class MeshGraph;

// The namespaces the graph's nodes are in, sorted (hosts with no namespace,
// such as a reference to an unknown host, are in none).
std::vector<std::string> graphNamespaces(const MeshGraph &graph);

// "ns:<name>": the id of a collapsed namespace's node.
std::string namespaceNodeId(const std::string &ns);

// `graph` with each of `namespaces` drawn as one Namespace node: its
// gateways, services, app boxes, versions and external hosts fold into it
// (their pods, services and problems counted on it). Edges inside a folded
// namespace go; edges into or out of it end at its node, and those that then
// join the same two nodes become one, as MeshGraph::build merges parallel
// edges: route shares add up, a mirror keeps the largest copy, it is
// conditional only if all were. `merged` counts them. Everything else keeps
// its id, so selection and find carry over. Not incremental.
MeshGraph collapseNamespaces(const MeshGraph &graph, const std::set<std::string> &namespaces);

} // namespace meshlane
