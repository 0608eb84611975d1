// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// IST0140 as istioctl reports it: a VirtualService bound to gateways routes to
// a host without a subset, while a VirtualService for that very host splits it
// by subset. Gateway traffic follows the first only, so it reaches every pod of
// the host, whatever the subset routing says. One finding per pair.
class IngressSubsetCheck
{
public:
    explicit IngressSubsetCheck(AnalysisContext &context);
    void run();

private:
    AnalysisContext &m_context;
};

} // namespace meshlane
