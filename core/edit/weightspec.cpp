// SPDX-License-Identifier: MIT
#include "edit/weightspec.h"

#include "edit/weightbalancer.h"

#include <charconv>

namespace meshlane {

namespace {

std::string trimmed(const std::string &text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string destinationName(const Destination &destination)
{
    return destination.subset.empty() ? destination.host : destination.subset;
}

} // namespace

std::vector<size_t> WeightSpec::destinationsNamed(const std::vector<RouteDestination> &route, const std::string &key)
{
    std::vector<size_t> found;
    for (size_t j = 0; j < route.size(); ++j) {
        const Destination &destination = route[j].destination;
        const bool bySubset = !destination.subset.empty() && destination.subset == key;
        const bool byLabel = destination.label() == key || destination.fqdn + ':' + destination.subset == key;
        const bool byHost = destination.subset.empty() && (destination.host == key || destination.fqdn == key);
        if (bySubset || byLabel || byHost)
            found.push_back(j);
    }
    return found;
}

std::string WeightSpec::destinationNames(const std::vector<RouteDestination> &route)
{
    std::string names;
    for (const RouteDestination &destination : route) {
        if (!names.empty())
            names += ", ";
        names += destinationName(destination.destination);
    }
    return names;
}

Result<std::vector<int>> WeightSpec::resolve(const std::vector<RouteDestination> &route, const std::string &routeName,
                                             const std::string &spec)
{
    const auto fail = Result<std::vector<int>>::failure;
    std::vector<std::optional<int>> given(route.size());
    size_t start = 0;
    while (start <= spec.size()) {
        const size_t comma = std::min(spec.find(',', start), spec.size());
        const std::string item = spec.substr(start, comma - start);
        start = comma + 1;
        if (trimmed(item).empty())
            continue;
        const size_t equals = item.rfind('=');
        const std::string key = equals == std::string::npos ? std::string() : trimmed(item.substr(0, equals));
        const std::string number = equals == std::string::npos ? std::string() : trimmed(item.substr(equals + 1));
        int weight = -1;
        const auto [end, parseError] = std::from_chars(number.data(), number.data() + number.size(), weight);
        if (key.empty() || parseError != std::errc() || end != number.data() + number.size() || weight < 0
            || weight > 100)
            return fail("bad weight '" + item + "': expected SUBSET=W with W in 0..100");
        const std::vector<size_t> matches = destinationsNamed(route, key);
        if (matches.empty())
            return fail(routeName + " has no destination '" + key + "' (it has: "
                        + destinationNames(route) + ')');
        if (matches.size() > 1)
            return fail('\'' + key + "' names several destinations; use HOST:SUBSET");
        if (given[matches.front()])
            return fail('\'' + key + "' is given twice");
        given[matches.front()] = weight;
    }
    std::vector<int64_t> current;
    for (size_t j = 0; j < route.size(); ++j)
        current.push_back(effectiveWeight(route, j));
    return WeightBalancer::complete(current, given);
}

} // namespace meshlane
