// SPDX-License-Identifier: MIT
#include "rollout/rehearsal.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace meshlane {

namespace {

constexpr const char *kContext = "meshlane::Rehearsal";

// Locale-independent, at most four decimals, no trailing zeros.
std::string numberText(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
    std::string text(buffer, result.ptr);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

size_t rankIndex(size_t count, double share)
{
    const size_t rank = size_t(std::ceil(share * double(count)));
    return std::min(count, std::max<size_t>(rank, 1)) - 1;
}

// Nearest rank: the smallest value with at least `share` of the values at or
// below it. Only values[0, searched) are partitioned: after a higher rank
// was found everything below it is already there, which halves the work of
// a p50 after a p99 (a step holds hundreds of thousands of latencies).
double percentile(std::vector<double> &values, double share, size_t searched = size_t(-1))
{
    if (values.empty())
        return 0;
    const size_t index = rankIndex(values.size(), share);
    const auto end = values.begin() + std::ptrdiff_t(std::min(searched, values.size()));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), end);
    return values[index];
}

uint32_t perMillion(double probability) { return uint32_t(std::llround(probability * 1e6)); }

} // namespace

const char *GateCheck::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::None: return "none";
    }
    return "none";
}

const char *RehearsalReport::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Promoted: return "promoted";
    case Outcome::RolledBack: return "rolledBack";
    case Outcome::Paused: return "paused";
    case Outcome::Error: return "error";
    }
    return "error";
}

Rehearsal::Rehearsal(MeshPtr mesh, RolloutPlan plan, TrafficMix mix, std::vector<BehaviourProfile> profiles,
                     RehearsalOptions options)
    : m_plan(plan)
    , m_route(std::move(mesh), std::move(plan))
    , m_mix(std::move(mix))
    , m_profiles(std::move(profiles))
    , m_options(options)
    // Its own stream, so profile draws never shift the simulator's picks.
    , m_random(options.seed ^ 0x726f6c6c6f7574ull)
{
    for (const BehaviourProfile &profile : m_profiles)
        m_latencyTables.push_back(profile.fixedLatency() ? std::vector<double>{} : profile.latencyQuantiles());
}

bool Rehearsal::edited(const Result<void> &edit)
{
    if (!edit) {
        m_report.error = edit.error();
        return false;
    }
    if (m_router && m_router->mesh() != m_route.mesh()) {
        m_router = std::make_shared<const Router>(m_route.mesh(), *m_router);
        m_simulator->setRouter(m_router);
        refreshBrokenTargets();
    }
    return true;
}

void Rehearsal::refreshBrokenTargets()
{
    m_brokenTargets.clear();
    for (const RouteDecision &decision : m_simulator->decisions()) {
        for (const DestinationOutcome &destination : decision.destinations) {
            if (destination.target.status != 200)
                m_brokenTargets.insert({destination.target.host, destination.target.subset});
        }
    }
}

void Rehearsal::simulate(double seconds, RehearsalStep &step, StepSamples &samples, Window &window)
{
    const SimulationStep simulated = m_simulator->advance(seconds);
    const SimulationCounts &counts = simulated.counts;
    m_now += seconds;
    m_report.requests += counts.requests;
    for (const auto &[status, count] : counts.statuses) {
        if (status >= 500)
            m_report.failedRequests += count;
    }
    auto draw = [&](const SimulationCounts::Target &target, bool mirrored) {
        const bool routeHost = m_route.onPlanRoute(target);
        const bool canary = m_route.isCanary(target);
        const bool broken = m_brokenTargets.count({target.host, target.subset}) > 0;
        const BehaviourProfile *profile = BehaviourProfile::find(m_profiles, target.host, target.subset);
        const std::string key = m_route.keyOf(target);
        DestinationStats *stats = routeHost && !mirrored ? &step.destinations[key] : nullptr;
        if (stats) {
            stats->requests += target.count;
            if (broken)
                stats->errors += target.count; // already among the simulator's 503s
        }
        if (canary) {
            (mirrored ? m_report.mirroredToCanary : m_report.canaryRequests) += target.count;
            window.requests += target.count;
            if (broken)
                window.errors += target.count;
        }
        if (broken || !profile || (!stats && !canary && profile->errorRate == 0))
            return;
        const uint32_t errorPerMillion = perMillion(profile->errorRate);
        // Looked up once per target, not per request: a rehearsal draws millions.
        std::vector<double> *stepLatencies = stats ? &samples.latencies[key] : nullptr;
        const std::vector<double> &quantiles = m_latencyTables[size_t(profile - m_profiles.data())];
        for (int64_t i = 0; i < target.count; ++i) {
            const bool error = m_random.perMillion(errorPerMillion);
            const double latency =
                quantiles.empty() ? profile->latencyP50Ms : quantiles[size_t(m_random.below(quantiles.size()))];
            if (error) {
                if (!mirrored)
                    ++m_report.failedRequests;
                if (stats)
                    ++stats->errors;
                if (canary)
                    ++window.errors;
            }
            if (stepLatencies)
                stepLatencies->push_back(latency);
            if (canary)
                window.latencies.push_back(latency);
        }
    };
    for (const SimulationCounts::Target &target : counts.destinations)
        draw(target, false);
    for (const SimulationCounts::Target &target : counts.mirrors)
        draw(target, true);
}

