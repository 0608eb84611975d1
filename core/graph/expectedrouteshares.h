// SPDX-License-Identifier: MIT
#pragma once

#include "graph/edgesharemodel.h"
#include "routing/router.h"

namespace meshlane {

// The graph's shares from the routing engine: for each host of a
// VirtualService, the Router's expected split (faults and broken destinations
// included) of a plainRequest() to it, averaged over the hosts whose request
// this VirtualService decides. A host claimed by another VirtualService
// (IST0109) contributes nothing. When a plain request matches none of the
// rule's routes (every route has conditions, as in Bookinfo's gateway rule),
// the rule is shown by its first route's weights, like defaultRouteShares.
//
// The Router must be built from the Mesh the graph is built from.
EdgeShareModel expectedRouteShares(RouterPtr router);

} // namespace meshlane
