// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "rollout/rolloutplan.h"

#include <cstddef>
#include <string>

namespace meshlane {

// Identifies the RolloutPlan ns/name of a mesh (Mesh::rolloutPlans).
struct RolloutPlanRef
{
    std::string ns;
    std::string name;
};

// Edits of a plan's `spec.steps`, with the contract of meshedit.h: a new
// snapshot plus the text edits (only the bytes of the changed steps move;
// comments, flow style and the other keys stay), or an error and no change.
// `index` is 0-based. A step's value is written as the plan file spells it:
// `setWeight: 10`, `pause: {duration: 5m}` (`pause: {}` waits to be promoted
// by hand), `setMirror: {percent: 20}`, `setHeaderRoute: {name, match}`.

// Inserts `step` at position `at` (steps.size() appends).
Result<MeshChange> addRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &plan, size_t at,
                                  const RolloutStep &step);
// Removes step `index` (not the last one: a plan needs a step).
Result<MeshChange> removeRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &plan, size_t index);
// Step `from` ends up at position `to`; its comment lines move with it.
Result<MeshChange> moveRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &plan, size_t from, size_t to);
// Replaces step `index` by `step`. Of the same kind only the changed values
// are rewritten (`setWeight: 10` -> `setWeight: 20` moves two bytes); of
// another kind the step is rewritten in its place.
Result<MeshChange> setRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &plan, size_t index,
                                  const RolloutStep &step);

// The plan ns/name of `mesh`, or null.
const RolloutPlanResource *findRolloutPlan(const Mesh &mesh, const RolloutPlanRef &plan);
// Seconds as a plan writes them: "5m", "1h", "90s", "1.5s".
std::string rolloutDurationText(double seconds);

} // namespace meshlane
