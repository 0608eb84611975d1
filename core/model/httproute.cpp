// SPDX-License-Identifier: MIT
#include "model/httproute.h"

namespace meshlane {

std::string StringMatch::describe() const
{
    switch (kind) {
    case Kind::Exact: return "= " + value;
    case Kind::Prefix: return "prefix " + value;
    case Kind::Regex: return "~ " + value;
    case Kind::Present: return "present";
    case Kind::PathPrefix: return "path prefix " + value;
    }
    return {};
}

bool HttpMatchRequest::isCatchAll() const
{
    return !uri && !scheme && !method && !authority && headers.empty() && queryParams.empty()
        && withoutHeaders.empty() && !port && sourceLabels.empty() && sourceNamespace.empty()
        && gateways.empty();
}

std::string HttpMatchRequest::describe() const
{
    std::string text;
    const auto add = [&text](const std::string &part) {
        if (!text.empty())
            text += ", ";
        text += part;
    };
    if (uri) add("uri " + uri->describe() + (ignoreUriCase ? " (any case)" : ""));
    if (scheme) add("scheme " + scheme->describe());
    if (method) add("method " + method->describe());
    if (authority) add("authority " + authority->describe());
    for (const auto &header : headers) add("header " + header.name + ' ' + header.match.describe());
    for (const auto &header : withoutHeaders) add("without header " + header.name + ' ' + header.match.describe());
    for (const auto &query : queryParams) add("query " + query.name + ' ' + query.match.describe());
    if (port) add("port " + std::to_string(*port));
    for (const auto &[key, value] : sourceLabels) add("source " + key + '=' + value);
    if (!sourceNamespace.empty()) add("source namespace " + sourceNamespace);
    for (const auto &gateway : gateways) add("gateway " + gateway);
    return text.empty() ? std::string("any request") : text;
}

bool HttpRoute::matchesEverything() const
{
    if (match.empty())
        return true;
    for (const HttpMatchRequest &block : match) {
        if (block.isCatchAll())
            return true;
    }
    return false;
}

int64_t effectiveWeight(const std::vector<RouteDestination> &route, size_t index)
{
    if (index >= route.size())
        return 0;
    if (route.size() == 1)
        return 100; // Istio: a lone destination gets all traffic whatever its weight
    return route[index].weight.value_or(0);
}

int64_t HttpRoute::effectiveWeight(size_t index) const { return meshlane::effectiveWeight(route, index); }

int64_t HttpRoute::totalWeight() const
{
    int64_t total = 0;
    for (size_t i = 0; i < route.size(); ++i)
        total += effectiveWeight(i);
    return total;
}

int64_t L4Route::effectiveWeight(size_t index) const { return meshlane::effectiveWeight(route, index); }

int64_t L4Route::totalWeight() const
{
    int64_t total = 0;
    for (size_t i = 0; i < route.size(); ++i)
        total += effectiveWeight(i);
    return total;
}

} // namespace meshlane
