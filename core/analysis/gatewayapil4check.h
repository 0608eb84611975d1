// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"
#include "routing/gatewayapil4routes.h"

namespace meshlane {

namespace codes {
inline constexpr const char *GatewayApiL4Shadowed = "ML0209"; // TCPRoute / TLSRoute rule no connection reaches
} // namespace codes

// TCPRoute and TLSRoute rules that are accepted but never get a connection,
// as Istio builds a Gateway API listener's filter chains: a TCP listener (or
// one terminating TLS) has one chain, taken by the first rule of the oldest
// route; on a passthrough listener a rule whose SNI an older rule already
// serves is skipped, since Envoy refuses two chains with one match. The
// Gateway API leaves both conflicts to the implementation; this says which
// rule Istio keeps.
class GatewayApiL4Check
{
public:
    explicit GatewayApiL4Check(AnalysisContext &context);

    void run();

private:
    void checkSingleChain(const GatewayApiL4Routes::Listener &listener);
    void checkPassthrough(const GatewayApiL4Routes::Listener &listener);
    void report(const VirtualService &converted, size_t rule, const std::string &why);

    AnalysisContext &m_context;
};

} // namespace meshlane
