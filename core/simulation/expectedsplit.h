// SPDX-License-Identifier: MIT
#pragma once

#include "routing/routedecision.h"

#include <map>
#include <string>
#include <vector>

namespace meshlane {

class Router;
struct TrafficMix;

// Where traffic goes, as exact probabilities (no sampling). Faults come first
// (delay and abort drawn independently); an aborted request is neither
// forwarded nor mirrored; mirrors copy requests that reached a destination.
struct ExpectedSplit
{
    struct Share
    {
        std::string host;
        std::string subset;
        double probability = 0; // of all requests
    };

    std::vector<Share> destinations; // in first-seen order
    std::vector<Share> mirrors;
    std::map<int, double> statuses;
    double delayed = 0;

    static ExpectedSplit of(const RouteDecision &decision);
    // Each class's split weighted by its share of the mix.
    static ExpectedSplit of(const Router &router, const TrafficMix &mix);

    // Adds `other` scaled by `weight` (merging targets by host and subset).
    void add(const ExpectedSplit &other, double weight);
    double destinationProbability(const std::string &host, const std::string &subset) const;
    double mirrorProbability(const std::string &host, const std::string &subset) const;
};

} // namespace meshlane
