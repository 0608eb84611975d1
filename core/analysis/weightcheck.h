// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Route weights: negative or all-zero (Istio rejects them: IST0106), a lone
// destination whose weight is ignored (KIA1104), one destination listed twice
// (KIA1105), and totals other than 100 (ML0101, Info: Istio treats weights as
// relative, but older releases refused such rules).
class WeightCheck
{
public:
    explicit WeightCheck(AnalysisContext &context);

    void run();

private:
    void checkRoute(const VirtualService &vs, const std::vector<RouteDestination> &route, const std::string &name);

    AnalysisContext &m_context;
};

} // namespace meshlane
