// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "rollout/rolloutplan.h"

#include <string>
#include <vector>

namespace meshlane {

// What reading an Argo Rollout, a Flagger Canary or a RolloutPlan file gave:
// the plan, and every part of the source the plan does not carry, listed
// rather than silently dropped (a user must see that their webhooks, scaling
// or query text were not taken into account). The readers return
// Result<RolloutImport>: a file that gives no plan fails with
// "FILE:LINE: message".
struct RolloutImport
{
    struct Note
    {
        int line = 0; // 1-based; 0 when the note is about the whole file
        std::string field; // "spec.strategy.canary.maxSurge"
        std::string reason; // why it is ignored or how it was approximated
    };

    std::string fileName;
    std::string format; // "RolloutPlan", "Argo Rollout", "Flagger Canary"
    RolloutPlan plan;
    std::vector<Note> notes;

    // "FILE:LINE: FIELD: REASON", one per note.
    std::vector<std::string> noteLines() const
    {
        std::vector<std::string> lines;
        for (const Note &note : notes)
            lines.push_back(fileName + (note.line > 0 ? ":" + std::to_string(note.line) : std::string()) + ": "
                            + note.field + ": " + note.reason);
        return lines;
    }
};

} // namespace meshlane
