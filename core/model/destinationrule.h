// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <string>
#include <vector>

namespace meshlane {

struct Subset
{
    std::string name;
    Labels labels;
    bool labelsWritten = false;
    SourceLocation location;
};

struct TrafficPolicySummary
{
    std::string loadBalancer; // simple: ROUND_ROBIN, LEAST_REQUEST, ... or "consistentHash"
    std::string tlsMode;      // ISTIO_MUTUAL, DISABLE, ...
    bool hasOutlierDetection = false;
    bool hasConnectionPool = false;
};

struct DestinationRule
{
    ResourceMeta meta;
    std::string host; // as written
    std::string fqdn; // expanded against meta.ns
    std::vector<Subset> subsets;
    TrafficPolicySummary trafficPolicy;
    std::vector<std::string> exportTo;
    SourceLocation hostLocation;

    const Subset *findSubset(const std::string &name) const;
};

} // namespace meshlane
