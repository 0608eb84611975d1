// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutplan.h"

#include <yaml-cpp/yaml.h>

#include <string>

namespace meshlane {

// Writes a plan as a RolloutPlan file that RolloutPlanParser reads back into
// the same plan: how an imported Argo Rollout or Flagger Canary is saved in
// our own format, and how two plans are compared (same text, same plan).
class RolloutPlanWriter
{
public:
    static std::string write(const RolloutPlan &plan);
    // "30s", "5m", "1h", "90s", "1.5s": the shortest unit that is whole.
    static std::string durationText(double seconds);
    // A step's header match as one YAML map (headerName/headerValue, Argo's shape).
    static YAML::Node headerMatch(const MatchCondition &condition);
    // "exact", "prefix" or "regex".
    static const char *matchKindName(StringMatch::Kind kind);
};

} // namespace meshlane
