// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// IST0149 as istioctl: a VirtualService routes on a JWT claim
// (@request.auth.claims.<name> headers), but a pod of a gateway it is bound to
// has no RequestAuthentication (its namespace's or istio-system's) to validate
// the token, so the claim is never there and the route never matches.
class JwtClaimRouteCheck
{
public:
    explicit JwtClaimRouteCheck(AnalysisContext &context);
    void run();

private:
    void checkVirtualService(const VirtualService &vs, const std::string &claimHeader);
    bool authenticated(const PodView &pod) const;

    AnalysisContext &m_context;
};

} // namespace meshlane
