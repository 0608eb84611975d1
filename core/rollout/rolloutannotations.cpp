// SPDX-License-Identifier: MIT
#include "rollout/rolloutannotations.h"

namespace meshlane {

std::map<std::string, std::string> RolloutAnnotations::read(ImportReader &metadata)
{
    std::map<std::string, std::string> found;
    std::optional<ImportReader> annotations = metadata.map("annotations");
    if (!annotations)
        return found;
    for (const auto &entry : annotations->node()) {
        const std::string key = entry.first.Scalar();
        if (key.rfind("meshlane.io/", 0) == 0 && entry.second.IsScalar()) {
            annotations->take(key.c_str());
            found[key] = entry.second.Scalar();
        }
    }
    annotations->listRest("annotations do not change the plan; ignored");
    return found;
}

std::optional<int64_t> RolloutAnnotations::minRequests(const std::map<std::string, std::string> &annotations)
{
    const auto found = annotations.find(kMinRequests);
    if (found == annotations.end())
        return std::nullopt;
    try {
        size_t used = 0;
        const long long value = std::stoll(found->second, &used);
        if (used == found->second.size() && value >= 0)
            return value;
    } catch (...) {
    }
    throw ImportError{0,
                      std::string(kMinRequests) + " must be a whole number of requests, not '" + found->second + "'"};
}

} // namespace meshlane
