// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <string>
#include <vector>

namespace meshlane {

// Istio Sidecar: which workloads it configures and what they may reach.
struct Sidecar
{
    ResourceMeta meta;
    Labels workloadSelector; // workloadSelector.labels
    bool hasWorkloadSelector = false;
    std::vector<std::string> egressHosts; // every egress[].hosts entry, as written
    bool egressProxy = false;             // outboundTrafficPolicy.egressProxy (deprecated, ignored)
    SourceLocation egressProxyLocation;
};

} // namespace meshlane
