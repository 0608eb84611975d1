// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "rollout/rolloutplan.h"

#include <optional>
#include <string>

namespace YAML {
class Node;
}

namespace meshlane {

// Reads the RolloutPlan file (apiVersion meshlane.io/v1alpha1, kind RolloutPlan;
// the format is documented in README.md). Strict: an unknown key, a wrong type
// or an out-of-range value is an error "FILE:LINE: message", because a typo in
// a gate (`sucessRate`) would otherwise silently disable it.
class RolloutPlanParser
{
public:
    static Result<RolloutPlan> parse(const std::string &text, const std::string &fileName);
    // The same rules for a document the loader already parsed (its marks are
    // the file's, so step lines are too): on failure nullopt, `message`
    // without the "FILE:LINE: " prefix and `line` 1-based (0 when unknown).
    static std::optional<RolloutPlan> parseDocument(const YAML::Node &document, std::string *message, int *line);
    // "60s", "10m", "1h", "1h30m", "90" (seconds); nullopt when unreadable or
    // beyond what Go's time.ParseDuration reads (about 292 years).
    static std::optional<double> parseDuration(const std::string &text);
};

} // namespace meshlane
