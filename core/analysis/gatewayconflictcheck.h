// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Gateways that fight over one proxy, as istioctl's gateway analyzers: two
// gateways on the same workloads (equal selectors, or one's selector written
// inside the other's with a pod matching both) serving one host on one port
// (IST0145, per server); a gateway sharing a TLS certificate with another on
// workloads its selector also covers (IST0138: HTTP/2 connection reuse sends
// requests for one to the other's hosts). Unlike istioctl, hosts are compared
// as written by each gateway only (its check adds one gateway's hosts to
// another's as it goes, so its result depends on map order).
class GatewayConflictCheck
{
public:
    explicit GatewayConflictCheck(AnalysisContext &context);
    void run();

private:
    void checkHosts();
    void checkCertificates();

    AnalysisContext &m_context;
};

} // namespace meshlane
