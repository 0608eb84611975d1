// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meshlane {

struct ServicePort
{
    std::string name;
    uint32_t port = 0;
    std::string targetPort; // number or named port, as written
    std::string protocol = "TCP";
    std::string appProtocol;
};

// A Kubernetes Service: the host `<name>.<ns>.svc.cluster.local` and its pods.
struct Service
{
    ResourceMeta meta;
    Labels selector;
    bool hasSelector = false; // a selector-less Service has no pods we can see
    std::vector<ServicePort> ports;
    std::string type = "ClusterIP";

    std::string fqdn() const { return meta.name + '.' + meta.ns + ".svc.cluster.local"; }
};

} // namespace meshlane
