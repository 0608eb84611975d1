// SPDX-License-Identifier: MIT
#pragma once

#include "model/httproute.h"
#include "routing/httprequest.h"
#include "routing/routedecision.h"

#include <optional>
#include <string>

namespace meshlane {

// What a route's redirect answers and its rewrite forwards, for one request.
// VirtualService semantics (Istio's) unless the route came from the Gateway
// API (HttpRedirect::gatewayApi / GatewayApiOrigin), whose RequestRedirect
// takes the port from the scheme and leaves default ports out.
class RedirectRewrite
{
public:
    // `listenerPort` is the port the request arrived on.
    static RedirectOutcome redirect(const HttpRoute &route, const HttpRequest &request, uint32_t listenerPort);
    // The Location header of a Gateway API redirect outcome.
    static std::string location(const RedirectOutcome &redirect);
    // `matched` is the match block that matched (null: none).
    static std::optional<RewriteOutcome> rewrite(const HttpRoute &route, const HttpMatchRequest *matched,
                                                 const HttpRequest &request);
    // The spec's ReplacePrefixMatch: `path` with its leading `prefix`
    // element(s) replaced by `replacement` ("/foo/bar", "/foo", "/xyz" -> "/xyz/bar").
    static std::string replacePrefix(const std::string &path, const std::string &prefix, const std::string &replacement);
};

} // namespace meshlane
