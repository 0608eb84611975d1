// SPDX-License-Identifier: MIT
#include "simulation/simulationcounts.h"

namespace meshlane {

namespace {

const SimulationCounts::Target *findTarget(const std::vector<SimulationCounts::Target> &targets,
                                           const std::string &host, const std::string &subset)
{
    for (const SimulationCounts::Target &target : targets) {
        if (target.host == host && target.subset == subset)
            return &target;
    }
    return nullptr;
}

void addTargets(std::vector<SimulationCounts::Target> &totals, const std::vector<SimulationCounts::Target> &step)
{
    // A run's target lists only grow, so a later step lists at least as many.
    for (size_t i = 0; i < step.size(); ++i) {
        if (i == totals.size())
            totals.push_back({step[i].host, step[i].subset, 0, 0});
        totals[i].count += step[i].count;
        totals[i].expectedCount += step[i].expectedCount;
    }
}

} // namespace

const SimulationCounts::Target *SimulationCounts::destination(const std::string &host, const std::string &subset) const
{
    return findTarget(destinations, host, subset);
}

const SimulationCounts::Target *SimulationCounts::mirror(const std::string &host, const std::string &subset) const
{
    return findTarget(mirrors, host, subset);
}

void SimulationCounts::add(const SimulationCounts &step)
{
    requests += step.requests;
    delayed += step.delayed;
    expectedDelayed += step.expectedDelayed;
    addTargets(destinations, step.destinations);
    addTargets(mirrors, step.mirrors);
    for (const auto &[status, count] : step.statuses)
        statuses[status] += count;
}

} // namespace meshlane
