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

} // namespace meshlane
