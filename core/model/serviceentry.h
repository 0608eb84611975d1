// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace meshlane {

struct ServiceEntryPort
{
    uint32_t number = 0;
    std::string name;
    std::string protocol;
    uint32_t targetPort = 0;
    SourceLocation location;
};

struct WorkloadEntryInline
{
    std::string address;
    std::map<std::string, uint32_t> ports;
    Labels labels;
    SourceLocation location;
};

struct ServiceEntry
{
    ResourceMeta meta;
    std::vector<std::string> hosts;
    std::vector<std::string> addresses;
    std::vector<ServiceEntryPort> ports;
    std::string location = "MESH_EXTERNAL"; // or MESH_INTERNAL
    std::string resolution = "NONE";        // NONE | STATIC | DNS | DNS_ROUND_ROBIN
    std::vector<WorkloadEntryInline> endpoints;
    Labels workloadSelector;
    std::vector<std::string> exportTo;
    SourceLocation hostsLocation;
    SourceLocation resolutionLocation;    // of spec.resolution; the document's start when not written
    SourceLocation locationFieldLocation; // of spec.location; the same
    bool addressesWritten = false;  // spec.addresses, even when empty
    bool addressesAllocated = false; // status.addresses lists some (Istio's DNS auto-allocation)

    bool isExternal() const { return location != "MESH_INTERNAL"; }
};

} // namespace meshlane
