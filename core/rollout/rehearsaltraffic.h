// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "rollout/behaviourprofile.h"
#include "rollout/rolloutplan.h"
#include "simulation/trafficmix.h"

#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// What a rehearsal of a plan runs against: a traffic-mix file's `classes`
// and its `behaviour` profiles, or without a file GET / to the first host of
// the plan's VirtualService (at TrafficMix's default rate). The workbench and
// `meshlane rollout` must read a .traffic file the same way, so they agree.
struct RehearsalTraffic
{
    TrafficMix mix;
    std::vector<BehaviourProfile> profiles;

    // nullopt and `error` when the route is missing or the text does not read.
    static std::optional<RehearsalTraffic> forPlan(const Mesh &mesh, const RolloutPlan &plan,
                                                   const std::optional<std::string> &trafficText, std::string *error);
};

} // namespace meshlane
