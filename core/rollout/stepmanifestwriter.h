// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "rollout/rehearsalreport.h"

#include <string>
#include <vector>

namespace meshlane {

// What StepManifestWriter::write wrote. When it fails (Result), nothing is
// promised about the output folder.
struct StepManifestSummary
{
    std::vector<std::string> folders; // step-01-header-route-testers, ... (relative to the output folder)
    std::vector<std::string> written; // folder/relative file path
};

// Writes one folder per step of a rehearsal (`step-03-weight-10/`) holding
// the manifests that step changed, as they are after it: for teams that
// promote a canary by pull request, one folder per PR. Each step's mesh comes
// from the ordinary edit path (a Rehearsal, typically run with
// RehearsalOptions::simulate false), so a file differs from the one before
// it only in the bytes the step changed. Steps that change no file (pauses)
// get no folder; the numbers follow the plan's steps, promote and rollback
// come after the last.
class StepManifestWriter
{
public:
    static Result<StepManifestSummary> write(const MeshPtr &start, const RehearsalReport &report,
                                             const std::string &outputDir);
    // "step-03-weight-10" for step 3 "setWeight 10".
    static std::string folderName(const RehearsalStep &step);
};

} // namespace meshlane
