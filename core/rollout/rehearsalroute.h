// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "edit/meshchange.h"
#include "model/mesh.h"
#include "rollout/rolloutplan.h"
#include "simulation/simulationcounts.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>

namespace meshlane {

// The route a rehearsal steers: the plan's VirtualService http route or
// HTTPRoute rule, changed one step at a time through the edits of core/edit
// (the one edit path), so every step's snapshot is what an export would
// write. Kept apart from Rehearsal, which plays the plan in simulated time
// and only asks this for the next snapshot, so what a step writes can be
// read (and tested) without the simulation.
//
// It remembers what the plan added (the header routes, the mirror) so that
// promoting or rolling back removes exactly those. A step that cannot be
// done fails with the reason and leaves the snapshot of the last step that
// could.
class RehearsalRoute
{
public:
    RehearsalRoute(MeshPtr mesh, RolloutPlan plan);

    // Finds the route, adds the canary at weight 0 when it is missing and
    // gives the stable version everything.
    Result<void> prepare();
    Result<void> setWeights(int canaryWeight);
    // Adds, changes or (with no match) removes the step's header route.
    Result<void> setHeaderRoute(const RolloutStep &step);
    Result<void> setMirror(double percent); // 0 removes it
    // Removes the header routes and the mirror the plan added.
    Result<void> clearManagedRoutes();

    const MeshPtr &mesh() const { return m_mesh; }
    // The weights the last setWeights wrote, by subset (backend Service name for HTTPRoutes).
    const std::map<std::string, int> &weights() const { return m_weights; }
    bool hasManagedRoutes() const { return !m_headerRoutes.empty() || m_mirrorSet; }

    // Whether a simulated destination is one of the plan route's, the canary,
    // and the key reports use for it (subset; backend Service name for HTTPRoutes).
    bool onPlanRoute(const SimulationCounts::Target &target) const;
    bool isCanary(const SimulationCounts::Target &target) const;
    std::string keyOf(const SimulationCounts::Target &target) const;

private:
    Result<void> apply(const Result<MeshChange> &change);
    Result<void> prepareHttpRoute();
    Result<void> setHeaderRule(const RolloutStep &step);
    GatewayRuleRef ruleRef(size_t rule) const;
    const GatewayApiRoute *httpRoute() const; // the plan's HTTPRoute in the current mesh
    const RouteRule *httpRouteRule() const;
    Result<void> setBackendWeights(int canaryWeight);
    const HttpRoute *weightedRoute() const;

    MeshPtr m_mesh;
    RolloutPlan m_plan;
    std::string m_hostFqdn; // of the route's destinations
    std::string m_hostWritten; // as the stable destination writes it
    std::map<std::string, std::string> m_backendNames; // HTTPRoute plans: backend FQDN -> Service name
    std::string m_canaryFqdn; // HTTPRoute plans
    size_t m_routeIndex = 0; // of the weighted route (or rule): header routes go before it
    std::map<std::string, int> m_weights;
    std::set<std::string> m_headerRoutes; // names of routes (or rules) the plan added
    bool m_mirrorSet = false;
};

} // namespace meshlane