std::vector<GateCheck> Rehearsal::judge(Window &window) const
{
    std::vector<GateCheck> checks;
    const RolloutAnalysis &analysis = *m_plan.analysis;
    const bool enough = window.requests > 0 && window.requests >= analysis.minRequests;
    auto check = [&](const char *metric, double observed, double threshold, bool passed) {
        GateCheck gate;
        gate.at = m_now;
        gate.metric = metric;
        gate.threshold = threshold;
        gate.requests = window.requests;
        gate.observed = enough ? observed : 0;
        gate.verdict = !enough ? GateCheck::Verdict::None
            : passed           ? GateCheck::Verdict::Pass
                               : GateCheck::Verdict::Fail;
        checks.push_back(gate);
    };
    if (analysis.successRateMin) {
        const double rate = window.requests > 0 ? double(window.requests - window.errors) / double(window.requests) : 0;
        check("successRate", rate, *analysis.successRateMin, rate >= *analysis.successRateMin);
    }
    if (analysis.latencyP99MaxMs) {
        const double p99 = percentile(window.latencies, 0.99); // reorders the window: it is judged once
        check("latencyP99", p99, *analysis.latencyP99MaxMs, p99 <= *analysis.latencyP99MaxMs);
    }
    return checks;
}

bool Rehearsal::pause(double seconds, RehearsalStep &step)
{
    StepSamples samples;
    if (!m_options.simulate) {
        m_now += seconds;
        finishStep(step, samples);
        return true;
    }
    const double interval = m_plan.analysis ? m_plan.analysis->intervalSeconds : seconds;
    double remaining = seconds;
    bool rolledBack = false;
    while (remaining > 1e-9 && !rolledBack) {
        const double chunk = std::min(interval, remaining);
        remaining -= chunk;
        Window window;
        simulate(chunk, step, samples, window);
        if (!m_plan.analysis)
            continue;
        const std::vector<GateCheck> checks = judge(window);
        step.gates.insert(step.gates.end(), checks.begin(), checks.end());
        const auto failed = std::find_if(checks.begin(), checks.end(), [](const GateCheck &gate) {
            return gate.verdict == GateCheck::Verdict::Fail;
        });
        if (failed == checks.end())
            continue;
        ++m_failures;
        const bool ratio = failed->metric == "successRate";
        m_failReason = MESHLANE_TR(kContext,
                                   "%1 %2 is beyond the threshold %3 over %4 canary requests in the "
                                   "window ending at t=%5 s")
                           .arg(failed->metric)
                           .arg(numberText(failed->observed) + (ratio ? "" : " ms"))
                           .arg(numberText(failed->threshold) + (ratio ? "" : " ms"))
                           .arg(failed->requests)
                           .arg(numberText(failed->at));
        rolledBack = m_failures > m_plan.analysis->failureLimit;
    }
    finishStep(step, samples);
    return !rolledBack;
}

