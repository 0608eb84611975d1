// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// DestinationRules that originate TLS (mode SIMPLE or MUTUAL) without
// caCertificates, so the server's certificate is not verified: IST0128 for the
// rule's policy, IST0129 per port-level setting, as istioctl. A credentialName
// on a rule with a workloadSelector (a gateway's credential) counts as a CA.
class CaCertificateCheck
{
public:
    explicit CaCertificateCheck(AnalysisContext &context);
    void run();

private:
    void checkRule(const DestinationRule &rule);

    AnalysisContext &m_context;
};

} // namespace meshlane
