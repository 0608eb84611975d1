// SPDX-License-Identifier: MIT
#include "simulation/simulationhistory.h"

namespace meshlane {

SimulationHistory::SimulationHistory(double windowSeconds)
    : m_windowSeconds(windowSeconds)
{
}

void SimulationHistory::clear()
{
    m_samples.clear();
    m_sinceChange = {};
    m_expected = {};
    m_generation = -1;
    m_totalRequests = 0;
}

void SimulationHistory::add(const SimulationSample &sample)
{
    if (sample.generation != m_generation) {
        m_generation = sample.generation;
        m_sinceChange = {};
    }
    m_expected = sample.expected;
    m_sinceChange.add(sample.step.counts);
    m_totalRequests += sample.step.counts.requests;
    m_samples.push_back(sample);
    // Keep a little more than the window: the oldest plotted point averages over the time before it.
    const double keepFrom = sample.endSeconds() - m_windowSeconds - 2.0;
    while (!m_samples.empty() && m_samples.front().endSeconds() < keepFrom)
        m_samples.pop_front();
}

double SimulationHistory::now() const
{
    return m_samples.empty() ? 0.0 : m_samples.back().endSeconds();
}

SimulationCounts SimulationHistory::trailing(size_t index, double seconds) const
{
    SimulationCounts sum;
    if (index >= m_samples.size())
        return sum;
    const double end = m_samples[index].endSeconds();
    // Oldest first, so target lists grow in the order the run added them.
    size_t first = index;
    while (first > 0 && m_samples[first - 1].endSeconds() > end - seconds + 1e-9)
        --first;
    for (size_t i = first; i <= index; ++i)
        sum.add(m_samples[i].step.counts);
    return sum;
}

} // namespace meshlane