void Rehearsal::finishStep(RehearsalStep &step, StepSamples &samples)
{
    for (auto &[key, latencies] : samples.latencies) {
        DestinationStats &stats = step.destinations[key];
        stats.latencyP99Ms = percentile(latencies, 0.99);
        stats.latencyP50Ms = percentile(latencies, 0.50, rankIndex(latencies.size(), 0.99));
    }
    step.weights = m_route.weights();
    step.mesh = m_route.mesh();
}

RehearsalReport Rehearsal::run()
{
    m_report = {};
    if (!edited(m_route.prepare()))
        return m_report;
    m_router = std::make_shared<const Router>(m_route.mesh());
    m_simulator = std::make_unique<Simulator>(m_router, m_mix, m_options.seed);
    refreshBrokenTargets();
    auto stepped = [&](size_t index, std::string action) -> RehearsalStep & {
        RehearsalStep step;
        step.index = index;
        step.action = std::move(action);
        step.startedAt = m_now;
        m_report.steps.push_back(std::move(step));
        return m_report.steps.back();
    };
    auto stop = [&](RehearsalReport::Outcome outcome, TranslatedText explanation) {
        m_report.outcome = m_report.error.empty() ? outcome : RehearsalReport::Outcome::Error;
        m_report.explanation = std::move(explanation);
        m_report.endedAt = m_now;
        m_report.finalMesh = m_route.mesh();
        return m_report;
    };
    int canaryWeight = 0;
    for (size_t i = 0; i < m_plan.steps.size(); ++i) {
        const RolloutStep &planned = m_plan.steps[i];
        RehearsalStep &step = stepped(i + 1, planned.describe());
        bool ok = true;
        switch (planned.kind) {
        case RolloutStep::Kind::SetWeight:
            canaryWeight = planned.weight;
            ok = edited(m_route.setWeights(canaryWeight));
            break;
        case RolloutStep::Kind::SetHeaderRoute: ok = edited(m_route.setHeaderRoute(planned)); break;
        case RolloutStep::Kind::SetMirror: ok = edited(m_route.setMirror(planned.mirrorPercent)); break;
        case RolloutStep::Kind::Pause: {
            const double seconds = planned.pauseSeconds.value_or(m_options.manualPauseSeconds);
            if (!(seconds > 0)) {
                StepSamples none;
                finishStep(step, none);
                return stop(RehearsalReport::Outcome::Paused,
                            MESHLANE_TR(kContext, "paused at step %1 (t=%2 s): waiting to be promoted by hand")
                                .arg(int64_t(i + 1))
                                .arg(numberText(m_now)));
            }
            if (pause(seconds, step))
                continue;
            const size_t failedStep = i + 1;
            RehearsalStep &rollback = stepped(m_plan.steps.size() + 1, "rollback");
            ok = edited(m_route.clearManagedRoutes()) && edited(m_route.setWeights(0));
            StepSamples none;
            finishStep(rollback, none);
            m_report.rolledBackAtStep = failedStep;
            return stop(RehearsalReport::Outcome::RolledBack,
                        MESHLANE_TR(kContext,
                                    "rolled back at step %1 (t=%2 s) after %3 failed checks (failureLimit "
                                    "%4): %5")
                            .arg(int64_t(failedStep))
                            .arg(numberText(m_now))
                            .arg(int64_t(m_failures))
                            .arg(int64_t(m_plan.analysis->failureLimit))
                            .arg(m_failReason));
        }
        }
        if (!ok)
            return stop(RehearsalReport::Outcome::Error, TranslatedText(m_report.error));
        StepSamples none;
        finishStep(step, none);
    }
    if (canaryWeight != 100 || m_route.hasManagedRoutes()) {
        RehearsalStep &promote = stepped(m_plan.steps.size() + 1, "promote");
        if (!(edited(m_route.clearManagedRoutes()) && edited(m_route.setWeights(100))))
            return stop(RehearsalReport::Outcome::Error, TranslatedText(m_report.error));
        StepSamples none;
        finishStep(promote, none);
    }
    return stop(RehearsalReport::Outcome::Promoted, MESHLANE_TR(kContext, "promoted at t=%1 s").arg(numberText(m_now)));
}

} // namespace meshlane
