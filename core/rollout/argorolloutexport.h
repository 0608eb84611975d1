// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutexporttarget.h"
#include "rollout/rolloutplan.h"

#include <string>
#include <vector>

namespace meshlane {

// Writes a plan as an Argo Rollouts `Rollout` (canary strategy with Istio
// subset-level traffic routing, or the Gateway API plugin with
// canaryService/stableService for an HTTPRoute plan) and, when the plan has gates, an
// AnalysisTemplate of Prometheus metrics on Istio's standard telemetry whose
// successConditions are the plan's thresholds. ArgoRolloutImport reads the
// result back into the same plan. `notes` lists what Argo cannot say
// exactly (an http route chosen by index, a VirtualService in another
// namespace, a header route with several conditions).
class ArgoRolloutExport
{
public:
    static std::string write(const RolloutPlan &plan, const RolloutExportTarget &target,
                             std::vector<std::string> *notes = nullptr);
    // The name of the route a whole-route mirror step adds (Argo's routes are named).
    static constexpr const char *kMirrorRouteName = "meshlane-mirror";
};

} // namespace meshlane
