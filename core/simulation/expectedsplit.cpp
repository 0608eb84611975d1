// SPDX-License-Identifier: MIT
#include "simulation/expectedsplit.h"

#include "routing/router.h"
#include "simulation/trafficmix.h"

namespace meshlane {

namespace {

void addShare(std::vector<ExpectedSplit::Share> &shares, const std::string &host, const std::string &subset,
              double probability)
{
    for (ExpectedSplit::Share &share : shares) {
        if (share.host == host && share.subset == subset) {
            share.probability += probability;
            return;
        }
    }
    shares.push_back({host, subset, probability});
}

double findShare(const std::vector<ExpectedSplit::Share> &shares, const std::string &host, const std::string &subset)
{
    for (const ExpectedSplit::Share &share : shares) {
        if (share.host == host && share.subset == subset)
            return share.probability;
    }
    return 0;
}

} // namespace

ExpectedSplit ExpectedSplit::of(const RouteDecision &decision)
{
    ExpectedSplit split;
    split.delayed = decision.fault.delayProbability();
    const double aborted = decision.fault.abortProbability();
    if (aborted > 0)
        split.statuses[decision.fault.abortHttpStatus()] += aborted;
    const double passed = 1.0 - aborted;
    if (decision.action != RouteAction::Forward) {
        if (passed > 0)
            split.statuses[decision.status] += passed;
        return split;
    }
    double forwarded = 0;
    for (const DestinationOutcome &destination : decision.destinations) {
        addShare(split.destinations, destination.target.host, destination.target.subset,
                 passed * destination.probability);
        if (destination.probability > 0)
            split.statuses[destination.target.status] += passed * destination.probability;
        if (destination.target.status == 200)
            forwarded += passed * destination.probability;
    }
    for (const MirrorOutcome &mirror : decision.mirrors)
        addShare(split.mirrors, mirror.target.host, mirror.target.subset, forwarded * mirror.probability());
    return split;
}

ExpectedSplit ExpectedSplit::of(const Router &router, const TrafficMix &mix)
{
    ExpectedSplit split;
    double total = 0;
    for (const RequestClass &requestClass : mix.classes)
        total += requestClass.share;
    if (!(total > 0))
        return split;
    for (const RequestClass &requestClass : mix.classes)
        split.add(of(router.route(requestClass.request, Router::Explain::No)), requestClass.share / total);
    return split;
}

void ExpectedSplit::add(const ExpectedSplit &other, double weight)
{
    for (const Share &share : other.destinations)
        addShare(destinations, share.host, share.subset, share.probability * weight);
    for (const Share &share : other.mirrors)
        addShare(mirrors, share.host, share.subset, share.probability * weight);
    for (const auto &[status, probability] : other.statuses)
        statuses[status] += probability * weight;
    delayed += other.delayed * weight;
}

double ExpectedSplit::destinationProbability(const std::string &host, const std::string &subset) const
{
    return findShare(destinations, host, subset);
}

double ExpectedSplit::mirrorProbability(const std::string &host, const std::string &subset) const
{
    return findShare(mirrors, host, subset);
}

} // namespace meshlane
