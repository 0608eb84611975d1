// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Does every name resolve? VirtualService destinations (host, subset, port),
// mirrors, gateways and delegates (IST0101, IST0112), and DestinationRules:
// their host (IST0174), subsets that select no pods (IST0173), subsets without
// labels (KIA0209) and subsets two rules define for one host (KIA0201).
class ReferenceCheck
{
public:
    explicit ReferenceCheck(AnalysisContext &context);

    void run();

private:
    void checkVirtualService(const VirtualService &vs);
    void checkDestination(const VirtualService &vs, const DestinationUse &use);
    void checkSubset(const VirtualService &vs, const DestinationUse &use);
    void checkPort(const VirtualService &vs, const DestinationUse &use);
    void checkGateway(const VirtualService &vs, const std::string &written, const SourceLocation &at);
    void checkDestinationRule(const DestinationRule &rule);
    void checkSubsetPods(const DestinationRule &rule, const Service &service);
    void checkSubsetsDefinedTwice();

    // "did you mean host reviews?" or "" when nothing is close.
    std::string suggestHost(const std::string &written, const std::string &ns) const;

    AnalysisContext &m_context;
    const Mesh &m_mesh;
};

} // namespace meshlane
