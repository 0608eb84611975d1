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

size_t RolloutAnnotations::rule(const std::map<std::string, std::string> &annotations)
{
    const auto found = annotations.find(kRule);
    if (found == annotations.end())
        return 0;
    if (found->second.empty() || found->second.size() > 6
        || found->second.find_first_not_of("0123456789") != std::string::npos)
        throw ImportError{0, std::string(kRule) + " must be a rule index, not '" + found->second + "'"};
    return size_t(std::stoul(found->second));
}

} // namespace meshlane
