// SPDX-License-Identifier: MIT
#pragma once

#include "simulation/simulationsample.h"

#include <deque>

namespace meshlane {

// The samples of the current run that the views draw: the last
// `windowSeconds` of simulated time, and running totals since the router or
// the traffic mix last changed (for expected-versus-simulated comparisons
// that are not blurred by an earlier split). GUI thread only.
class SimulationHistory
{
public:
    explicit SimulationHistory(double windowSeconds = 60.0);

    void clear();
    void add(const SimulationSample &sample);

    bool isEmpty() const { return m_samples.empty(); }
    double windowSeconds() const { return m_windowSeconds; }
    double now() const; // simulated seconds at the end of the newest sample
    const std::deque<SimulationSample> &samples() const { return m_samples; }

    // Counts summed over the samples ending within `seconds` before the end of
    // samples()[index] (that one included).
    SimulationCounts trailing(size_t index, double seconds) const;

    // Totals of the newest generation, and the split they were drawn from.
    const SimulationCounts &sinceChange() const { return m_sinceChange; }
    const ExpectedSplit &expected() const { return m_expected; }
    int64_t totalRequests() const { return m_totalRequests; }

private:
    double m_windowSeconds;
    std::deque<SimulationSample> m_samples;
    SimulationCounts m_sinceChange;
    ExpectedSplit m_expected;
    int m_generation = -1;
    int64_t m_totalRequests = 0;
};

} // namespace meshlane
