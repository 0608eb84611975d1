// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "rollout/behaviourprofile.h"
#include "rollout/rehearsalreport.h"
#include "rollout/rehearsalroute.h"
#include "rollout/rolloutplan.h"
#include "simulation/simulator.h"

#include <memory>
#include <set>

namespace meshlane {

struct RehearsalOptions
{
    uint64_t seed = 1;
    // A pause without a duration waits to be promoted by hand: 0 stops the
    // rehearsal there (outcome paused); more rehearses that many seconds and
    // then promotes on.
    double manualPauseSeconds = 0;
    // false: pauses only let time pass (no traffic, no gates), so run() just
    // applies every step's edit; that is how each step's manifests are written.
    bool simulate = true;
};

// Plays a RolloutPlan in simulated time against the seeded Simulator.
//
// A plan on a Gateway API HTTPRoute rule shifts the weights of its
// backendRefs (stable and canary are backend Service names; the canary is
// added at weight 0 when missing); header-route and mirror steps need a
// VirtualService route and are refused there.
//
// Every step that changes routing is an ordinary edit of core/edit (the one
// edit path; RehearsalRoute makes them), so each step's mesh is what an
// export would write. The route starts at 100 % stable (the canary is added
// at weight 0 when missing).
// Only pauses let time pass; over a pause the canary's requests (routed and
// mirrored, since a mirrored canary is judged on its shadow traffic, as Flagger
// does) are judged every analysis interval. An interval fails when one of its
// checks fails; more failed intervals than failureLimit roll back: 100 %
// stable, header routes and the mirror removed. Completing the steps promotes:
// 100 % canary, the plan's header routes and mirror removed (Argo's rule).
//
// Behaviour profiles give each request of a destination a 500 with the
// profile's probability and a latency; draws come from a generator seeded
// from the same seed, so the same seed gives the same report.
class Rehearsal
{
public:
    Rehearsal(MeshPtr mesh, RolloutPlan plan, TrafficMix mix, std::vector<BehaviourProfile> profiles,
              RehearsalOptions options = {});
    RehearsalReport run();

private:
    struct Window
    {
        int64_t requests = 0;
        int64_t errors = 0;
        std::vector<double> latencies;
    };
    struct StepSamples
    {
        std::map<std::string, std::vector<double>> latencies;
    };

    // After a step's edit of the route: the simulator routes the new
    // snapshot; false (and the report's error) when the edit was refused.
    bool edited(const Result<void> &edit);
    void simulate(double seconds, RehearsalStep &step, StepSamples &samples, Window &window);
    // Runs a pause; false when the plan rolled back during it.
    bool pause(double seconds, RehearsalStep &step);
    std::vector<GateCheck> judge(Window &window) const;
    void finishStep(RehearsalStep &step, StepSamples &samples);
    void refreshBrokenTargets();

    RolloutPlan m_plan;
    RehearsalRoute m_route;
    TrafficMix m_mix;
    std::vector<BehaviourProfile> m_profiles;
    std::vector<std::vector<double>> m_latencyTables; // per profile, same order
    RehearsalOptions m_options;
    std::unique_ptr<Simulator> m_simulator;
    RouterPtr m_router;
    SeededRandom m_random;
    std::set<std::pair<std::string, std::string>> m_brokenTargets;
    int m_failures = 0;
    TranslatedText m_failReason;
    double m_now = 0;
    RehearsalReport m_report;
};

} // namespace meshlane
