// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

namespace meshlane {

// A Kubernetes Node: its labels carry the topology (region, zone, hostname)
// that Istio adds to the labels of the pods running on it.
struct Node
{
    ResourceMeta meta;
};

} // namespace meshlane
