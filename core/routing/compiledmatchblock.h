// SPDX-License-Identifier: MIT
#pragma once

#include "base/translatedtext.h"
#include "model/httpmatchrequest.h"
#include "routing/compiledstringmatch.h"
#include "routing/httprequest.h"
#include "routing/proxycontext.h"

#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// One `match` block, compiled. All conditions must hold. Istio evaluates
// sourceLabels / sourceNamespace / port when it builds a proxy's routes; we
// evaluate them against a ProxyContext, which gives the same answer.
class CompiledMatchBlock
{
public:
    struct NamedMatch
    {
        std::string name;
        CompiledStringMatch match;
    };

    // `sourceConditionsApply` is false when the block lists `gateways`:
    // Istio then ignores its sourceLabels and sourceNamespace.
    CompiledMatchBlock(const HttpMatchRequest &block, bool sourceConditionsApply);

    bool matches(const HttpRequest &request, const ProxyContext &proxy) const
    {
        return evaluate(request, proxy, nullptr);
    }
    // The first condition that fails, in words ("header end-user is absent
    // (wants exact jason)"), in the UI language; empty when the block matches.
    std::string whyNot(const HttpRequest &request, const ProxyContext &proxy) const;

    // Only the request-independent part: does the proxy get this block at all?
    bool appliesToProxy(const ProxyContext &proxy, TranslatedText *why = nullptr) const;
    // Matches every request that reaches the proxy: Envoy's catch-all test
    // (path prefix "/" or regex ".*", no header or query conditions), after
    // the proxy conditions were settled.
    bool isCatchAllForProxy() const;

    const std::optional<CompiledStringMatch> &uri() const { return m_uri; }
    // Conditions other than the URI and the proxy ones exist.
    bool hasRequestConditionsBesidesUri() const;
    // First regex that failed to compile, empty if none.
    std::string invalidRegex() const;

private:
    bool evaluate(const HttpRequest &request, const ProxyContext &proxy, TranslatedText *why) const;

    std::optional<CompiledStringMatch> m_uri;
    std::optional<CompiledStringMatch> m_scheme;
    std::optional<CompiledStringMatch> m_method;
    std::optional<CompiledStringMatch> m_authority;
    std::vector<NamedMatch> m_headers;
    std::vector<NamedMatch> m_withoutHeaders;
    std::vector<NamedMatch> m_queryParams;
    std::optional<uint32_t> m_port;
    Labels m_sourceLabels;
    std::string m_sourceNamespace;
    bool m_hasProxyConditions = false;
};

} // namespace meshlane
