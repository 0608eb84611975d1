// SPDX-License-Identifier: MIT
#pragma once

#include "base/translatedtext.h"
#include "model/mesh.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace meshlane {

// One analysis check of the canary over one interval.
struct GateCheck
{
    enum class Verdict { Pass, Fail, None };
    double at = 0; // simulated seconds at the end of the window
    Verdict verdict = Verdict::None;
    std::string metric; // "successRate" or "latencyP99"
    double observed = 0;
    double threshold = 0;
    int64_t requests = 0; // canary requests in the window (served and mirrored)

    static const char *verdictName(Verdict verdict);
};

// What one destination (of the plan's route host) did during one step.
struct DestinationStats
{
    int64_t requests = 0;
    int64_t errors = 0; // 5xx: behaviour-profile errors, or a broken destination (503)
    double latencyP50Ms = 0;
    double latencyP99Ms = 0;
};

struct RehearsalStep
{
    size_t index = 0; // 1-based position in spec.steps; after the last for promote/rollback
    std::string action; // "setWeight 10", "pause 60s", ..., "promote", "rollback"
    double startedAt = 0;
    std::map<std::string, int> weights; // subset -> weight of the plan's route, after the step
    std::map<std::string, DestinationStats> destinations; // subset -> stats while the step ran
    std::vector<GateCheck> gates;
    MeshPtr mesh; // the mesh as this step left it (each step is an ordinary edit)
};

struct RehearsalReport
{
    enum class Outcome { Promoted, RolledBack, Paused, Error };
    Outcome outcome = Outcome::Error;
    double endedAt = 0;
    std::vector<RehearsalStep> steps;
    int64_t requests = 0; // every simulated request
    int64_t canaryRequests = 0; // routed to the canary (users saw the answer)
    int64_t mirroredToCanary = 0; // shadow copies (answers dropped)
    int64_t failedRequests = 0; // 5xx users saw: faults, broken destinations, profile errors
    size_t rolledBackAtStep = 0; // 1-based; 0 unless rolled back
    TranslatedText explanation;
    std::string error; // the plan does not fit the mesh; nothing was rehearsed
    MeshPtr finalMesh;

    static const char *outcomeName(Outcome outcome);
};

} // namespace meshlane
