// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace meshlane {

struct ContainerPort
{
    std::string name;
    uint32_t containerPort = 0;
    std::string protocol = "TCP";
};

struct Container
{
    std::string name;
    std::string image;
    std::vector<ContainerPort> ports;
    std::vector<std::pair<std::string, std::string>> env;
};

// Deployment, StatefulSet, DaemonSet, ReplicaSet or a bare Pod: whatever makes
// pods. Routing only needs the pod labels and how many pods there are.
struct Workload
{
    ResourceMeta meta;
    Labels podLabels;      // spec.template.metadata.labels (a Pod's own labels)
    Labels selector;       // spec.selector.matchLabels
    int replicas = 1;      // DaemonSets count as one pod per node: we assume 1
    std::vector<Container> containers;
    std::string nodeName; // spec.nodeName (of the pod template): Istio labels pods with their Node's topology
};

} // namespace meshlane
