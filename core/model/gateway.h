// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meshlane {

struct GatewayServer
{
    uint32_t portNumber = 0;
    std::string portName;
    std::string protocol;
    std::vector<std::string> hosts; // may carry a "namespace/" prefix
    std::string tlsMode;
    std::string name;
    SourceLocation location;
    // Where tls takes its certificate from, as written: the analyzer compares
    // servers' certificates and looks their Secrets up.
    bool tlsWritten = false;  // a tls mapping
    std::string credentialName; // may carry a "namespace/" prefix
    std::string serverCertificate;
    std::string privateKey;
    SourceLocation credentialNameLocation;
};

struct Gateway
{
    ResourceMeta meta;
    Labels selector;
    std::vector<GatewayServer> servers;

    // True when `host` (a request authority, no port) is served by some server.
    // `*.example.com` matches `a.example.com`; `*` matches everything.
    bool servesHost(const std::string &host) const;
};

// Wildcard host match in Istio's sense: "*" matches anything, "*.x" matches any
// name ending in ".x"; otherwise the names must be equal (case-insensitive).
bool hostMatchesPattern(const std::string &pattern, const std::string &host);

} // namespace meshlane
