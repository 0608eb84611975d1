// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Sidecar resources as istioctl's sidecar analyzer judges them: a workload
// selector matching no pod of its namespace (IST0101), two Sidecars selecting
// one pod (IST0110), two without a selector in one namespace (IST0111), and a
// Sidecar that has no effect because its workload or namespace runs in ambient
// mode (IST0167).
class SidecarCheck
{
public:
    explicit SidecarCheck(AnalysisContext &context);
    void run();

private:
    bool namespaceIsAmbient(const std::string &ns) const;

    AnalysisContext &m_context;
};

} // namespace meshlane
