// SPDX-License-Identifier: MIT
#pragma once

#include "model/deprecatedfield.h"
#include "model/resourcemeta.h"

#include <string>
#include <vector>

namespace meshlane {

struct Subset
{
    std::string name;
    Labels labels;
    bool labelsWritten = false;
    SourceLocation location;
};

// Client TLS as written (trafficPolicy.tls, or a port's): whether the
// server's identity is verified, for the analyzer.
struct ClientTlsSettings
{
    std::string mode;            // the scalar as written
    bool caCertificates = false; // written and not empty
    bool credentialName = false; // written and not empty
    SourceLocation modeLocation; // the document's start when no mode is written
};

struct PortTlsSettings
{
    std::string port; // port.number as written
    ClientTlsSettings tls;
};

struct TrafficPolicySummary
{
    std::string loadBalancer; // simple: ROUND_ROBIN, LEAST_REQUEST, ... or "consistentHash"
    ClientTlsSettings tls;     // mode: ISTIO_MUTUAL, DISABLE, ...; empty when not written
    bool hasOutlierDetection = false;
    bool hasConnectionPool = false;
};

struct DestinationRule
{
    ResourceMeta meta;
    std::string host; // as written
    std::string fqdn; // expanded against meta.ns
    std::vector<Subset> subsets;
    TrafficPolicySummary trafficPolicy;
    std::vector<std::string> exportTo;
    SourceLocation hostLocation;
    bool workloadSelectorWritten = false;
    std::vector<PortTlsSettings> portTls; // trafficPolicy.portLevelSettings, in order
    std::vector<DeprecatedField> deprecatedFields; // of trafficPolicy: "outlierDetection.consecutiveErrors", ...

    const Subset *findSubset(const std::string &name) const;
};

} // namespace meshlane
