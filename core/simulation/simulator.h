// SPDX-License-Identifier: MIT
#pragma once

#include "routing/router.h"
#include "simulation/expectedsplit.h"
#include "simulation/seededrandom.h"
#include "simulation/simulationcounts.h"
#include "simulation/trafficmix.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace meshlane {

// Seeded Monte-Carlo of a traffic mix through a Router, in time steps.
//
// Per request, in this order and with integer draws only (so the same seed
// gives the same counts on every machine): pick the class by share; delay
// (fault) with its probability; abort with its probability, which ends the
// request; otherwise the route's action: a weighted pick of the destination
// (Envoy's `random % total`), and for a request that reached a working
// destination, one independent draw per mirror.
//
// Threading: run steps on one (worker) thread. setRouter() / setTrafficMix()
// may be called from any thread; the change applies from the next step, so a
// GUI can move weight sliders while the simulation runs. Nothing is global.
class Simulator
{
public:
    Simulator(RouterPtr router, TrafficMix mix, uint64_t seed);

    void setRouter(RouterPtr router);
    void setTrafficMix(TrafficMix mix);

    // One step of `seconds`: requestsPerSecond x seconds requests, carrying
    // the fractional remainder to the next step.
    SimulationStep advance(double seconds);
    // One step of exactly `requests` requests (no simulated time passes).
    SimulationStep run(int64_t requests);

    const SimulationCounts &totals() const { return m_totals; }
    int64_t stepsTaken() const { return m_steps; }
    double elapsedSeconds() const { return m_elapsed; }
    uint64_t seed() const { return m_seed; }
    // The exact split of the router and mix the next step will use.
    ExpectedSplit expected();
    // The decision for each class (same order as the mix), as of the last step.
    std::vector<RouteDecision> decisions();

private:
    struct ClassPlan
    {
        uint32_t delayPerMillion = 0;
        uint32_t abortPerMillion = 0;
        int abortStatus = 0;
        int fixedStatus = -1; // not forwarding: this status for every request
        std::vector<int64_t> cumulativeWeights;
        int64_t totalWeight = 0;
        std::vector<size_t> destinationSlots;
        std::vector<int> destinationStatuses;
        std::vector<uint32_t> mirrorPerMillion;
        std::vector<size_t> mirrorSlots;
        ExpectedSplit expected;
    };

    void applyPendingChanges();
    void rebuildPlans();
    using SlotMap = std::map<std::pair<std::string, std::string>, size_t>;
    size_t slotFor(std::vector<SimulationCounts::Target> &targets, SlotMap &slots, const std::string &host,
                   const std::string &subset);
    SimulationStep simulate(int64_t requests, double seconds);
    void sampleOne(SimulationCounts &counts);

    uint64_t m_seed;
    SeededRandom m_random;
    RouterPtr m_router;
    TrafficMix m_mix;
    std::vector<ClassPlan> m_plans;
    std::vector<RouteDecision> m_decisions;
    std::vector<int64_t> m_classCumulative;
    ExpectedSplit m_expected;
    bool m_plansValid = false;

    SlotMap m_destinationSlots;
    SlotMap m_mirrorSlots;
    SimulationCounts m_totals;
    int64_t m_steps = 0;
    double m_elapsed = 0;
    double m_carry = 0;

    std::mutex m_pendingMutex;
    std::optional<RouterPtr> m_pendingRouter;
    std::optional<TrafficMix> m_pendingMix;
};

} // namespace meshlane
