// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// DestinationRule TLS against PeerAuthentication mTLS, as Kiali validates it:
// a namespace-wide rule (host *.<ns>.svc.cluster.local) disabling TLS where
// the namespace's policy is STRICT (KIA0207) or the mesh's is (KIA0208, also
// for the mesh-wide rule *.local), a namespace or mesh policy disabling mTLS
// where rules still send mTLS (KIA0505, KIA0506). Kiali's checks that need
// auto mTLS off (its default is on) are left out. Beyond Kiali: a rule for one
// host disabling TLS towards pods a STRICT policy covers (ML0111): every
// request fails.
class MtlsCheck
{
public:
    explicit MtlsCheck(AnalysisContext &context);
    void run();

private:
    void checkWideRule(const DestinationRule &rule);
    void checkPolicy(const PeerAuthentication &policy);
    void checkHostRule(const DestinationRule &rule);

    AnalysisContext &m_context;
};

} // namespace meshlane
