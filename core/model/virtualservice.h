// SPDX-License-Identifier: MIT
#pragma once

#include "model/httproute.h"
#include "model/resourcemeta.h"
#include "model/writtenrule.h"

#include <string>
#include <vector>

namespace meshlane {

struct VirtualService
{
    ResourceMeta meta;
    std::vector<std::string> hosts;     // as written
    std::vector<std::string> hostFqdns; // expanded against meta.ns
    std::vector<std::string> gateways;  // as written; "mesh" is the sidecars
    std::vector<std::string> exportTo;
    std::vector<HttpRoute> http;
    std::vector<L4Route> tcp;
    std::vector<L4Route> tls;
    SourceLocation hostsLocation;
    SourceLocation gatewaysLocation;
    // The three lists as written, for the analyzer's duplicate-match check.
    std::vector<WrittenRule> writtenHttp;
    std::vector<WrittenRule> writtenTcp;
    std::vector<WrittenRule> writtenTls;

    // No `gateways:` means the rule applies to sidecars only ("mesh").
    bool appliesToMesh() const;
    // Gateway references resolved to "ns/name" (a bare name is in meta.ns).
    std::vector<std::string> gatewayRefs() const;
};

} // namespace meshlane
