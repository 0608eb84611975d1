// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "model/mesh.h"
#include "rollout/behaviourprofile.h"
#include "rollout/rolloutplan.h"
#include "simulation/trafficmix.h"

#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// What a rehearsal of a plan runs against: a traffic-mix file's `classes`
// and its `behaviour` profiles, or without a file GET / to the plan's route
// (at TrafficMix's default rate). The workbench and `meshlane rollout` read a
// .traffic file through here, so they agree.
struct RehearsalTraffic
{
    TrafficMix mix;
    std::vector<BehaviourProfile> profiles;

    // The request a plan's traffic defaults to: the first host of its
    // VirtualService, or for an HTTPRoute plan the route's parent Service (a
    // mesh route, GAMMA) or else its first hostname; from the route's
    // namespace. Fails ("no VirtualService ns/name") when the route is missing.
    static Result<HttpRequest> defaultRequest(const Mesh &mesh, const RolloutPlan &plan);

    // defaultRequest(), then the traffic file's text when there is one;
    // fails with the reason (a line of the file, or the missing route).
    static Result<RehearsalTraffic> forPlan(const Mesh &mesh, const RolloutPlan &plan,
                                            const std::optional<std::string> &trafficText);
};

} // namespace meshlane
