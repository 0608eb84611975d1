// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace meshlane {

struct Mesh;
struct VirtualService;

// The fraction (0..1) of a VirtualService's requests (or connections) that
// one destination receives. `route` counts the http routes first, then tcp,
// then tls (see shareRouteIndex).
struct DestinationShare
{
    int route = 0;
    int destination = 0;
    double share = 0;
};

// Decides the traffic share the graph prints on edges. Replaceable because the
// honest answer depends on the request mix: the router's expected split will
// take over from defaultRouteShares once it exists. Destinations it does not
// list get 0.
using EdgeShareModel = std::function<std::vector<DestinationShare>(const Mesh &, const VirtualService &)>;

// DestinationShare::route of `section`[index] ("http", "tcp", "tls"):
// tcp[i] is http.size() + i, tls[i] is http.size() + tcp.size() + i.
int shareRouteIndex(const VirtualService &virtualService, const std::string &section, int index);

// Assumes requests match no condition: they take the catch-all route (the first
// route with no match conditions) split by relative weight; a VirtualService
// with no catch-all is represented by its first route. A VirtualService
// without http routes is shown the same way by its tcp routes, else its tls ones.
std::vector<DestinationShare> defaultRouteShares(const Mesh &mesh, const VirtualService &virtualService);

} // namespace meshlane
