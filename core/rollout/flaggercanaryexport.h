// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutexporttarget.h"
#include "rollout/rolloutplan.h"

#include <string>
#include <vector>

namespace meshlane {

// Writes a plan as a Flagger `Canary` (flagger.app/v1beta1, provider istio,
// or gatewayapi:v1 for an HTTPRoute plan)
// that FlaggerCanaryImport reads back into the same plan when the plan has a
// shape Flagger can run:
// - progressive: setWeight/pause pairs (stepWeights; `analysis.interval` is
//   the pause, the metrics' interval the plan's judging window), optionally
//   after one mirrored pause (mirror, mirrorWeight);
// - A/B testing: a header route and one pause (match, iterations of the
//   plan's analysis interval);
// - Blue/Green: pauses only (iterations), optionally mirrored.
// A final setWeight 100 is Flagger's promotion. What does not fit (a header
// stage before progressive weights, pauses of different lengths, a manual
// pause) is left out and named in `notes`. The mesh's route and subsets, and
// minRequests, travel as meshlane.io annotations (see RolloutAnnotations).
class FlaggerCanaryExport
{
public:
    static std::string write(const RolloutPlan &plan, const RolloutExportTarget &target,
                             std::vector<std::string> *notes = nullptr);
};

} // namespace meshlane
