// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Rules that fight each other: two mesh VirtualServices for one host (IST0109),
// http routes never reached because earlier ones take all their requests
// (IST0130), match blocks an earlier route already covers (IST0131), and hosts a
// VirtualService claims on a gateway that does not serve them (IST0132).
class RouteConflictCheck
{
public:
    explicit RouteConflictCheck(AnalysisContext &context);

    void run();

private:
    void checkConflictingHosts();
    void checkRouteOrder(const VirtualService &vs);
    void checkGatewayHosts(const VirtualService &vs);

    AnalysisContext &m_context;
    const Mesh &m_mesh;
};

} // namespace meshlane
