// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

#include <set>
#include <string>

namespace meshlane {

// Does every name a VirtualService writes resolve? Destination and mirror hosts
// (as visible from its namespace), ports and subsets (IST0101, IST0112, as
// istioctl's destination-host and destination-rule analyzers), gateways named
// in matches and delegates (ours: ML0107, ML0108); DestinationRule subsets
// without labels (KIA0209) or defined by two rules for one host (KIA0201).
class ReferenceCheck
{
public:
    explicit ReferenceCheck(AnalysisContext &context);
    void run();

private:
    void checkVirtualService(const VirtualService &vs);
    void checkDestination(const VirtualService &vs, const DestinationUse &use);
    void reportUnknownHost(const VirtualService &vs, const DestinationUse &use);
    void checkSubset(const VirtualService &vs, const DestinationUse &use);
    void checkPort(const VirtualService &vs, const DestinationUse &use, const KnownHost &known);
    void checkMatchGateway(const VirtualService &vs, const std::string &written, const SourceLocation &at);
    void checkSubsetLabels(const DestinationRule &rule);
    void checkSubsetsDefinedTwice();

    AnalysisContext &m_context;
    const Mesh &m_mesh;
    std::set<std::string> m_definedSubsets; // "ns/name+subset", istioctl's keys
};

} // namespace meshlane
