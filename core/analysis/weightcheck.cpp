// SPDX-License-Identifier: MIT
#include "analysis/weightcheck.h"

#include "analysis/analyzercodes.h"

#include <map>
#include <tuple>

namespace meshlane {

namespace {

// Weights scaled to sum to exactly 100 (largest remainder), for the fix text.
std::vector<int64_t> scaledToHundred(const std::vector<int64_t> &weights, int64_t total)
{
    std::vector<int64_t> scaled(weights.size());
    std::vector<std::pair<int64_t, size_t>> remainders;
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        scaled[i] = weights[i] * 100 / total;
        remainders.emplace_back(weights[i] * 100 % total, i);
        given += scaled[i];
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t k = 0; given < 100 && k < remainders.size(); ++k, ++given)
        ++scaled[remainders[k].second];
    return scaled;
}

std::string joinNumbers(const std::vector<int64_t> &numbers, const char *separator)
{
    std::string text;
    for (int64_t number : numbers)
        appendToList(text, std::to_string(number), separator);
    return text;
}

} // namespace

WeightCheck::WeightCheck(AnalysisContext &context)
    : m_context(context)
{
}

void WeightCheck::run()
{
    for (const auto &vs : m_context.mesh().virtualServices) {
        for (size_t i = 0; i < vs->http.size(); ++i)
            checkRoute(*vs, vs->http[i].route, describeHttpRoute(*vs, i));
        for (size_t i = 0; i < vs->tcp.size(); ++i)
            checkRoute(*vs, vs->tcp[i].route, "tcp[" + std::to_string(i) + ']');
        for (size_t i = 0; i < vs->tls.size(); ++i)
            checkRoute(*vs, vs->tls[i].route, "tls[" + std::to_string(i) + ']');
    }
}

void WeightCheck::checkRoute(const VirtualService &vs, const std::vector<RouteDestination> &route,
                             const std::string &name)
{
    if (route.empty())
        return;
    bool negative = false;
    for (const RouteDestination &entry : route) {
        if (entry.weight && *entry.weight < 0) {
            negative = true;
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, entry.weightLocation,
                             "weight " + std::to_string(*entry.weight) + " of " + entry.destination.label() + " in "
                                 + name + " is negative; Istio rejects the VirtualService",
                             "use 0 to send it no traffic");
        }
    }

    // Duplicates: Envoy adds their weights up; usually a copy-paste that forgot to change the subset.
    std::map<std::tuple<std::string, std::string, uint32_t>, const RouteDestination *> seen;
    for (const RouteDestination &entry : route) {
        const Destination &destination = entry.destination;
        if (destination.host.empty())
            continue;
        const auto key = std::make_tuple(destination.fqdn, destination.subset, destination.port.value_or(0));
        const auto [it, inserted] = seen.emplace(key, &entry);
        if (inserted)
            continue;
        const RouteDestination &first = *it->second;
        m_context.report(codes::DuplicateDestination, Severity::Warning, vs.meta, destination.location,
                         destination.label() + " appears twice in " + name + " (first at "
                             + describeLocation(first.location, entry.location)
                             + "); the two entries share its traffic as one",
                         "merge them into one entry with weight "
                             + std::to_string(first.weight.value_or(0) + entry.weight.value_or(0))
                             + ", or point this one at the subset you meant");
    }

    if (route.size() == 1) {
        const RouteDestination &only = route.front();
        if (only.weight && *only.weight >= 0 && *only.weight != 100) {
            m_context.report(codes::LoneWeight, Severity::Info, vs.meta, only.weightLocation,
                             "weight " + std::to_string(*only.weight) + " is ignored: " + only.destination.label()
                                 + " is the only destination of " + name + " and gets 100 % of its requests",
                             "remove the weight or set it to 100; to split traffic, add another destination");
        }
        return;
    }
    if (negative)
        return;
    std::vector<int64_t> weights;
    int64_t total = 0;
    for (const RouteDestination &entry : route) {
        weights.push_back(entry.weight.value_or(0));
        total += weights.back();
    }
    if (total == 0) {
        m_context.report(codes::SchemaError, Severity::Error, vs.meta, route.front().location,
                         "the " + std::to_string(route.size()) + " destinations of " + name
                             + " all have weight 0 (an absent weight counts as 0); Istio rejects the VirtualService",
                         "give the destination that should serve requests weight 100");
        return;
    }
    if (total != 100) {
        std::string shares;
        for (size_t i = 0; i < route.size(); ++i)
            appendToList(shares, route[i].destination.label() + ' '
                                     + std::to_string((weights[i] * 1000 / total + 5) / 10) + " %");
        m_context.report(codes::WeightsNotHundred, Severity::Info, vs.meta, route.front().weightLocation,
                         "the weights of " + name + " add up to " + std::to_string(total)
                             + ", not 100; current Istio treats them as relative (" + shares
                             + "), older Istio releases reject the VirtualService",
                         "use " + joinNumbers(scaledToHundred(weights, total), "/")
                             + " for the same split summing to 100");
    }
}

} // namespace meshlane
