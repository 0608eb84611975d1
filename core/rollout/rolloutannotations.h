// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/importreader.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace meshlane {

// What a plan carries that Argo Rollouts and Flagger have no field for,
// written as meshlane.io annotations on the exported resource so that it
// reads back into the same plan (Kubernetes keeps annotations as they are;
// both controllers ignore ones they do not know).
class RolloutAnnotations
{
public:
    static constexpr const char *kMinRequests = "meshlane.io/min-requests"; // the gates' minRequests
    // Flagger generates its own VirtualService between <target>-primary and
    // <target>-canary; these name the mesh's route and subsets instead.
    static constexpr const char *kVirtualService = "meshlane.io/virtual-service"; // ns/name
    static constexpr const char *kHttpRoute = "meshlane.io/http-route"; // index or name
    static constexpr const char *kStable = "meshlane.io/stable";
    static constexpr const char *kCanary = "meshlane.io/canary";
    // Gateway API plans: the HTTPRoute (ns/name; Flagger names it after the
    // Service) and the rule, which neither Argo's plugin nor Flagger names.
    static constexpr const char *kHttpRouteRef = "meshlane.io/httproute";
    static constexpr const char *kRule = "meshlane.io/rule";

    // The rule index of kRule (0 when absent); throws ImportError when it is not a number.
    static size_t rule(const std::map<std::string, std::string> &annotations);

    // The meshlane.io annotations of `metadata` (others are listed as ignored).
    static std::map<std::string, std::string> read(ImportReader &metadata);
    static std::optional<int64_t> minRequests(const std::map<std::string, std::string> &annotations);
};

} // namespace meshlane
