// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// What Istio's admission webhook and the API server would refuse, beyond the
// field types the loader checks: regexes RE2 cannot compile, names that are not
// DNS-1123, subset names that are not labels or repeat within a rule, a
// DestinationRule with no host, and ServiceEntry rules (hosts required, no bare
// `*`, DNS resolution of a wildcard host only with endpoints, known enum values).
// Everything is IST0106, Error.
class SchemaCheck
{
public:
    explicit SchemaCheck(AnalysisContext &context);

    void run();

private:
    void checkName(const ResourceMeta &meta, bool labelOnly);
    void checkRegexes(const VirtualService &vs);
    void checkRegex(const VirtualService &vs, const StringMatch &match, const std::string &what);
    void checkDestinationRule(const DestinationRule &rule);
    void checkServiceEntry(const ServiceEntry &entry);

    AnalysisContext &m_context;
};

} // namespace meshlane
