// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <string>

namespace meshlane {

// gateway.networking.k8s.io GatewayClass: which controller runs the Gateways
// naming it (Istio's is istio.io/gateway-controller, class "istio").
struct GatewayClass
{
    ResourceMeta meta;
    std::string controllerName;
};

} // namespace meshlane
