// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Two VirtualServices bound to the mesh that route one host for sidecars that
// see both (IST0109), as istioctl keys them: a host per export scope; hosts
// exported everywhere conflict when equal, a host exported to some namespaces
// also with any everywhere-exported host its wildcard overlaps. One finding per
// VirtualService.
class MeshHostConflictCheck
{
public:
    explicit MeshHostConflictCheck(AnalysisContext &context);
    void run();

private:
    AnalysisContext &m_context;
};

} // namespace meshlane
