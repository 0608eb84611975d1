// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace meshlane {

// Sampled counts of a simulation, next to what was expected for the same
// requests. Target lists keep their order and only grow, so a series index
// stays valid for the whole run (the GUI plots by index).
struct SimulationCounts
{
    struct Target
    {
        std::string host;
        std::string subset;
        int64_t count = 0;
        double expectedCount = 0; // sum over steps of requests x probability
    };

    int64_t requests = 0;
    int64_t delayed = 0;
    double expectedDelayed = 0;
    std::vector<Target> destinations;
    std::vector<Target> mirrors;
    std::map<int, int64_t> statuses;

    double fraction(int64_t count) const { return requests > 0 ? double(count) / double(requests) : 0.0; }
    double expectedFraction(const Target &target) const
    {
        return requests > 0 ? target.expectedCount / double(requests) : 0.0;
    }
    const Target *destination(const std::string &host, const std::string &subset) const;
    const Target *mirror(const std::string &host, const std::string &subset) const;
    // Adds a later step of the same run (target lists in the same order).
    void add(const SimulationCounts &step);
};

// One time step of a simulation run.
struct SimulationStep
{
    int64_t index = 0;
    double startSeconds = 0;
    double seconds = 0;
    SimulationCounts counts;
};

} // namespace meshlane
