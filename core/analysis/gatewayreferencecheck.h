// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// The gateways a VirtualService binds to (spec.gateways), as istioctl's
// gateway analyzer judges them: a reference to a gateway Istio generates
// itself (IST0165), a missing gateway (IST0101, and IST0132 since it serves
// none of the hosts), a gateway none of whose hosts the VirtualService's hosts
// overlap (IST0132). Beyond istioctl: each host a gateway does not serve while
// it serves others (ML0110): requests for it through that gateway get 404.
class GatewayReferenceCheck
{
public:
    explicit GatewayReferenceCheck(AnalysisContext &context);
    void run();

private:
    void checkReference(const VirtualService &vs, const std::string &written);

    AnalysisContext &m_context;
};

} // namespace meshlane
