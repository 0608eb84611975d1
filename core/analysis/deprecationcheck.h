// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Deprecated fields, with the code istioctl gives each: its deprecation
// analyzer's IST0002 (fault.delay.percent, a Sidecar's egressProxy) and its
// validation's IST0133 warnings (mirrorPercent, outlierDetection
// consecutiveErrors, consistentHash minimumRingSize), each named as the file
// writes it and reported once per resource, as istioctl's output does.
class DeprecationCheck
{
public:
    explicit DeprecationCheck(AnalysisContext &context);
    void run();

private:
    void checkVirtualService(const VirtualService &vs);
    void checkDestinationRule(const DestinationRule &rule);
    void checkSidecar(const Sidecar &sidecar);

    AnalysisContext &m_context;
};

} // namespace meshlane
