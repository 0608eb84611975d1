// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <memory>
#include <string>

namespace meshlane {

struct RolloutPlan; // rollout/rolloutplan.h: the model does not depend on the rollout engine

// A RolloutPlan (meshlane.io/v1alpha1) of the folder. It is a resource like
// the others so that its steps are edited through the one edit path (patched
// text, re-read, undo by snapshot) and exported byte-minimally.
struct RolloutPlanResource
{
    ResourceMeta meta;
    // Null when the strict plan reader refused the document; `error` says
    // why ("plan.yaml:12: setWeight must be a number from 0 to 100").
    std::shared_ptr<const RolloutPlan> plan;
    std::string error;
};

} // namespace meshlane
