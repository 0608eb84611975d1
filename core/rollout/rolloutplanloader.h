// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutimport.h"

#include <string>

namespace meshlane {

// Reads a plan from any file `meshlane rollout --plan` accepts, told apart by
// apiVersion and kind: a RolloutPlan (meshlane.io), an Argo Rollouts Rollout
// (argoproj.io, with its AnalysisTemplates in the same file) or a Flagger
// Canary (flagger.app).
class RolloutPlanLoader
{
public:
    static Result<RolloutImport> load(const std::string &text, const std::string &fileName);
};

} // namespace meshlane
