// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutimport.h"

#include <string>

namespace meshlane {

// Reads a Flagger `Canary` (flagger.app/v1beta1) into a plan by unrolling
// what Flagger's scheduler does, one check every `analysis.interval`:
// - canary (stepWeight or stepWeights): weight S, 2S, ... (capped at 100)
//   until it reaches maxWeight (default 100), or the stepWeights in order;
//   each weight is held for one interval and judged at its end; then
//   promotion. With `mirror`, one mirrored interval (mirrorWeight %, default
//   100) comes first, as Flagger's runCanary does at weight 0.
// - A/B testing (iterations and match): a header route to the canary for
//   iterations x interval, then promotion.
// - Blue/Green (iterations, no match): the canary gets no user traffic (or
//   mirrored traffic with `mirror`) for iterations x interval, then promotion.
// Gates: request-success-rate thresholdRange.min (a percentage) and
// request-duration thresholdRange.max (p99, ms), judged over the metric's
// interval (default 1m); `threshold` failed checks roll back, so the plan's
// failureLimit is threshold - 1 (Flagger: failedChecks >= threshold).
// Flagger routes between its own Services <target>-primary and
// <target>-canary. With provider gatewayapi that is an HTTPRoute plan as it
// stands (HTTPRoute <service name>, those two backends). With istio the
// meshlane.io annotations (see RolloutAnnotations) name the mesh's
// VirtualService route and subsets, and without them the plan uses
// VirtualService <service name>, route 0, subsets primary/canary (listed).
class FlaggerCanaryImport
{
public:
    static Result<RolloutImport> read(const std::string &text, const std::string &fileName);
};

} // namespace meshlane
