// SPDX-License-Identifier: MIT
#pragma once

#include "model/virtualservice.h"
#include "routing/httprequest.h"

#include <optional>
#include <string>

namespace meshlane {

// A concrete request that shows a routing finding, and the `meshlane route`
// arguments that send it (what follows `meshlane route DIR`): a request the
// match block accepts, for a host of the VirtualService, from its namespace,
// through its gateway when it is bound to gateways only.
struct Witness
{
    HttpRequest request;
    std::string arguments;
};

class RequestWitness
{
public:
    // A request `match` (null: no condition) of `vs` accepts, for `host` (empty:
    // the VirtualService's first host); none when a condition cannot be met by
    // a written value (regex, a scheme other than http).
    static std::optional<Witness> forMatch(const VirtualService &vs, const HttpMatchRequest *match,
                                           const std::string &host = {});
    // The `meshlane route` arguments that send `request`.
    static std::string arguments(const HttpRequest &request);
    // The first http route of `vs` whose matches accept `request`, and the
    // match block that does (-1 when the route has no match list), scanned in
    // order as the router must decide: blocks naming gateways only apply to
    // those gateways (`request.gateway`, else "mesh"), and source conditions
    // only to blocks naming none. tst_routeroracle holds the router to it.
    struct Taking
    {
        int route = -1; // -1: no route takes the request
        int match = -1;
    };
    static Taking firstMatchTaking(const VirtualService &vs, const HttpRequest &request);
    static int firstRouteTaking(const VirtualService &vs, const HttpRequest &request)
    {
        return firstMatchTaking(vs, request).route;
    }
    // A request http route `index` of `vs` receives (no earlier route takes
    // it), for showing what that route does (a 503 to a missing destination).
    static std::optional<Witness> reachingRoute(const VirtualService &vs, size_t index);
};

} // namespace meshlane
