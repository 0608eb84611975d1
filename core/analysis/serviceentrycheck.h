// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// ServiceEntries as istioctl's serviceentry analyzers judge them: a TCP (or
// protocol-less) port with no addresses, which sidecars cannot tell apart by
// host (IST0134, one per port; DNS auto-allocation is taken as off, istioctl's
// default), and ServiceEntries visible together that give one host and port
// different protocols (IST0177, once per ServiceEntry).
class ServiceEntryCheck
{
public:
    explicit ServiceEntryCheck(AnalysisContext &context);
    void run();

private:
    void checkAddresses(const ServiceEntry &entry);
    void checkProtocolConflicts();

    AnalysisContext &m_context;
};

} // namespace meshlane
