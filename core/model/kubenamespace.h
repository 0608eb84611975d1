// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

namespace meshlane {

// A Kubernetes Namespace object (its labels: injection, ambient dataplane mode).
struct KubeNamespace
{
    ResourceMeta meta;
};

} // namespace meshlane
