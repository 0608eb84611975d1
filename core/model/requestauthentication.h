// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

namespace meshlane {

// security.istio.io RequestAuthentication: which workloads validate JWTs.
struct RequestAuthentication
{
    ResourceMeta meta;
    Labels selector; // selector.matchLabels; empty selects the whole namespace
    bool hasTargetRef = false;
};

} // namespace meshlane
