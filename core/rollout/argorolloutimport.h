// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutimport.h"

#include <string>

namespace meshlane {

// Reads an Argo Rollouts `Rollout` (argoproj.io/v1alpha1) into a plan.
//
// The canary strategy's steps (setWeight, pause, setHeaderRoute,
// setMirrorRoute) become plan steps one for one; the Istio traffic routing
// gives the route (virtualService name and its one http route name; the
// Rollout's namespace) and the subsets (destinationRule stableSubsetName,
// canarySubsetName); with the argoproj-labs/gatewayAPI plugin instead, an
// HTTPRoute plan between stableService and canaryService. Background analysis templates found in the same file
// (AnalysisTemplate documents) give the gates when their successCondition is
// a plain threshold on `result[0]` and the metric's name says what it
// measures ("success"; "latency" or "duration"). Everything else (pod
// template, scaling, other providers' routing, queries) is listed in notes.
//
// Differences a note names: Argo ORs the entries of a header route's match
// while the plan ANDs them; a mirror route's own match is dropped (the plan
// mirrors the whole route); `>` is read as `>=`.
class ArgoRolloutImport
{
public:
    static Result<RolloutImport> read(const std::string &text, const std::string &fileName);
};

} // namespace meshlane
