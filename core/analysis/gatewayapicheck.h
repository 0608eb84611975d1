// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Gateway API codes of our own (README "Gateway API"): what a Gateway API
// controller would write in a route's status, plus Istio's VirtualService vs
// HTTPRoute conflict on one mesh host.
namespace codes {
inline constexpr const char *GatewayApiNoMatchingParent = "ML0201";  // parentRef: no such Gateway, listener or Service
inline constexpr const char *GatewayApiNotAllowed = "ML0202";        // listener refuses the namespace or kind
inline constexpr const char *GatewayApiNoHostname = "ML0203";        // no hostname intersection: not accepted
inline constexpr const char *GatewayApiBackendNotFound = "ML0204";   // missing Service or port, or unknown kind
inline constexpr const char *GatewayApiRefNotPermitted = "ML0205";   // cross-namespace without ReferenceGrant
inline constexpr const char *GatewayApiFilterConflict = "ML0206";    // filter combination the spec forbids
inline constexpr const char *GatewayApiShadowed = "ML0207";          // VirtualService and mesh HTTPRoute, one host
inline constexpr const char *GatewayApiUnknownClass = "ML0208";      // gatewayClassName not Istio's or present
} // namespace codes

class GatewayApiCheck
{
public:
    explicit GatewayApiCheck(AnalysisContext &context);

    void run();

private:
    void checkAttachment(const GatewayApiRoute &route);
    void checkBackends(const GatewayApiRoute &route);
    void checkFilters(const GatewayApiRoute &route);
    void checkMeshConflicts();
    void checkClasses();

    AnalysisContext &m_context;
};

} // namespace meshlane
