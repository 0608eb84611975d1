// SPDX-License-Identifier: MIT
#include "routing/routedecision.h"

namespace meshlane {

int ResolvedTarget::podCount() const
{
    int count = 0;
    for (const PodSet &set : pods)
        count += set.replicas;
    return count;
}

std::map<int, double> RouteDecision::statusShares() const
{
    std::map<int, double> shares;
    if (action != RouteAction::Forward) {
        shares[status] = 1.0;
        return shares;
    }
    for (const DestinationOutcome &destination : destinations) {
        if (destination.probability > 0)
            shares[destination.target.status] += destination.probability;
    }
    return shares;
}

std::map<int, double> RouteDecision::outcomes() const
{
    const double abort = fault.abortProbability();
    std::map<int, double> result;
    if (abort > 0)
        result[fault.abortHttpStatus()] += abort;
    if (abort < 1) {
        for (const auto &[code, share] : statusShares())
            result[code] += share * (1 - abort);
    }
    return result;
}

} // namespace meshlane
