// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "rollout/rolloutplan.h"

#include <cstdint>
#include <string>

namespace meshlane {

// What an Argo Rollout or a Flagger Canary needs besides the plan: the
// workload it drives, its pods' labels, the DestinationRule of the subsets,
// the Service port and the route's name. Read from the mesh the plan runs on;
// the defaults (used without a mesh) are named after the route.
struct RolloutExportTarget
{
    std::string workload; // the stable Deployment (Argo workloadRef, Flagger targetRef)
    Labels selector; // the pods' common labels (Argo spec.selector): the Service's selector
    std::string destinationRule; // owner of the stable and canary subsets
    std::string service; // the route host's Service (Flagger service.name)
    uint32_t port = 0; // its first port (Flagger service.port); 0 when unknown
    std::string httpRouteName; // the VirtualService http route's `name:` (Argo refers to routes by name)

    static RolloutExportTarget defaults(const RolloutPlan &plan);
    static RolloutExportTarget fromMesh(const Mesh &mesh, const RolloutPlan &plan);
};

} // namespace meshlane
