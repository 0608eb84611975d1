// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

#include <string>
#include <vector>

namespace meshlane {

// The `tcp` and `tls` routes of VirtualServices, as Istio validates them:
// TLS rules need matches with sniHosts, each SNI within the VirtualService's
// hosts (IST0106; an IP SNI is a warning); destinationSubnets must be CIDR
// blocks or addresses; a rule needs destinations; http-only fields (fault,
// mirror, retries...) do not exist here; delegates cannot have them. Then
// istioctl's unreachable rules and ineffective matches (IST0130 / IST0131,
// with its rule: identical matches only). Meshlane's own: tcp / tls routes no
// port of their host would use (ML0112), and Gateway TCP / TLS servers no
// bound rule serves, whose connections are refused (ML0113).
class L4RouteCheck
{
public:
    explicit L4RouteCheck(AnalysisContext &context);

    void run();

private:
    void checkRules(const VirtualService &vs, const std::vector<L4Route> &routes, const char *section);
    void checkSniHosts(const VirtualService &vs, const L4Match &match, const std::string &name);
    void checkPortProtocols(const VirtualService &vs);
    void checkGatewayServers(const Gateway &gateway);

    AnalysisContext &m_context;
};

} // namespace meshlane
