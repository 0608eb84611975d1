// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"
#include "analysis/duplicatematchcheck.h"

namespace meshlane {

// Http routes the routing engine proves are never reached because earlier
// ones take all their requests (ML0105), and match blocks an earlier route
// already covers (ML0106): a prefix covering a longer prefix or an exact path,
// a regex covering an exact value, fewer conditions. What istioctl already
// reports (IST0130/IST0131, DuplicateMatchCheck) is not repeated.
class RouteConflictCheck
{
public:
    RouteConflictCheck(AnalysisContext &context, const DuplicateMatchCheck &istioctlFindings);

    void run();

private:
    void checkRouteOrder(const VirtualService &vs);

    AnalysisContext &m_context;
    const Mesh &m_mesh;
    const DuplicateMatchCheck &m_istioctl;
};

} // namespace meshlane
