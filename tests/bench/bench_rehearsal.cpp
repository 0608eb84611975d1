// SPDX-License-Identifier: MIT
// Rehearsing a rollout plan against the same-run cost of simulating the same
// requests without one.
//
//   cmake -S . -B build -G Ninja -DMESHLANE_BUILD_BENCHMARKS=ON && ninja -C build bench_rehearsal
//   build/tests/bench/bench_rehearsal
//
// The plan (issue 13's figure): 10 steps over one simulated hour, five
// setWeight steps each followed by a 12-minute pause judged every minute on
// success rate and p99 latency, at 1,000 requests/s (3.6 million requests)
// on samples/rollout-reviews with behaviour profiles for v1 and v3 (p50/p99
// latency tables, error rates). The baseline simulates the same hour of
// requests, in the same one-minute chunks, on the mesh at a 70/30 split:
// routing and weighted picks only. What the rehearsal adds per request is the
// behaviour draws (error, latency) and the gate windows; per step, an edit
// of the VirtualService and a router rebuild. Target: well under a second.

#include "load/manifestloader.h"
#include "rollout/behaviourprofile.h"
#include "rollout/rehearsal.h"
#include "rollout/rolloutplanparser.h"
#include "simulation/simulator.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

using namespace meshlane;

namespace {

const char *kPlan = R"(apiVersion: meshlane.io/v1alpha1
kind: RolloutPlan
metadata: {name: bench, namespace: default}
spec:
  route: {virtualService: default/reviews, http: primary}
  stable: v1
  canary: v3
  steps:
    - setWeight: 5
    - pause: {duration: 12m}
    - setWeight: 15
    - pause: {duration: 12m}
    - setWeight: 30
    - pause: {duration: 12m}
    - setWeight: 60
    - pause: {duration: 12m}
    - setWeight: 100
    - pause: {duration: 12m}
  analysis:
    interval: 1m
    failureLimit: 0
    minRequests: 100
    successRate: {min: 0.99}
    latencyP99: {maxMs: 500}
)";

const char *kTraffic = R"(requests_per_second: 1000
classes:
  - name: users
    share: 100
    host: reviews
behaviour:
  - destination: reviews:v1
    errorRate: 0.001
    latencyMs: {p50: 30, p99: 200}
  - destination: reviews:v3
    errorRate: 0.0005
    latencyMs: {p50: 40, p99: 150}
)";

struct Scenario
{
    MeshPtr mesh;
    MeshPtr split7030; // the same mesh after setWeight 30, for the baseline
    RolloutPlan plan;
    TrafficMix mix;
    std::vector<BehaviourProfile> profiles;
};

const Scenario &scenario()
{
    static const Scenario built = [] {
        Scenario s;
        s.mesh = ManifestLoader().loadFolder(std::string(MESHLANE_PROJECT_DIR) + "/samples/rollout-reviews").mesh;
        s.plan = RolloutPlanParser::parse(kPlan, "bench.yaml").value();
        HttpRequest defaults;
        defaults.authority = "reviews";
        s.mix = TrafficMix::fromYaml(BehaviourProfile::withoutBehaviour(kTraffic), defaults).value();
        s.profiles = BehaviourProfile::listFromYaml(kTraffic).value();
        RehearsalOptions edits;
        edits.simulate = false;
        const RehearsalReport steps = Rehearsal(s.mesh, s.plan, s.mix, s.profiles, edits).run();
        s.split7030 = steps.steps.at(4).mesh;
        return s;
    }();
    return built;
}

void BM_Baseline_SimulateHourWithoutPlan(benchmark::State &state)
{
    const Scenario &s = scenario();
    const auto router = std::make_shared<const Router>(s.split7030);
    int64_t requests = 0;
    for (auto _ : state) {
        Simulator simulator(router, s.mix, 1);
        requests = 0;
        for (int minute = 0; minute < 60; ++minute)
            requests += simulator.advance(60).counts.requests;
        benchmark::DoNotOptimize(requests);
    }
    state.counters["requests"] = double(requests);
}

void BM_RehearseTenStepsOneHour(benchmark::State &state)
{
    const Scenario &s = scenario();
    int64_t requests = 0;
    for (auto _ : state) {
        const RehearsalReport report = Rehearsal(s.mesh, s.plan, s.mix, s.profiles).run();
        requests = report.requests;
        if (report.outcome != RehearsalReport::Outcome::Promoted)
            state.SkipWithError("the healthy plan did not promote");
        benchmark::DoNotOptimize(report.canaryRequests);
    }
    state.counters["requests"] = double(requests);
}

BENCHMARK(BM_Baseline_SimulateHourWithoutPlan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RehearseTenStepsOneHour)->Unit(benchmark::kMillisecond);

// Prints as usual and remembers CPU ms/iteration per benchmark for the ratio
// (CPU time: both are single-threaded, and the machine may be shared).
class RecordingReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            if (run.run_type == Run::RT_Iteration && !run.error_occurred)
                m_ms[run.benchmark_name()] =
                    run.GetAdjustedCPUTime() * 1e3 / benchmark::GetTimeUnitMultiplier(run.time_unit);
        }
        ConsoleReporter::ReportRuns(runs);
    }
    double ms(const std::string &name) const
    {
        const auto it = m_ms.find(name);
        return it == m_ms.end() ? 0.0 : it->second;
    }

private:
    std::map<std::string, double> m_ms;
};

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    const Scenario &s = scenario();
    if (!s.mesh || !s.split7030 || s.plan.steps.size() != 10) {
        std::fprintf(stderr, "bench_rehearsal: scenario set-up is wrong\n");
        return 1;
    }
    RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const double baseline = reporter.ms("BM_Baseline_SimulateHourWithoutPlan");
    const double rehearsal = reporter.ms("BM_RehearseTenStepsOneHour");
    if (baseline > 0 && rehearsal > 0)
        std::printf("\nRehearsing 10 steps over one simulated hour at 1,000 req/s: %.1f ms; simulating the same "
                    "3.6 M requests without a plan: %.1f ms; ratio %.2fx (target: well under 1 s)\n",
                    rehearsal, baseline, rehearsal / baseline);
    return 0;
}
