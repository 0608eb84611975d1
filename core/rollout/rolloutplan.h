// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// One step of a rollout plan, in Argo Rollouts' vocabulary.
struct RolloutStep
{
    enum class Kind { SetWeight, Pause, SetHeaderRoute, SetMirror };
    Kind kind = Kind::SetWeight;
    int weight = 0; // SetWeight: the canary's share, 0-100
    std::optional<double> pauseSeconds; // Pause: none = until promoted by hand
    std::string headerRouteName; // SetHeaderRoute
    std::vector<MatchCondition> match; // SetHeaderRoute: empty removes the route
    double mirrorPercent = 0; // SetMirror: 0 removes the mirror
    int line = 0; // 1-based, in the plan file

    std::string describe() const; // "setWeight 10", "pause 60s", "setHeaderRoute testers", "setMirror 20%"
};

// Analysis gates, judged over each pause at every interval.
struct RolloutAnalysis
{
    double intervalSeconds = 60;
    int failureLimit = 0; // failed intervals tolerated; one more rolls back
    int64_t minRequests = 0; // fewer canary requests in an interval: no verdict
    std::optional<double> successRateMin; // the canary's non-5xx share
    std::optional<double> latencyP99MaxMs;
};

// A staged canary of one VirtualService http route from `stable` to `canary`
// (subset names of the route's host), or of one Gateway API HTTPRoute rule
// (stable and canary are then backend Service names).
struct RolloutPlan
{
    std::string name;
    std::string ns;
    std::string virtualServiceNs;
    std::string virtualServiceName;
    std::string http = "0"; // index or route name, as findHttpRoute reads it
    std::string httpRouteNs; // set instead of the VirtualService for a Gateway API plan
    std::string httpRouteName;
    size_t rule = 0;
    std::string stable;
    std::string canary;
    std::vector<RolloutStep> steps;
    std::optional<RolloutAnalysis> analysis;

    bool onHttpRoute() const { return !httpRouteName.empty(); }
};

} // namespace meshlane
