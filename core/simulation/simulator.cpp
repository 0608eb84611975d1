// SPDX-License-Identifier: MIT
#include "simulation/simulator.h"

#include <algorithm>
#include <cmath>

namespace meshlane {

namespace {

std::vector<SimulationCounts::Target> emptyLike(const std::vector<SimulationCounts::Target> &targets)
{
    std::vector<SimulationCounts::Target> copy;
    copy.reserve(targets.size());
    for (const SimulationCounts::Target &target : targets)
        copy.push_back({target.host, target.subset, 0, 0});
    return copy;
}

} // namespace

Simulator::Simulator(RouterPtr router, TrafficMix mix, uint64_t seed)
    : m_seed(seed)
    , m_random(seed)
    , m_router(std::move(router))
    , m_mix(std::move(mix))
{
}

void Simulator::setRouter(RouterPtr router)
{
    std::lock_guard<std::mutex> lock(m_pendingMutex);
    m_pendingRouter = std::move(router);
}

void Simulator::setTrafficMix(TrafficMix mix)
{
    std::lock_guard<std::mutex> lock(m_pendingMutex);
    m_pendingMix = std::move(mix);
}

void Simulator::applyPendingChanges()
{
    std::lock_guard<std::mutex> lock(m_pendingMutex);
    if (m_pendingRouter) {
        m_router = std::move(*m_pendingRouter);
        m_pendingRouter.reset();
        m_plansValid = false;
    }
    if (m_pendingMix) {
        m_mix = std::move(*m_pendingMix);
        m_pendingMix.reset();
        m_plansValid = false;
    }
}

size_t Simulator::slotFor(std::vector<SimulationCounts::Target> &targets, SlotMap &slots, const std::string &host,
                          const std::string &subset)
{
    const auto [it, inserted] = slots.try_emplace({host, subset}, targets.size());
    if (inserted)
        targets.push_back({host, subset, 0, 0});
    return it->second;
}

void Simulator::rebuildPlans()
{
    m_plans.clear();
    m_decisions.clear();
    m_expected = {};
    m_classCumulative = m_mix.cumulativeShares();
    double totalShare = 0;
    for (const RequestClass &requestClass : m_mix.classes)
        totalShare += requestClass.share;

    for (const RequestClass &requestClass : m_mix.classes) {
        RouteDecision decision = m_router->route(requestClass.request);
        ClassPlan plan;
        plan.delayPerMillion = decision.fault.delayPerMillion;
        plan.abortPerMillion = decision.fault.abortPerMillion;
        plan.abortStatus = decision.fault.abortHttpStatus();
        if (decision.action != RouteAction::Forward) {
            plan.fixedStatus = decision.status;
        } else {
            for (const DestinationOutcome &destination : decision.destinations) {
                plan.totalWeight += destination.weight;
                plan.cumulativeWeights.push_back(plan.totalWeight);
                plan.destinationSlots.push_back(slotFor(m_totals.destinations, m_destinationSlots,
                                                        destination.target.host, destination.target.subset));
                plan.destinationStatuses.push_back(destination.target.status);
            }
            for (const MirrorOutcome &mirror : decision.mirrors) {
                plan.mirrorPerMillion.push_back(mirror.perMillion);
                plan.mirrorSlots.push_back(
                    slotFor(m_totals.mirrors, m_mirrorSlots, mirror.target.host, mirror.target.subset));
            }
        }
        plan.expected = ExpectedSplit::of(decision);
        if (totalShare > 0)
            m_expected.add(plan.expected, requestClass.share / totalShare);
        m_plans.push_back(std::move(plan));
        m_decisions.push_back(std::move(decision));
    }
    m_plansValid = true;
}

void Simulator::sampleOne(SimulationCounts &counts)
{
    size_t index = 0;
    if (m_plans.size() > 1) {
        const int64_t point = int64_t(m_random.below(uint64_t(m_classCumulative.back())));
        index = size_t(std::upper_bound(m_classCumulative.begin(), m_classCumulative.end(), point)
                       - m_classCumulative.begin());
    }
    const ClassPlan &plan = m_plans[index];
    // Envoy's fault filter: the delay and the abort are separate draws.
    if (m_random.perMillion(plan.delayPerMillion))
        ++counts.delayed;
    if (m_random.perMillion(plan.abortPerMillion)) {
        ++counts.statuses[plan.abortStatus];
        return;
    }
    if (plan.fixedStatus >= 0) {
        ++counts.statuses[plan.fixedStatus];
        return;
    }
    const int64_t point = int64_t(m_random.below(uint64_t(plan.totalWeight)));
    size_t picked = 0;
    while (picked + 1 < plan.cumulativeWeights.size() && point >= plan.cumulativeWeights[picked])
        ++picked;
    ++counts.destinations[plan.destinationSlots[picked]].count;
    const int status = plan.destinationStatuses[picked];
    ++counts.statuses[status];
    if (status != 200)
        return; // Envoy gives up before mirroring when it has no upstream
    for (size_t m = 0; m < plan.mirrorSlots.size(); ++m) {
        if (m_random.perMillion(plan.mirrorPerMillion[m]))
            ++counts.mirrors[plan.mirrorSlots[m]].count;
    }
}

SimulationStep Simulator::simulate(int64_t requests, double seconds)
{
    applyPendingChanges();
    if (!m_plansValid)
        rebuildPlans();

    SimulationStep step;
    step.index = m_steps;
    step.startSeconds = m_elapsed;
    step.seconds = seconds;
    SimulationCounts &counts = step.counts;
    counts.destinations = emptyLike(m_totals.destinations);
    counts.mirrors = emptyLike(m_totals.mirrors);
    if (m_plans.empty())
        requests = 0;
    for (int64_t i = 0; i < requests; ++i)
        sampleOne(counts);
    counts.requests = requests;

    for (const ExpectedSplit::Share &share : m_expected.destinations)
        counts.destinations[m_destinationSlots.at({share.host, share.subset})].expectedCount +=
            double(requests) * share.probability;
    for (const ExpectedSplit::Share &share : m_expected.mirrors)
        counts.mirrors[m_mirrorSlots.at({share.host, share.subset})].expectedCount +=
            double(requests) * share.probability;
    counts.expectedDelayed = double(requests) * m_expected.delayed;

    m_totals.add(counts);
    ++m_steps;
    m_elapsed += seconds;
    return step;
}

SimulationStep Simulator::advance(double seconds)
{
    applyPendingChanges(); // a new rate counts from this step
    if (!(seconds > 0))
        return simulate(0, 0);
    const double wanted = m_mix.requestsPerSecond * seconds + m_carry;
    const double whole = std::floor(wanted);
    m_carry = wanted - whole;
    return simulate(int64_t(whole), seconds);
}

SimulationStep Simulator::run(int64_t requests)
{
    return simulate(std::max<int64_t>(requests, 0), 0);
}

ExpectedSplit Simulator::expected()
{
    applyPendingChanges();
    if (!m_plansValid)
        rebuildPlans();
    return m_expected;
}

std::vector<RouteDecision> Simulator::decisions()
{
    applyPendingChanges();
    if (!m_plansValid)
        rebuildPlans();
    return m_decisions;
}

} // namespace meshlane
