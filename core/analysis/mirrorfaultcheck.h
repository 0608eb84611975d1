// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Mirroring and fault injection on http routes: a mirror aimed at a destination
// that already serves the route (ML0102), `mirror` together with `mirrors`,
// percentages outside 0-100 and abort statuses outside 200-599 (IST0106), the
// deprecated `mirror_percent` (IST0133), a mirror percentage with nothing to
// mirror (ML0104) and faults with no percentage, which affect no request (ML0103).
class MirrorFaultCheck
{
public:
    explicit MirrorFaultCheck(AnalysisContext &context);

    void run();

private:
    void checkMirrors(const VirtualService &vs, size_t index);
    void checkMirrorTarget(const VirtualService &vs, size_t index, const Destination &mirror);
    void checkFault(const VirtualService &vs, size_t index);
    void checkPercentage(const VirtualService &vs, double value, const SourceLocation &at, const std::string &what);

    AnalysisContext &m_context;
};

} // namespace meshlane
