// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <map>
#include <string>

namespace meshlane {

// security.istio.io PeerAuthentication: the mTLS mode workloads accept.
struct PeerAuthentication
{
    ResourceMeta meta;
    Labels selector; // selector.matchLabels
    bool hasSelector = false;
    std::string mode; // mtls.mode: STRICT, PERMISSIVE, DISABLE, UNSET; empty when not written
    std::map<uint32_t, std::string> portLevelMtls;
    SourceLocation modeLocation;
};

} // namespace meshlane
