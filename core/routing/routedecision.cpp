// SPDX-License-Identifier: MIT
#include "routing/routedecision.h"

#include "base/translatedtext.h"

namespace meshlane {

std::string targetLine(const ResolvedTarget &target)
{
    std::string text = target.host;
    if (!target.subset.empty())
        text += " subset " + target.subset;
    if (target.port)
        text += " port " + std::to_string(*target.port);
    if (target.status != 200)
        return text + " -> " + std::to_string(target.status) + ": " + target.problem.text();
    if (!target.pods.empty()) {
        std::string pods;
        for (size_t i = 0; i < target.pods.size(); ++i)
            pods += (i ? ", " : "") + target.pods[i].ns + '/' + target.pods[i].name + " x"
                + std::to_string(target.pods[i].replicas);
        const int count = target.podCount();
        text += " -> "
            + (count == 1 ? MESHLANE_TR("meshlane::Router", "%1 pod (%2)")
                          : MESHLANE_TR("meshlane::Router", "%1 pods (%2)"))
                  .arg(count)
                  .arg(pods)
                  .text();
    }
    if (!target.note.empty())
        text += " [" + target.note.text() + ']';
    return text;
}

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

int RouteDecision::forwardStatus() const
{
    int best = 200;
    double bestShare = -1;
    for (const auto &[code, share] : statusShares()) {
        if (share >= bestShare) {
            best = code;
            bestShare = share;
        }
    }
    return best;
}

} // namespace meshlane
