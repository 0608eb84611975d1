// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <string_view>

namespace meshlane {

// The proxy that applies a route table, as Istio sees it when it decides
// which match blocks a proxy gets: its workload labels and namespace (for
// `sourceLabels` / `sourceNamespace`) and the listener port (for `port`).
// For a sidecar that is the calling workload; for a gateway, the gateway's
// pods. A view: the referenced strings and labels must outlive it.
struct ProxyContext
{
    const Labels *labels = nullptr;
    std::string_view ns;
    uint32_t port = 0;
};

} // namespace meshlane
