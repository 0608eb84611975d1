// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "edit/meshchange.h"
#include "rollout/behaviourprofile.h"
#include "rollout/rehearsalreport.h"
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
// edit path), so each step's mesh is what an export would write. The route
// starts at 100 % stable (the canary is added at weight 0 when missing).
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

    bool prepare();
    bool prepareHttpRoute();
    const RouteRule *httpRouteRule() const;
    bool setBackendWeights(int canaryWeight);
    // Whether a simulated destination is one of the plan route's, the canary,
    // and the key reports use for it (subset; backend Service name for HTTPRoutes).
    bool onPlanRoute(const SimulationCounts::Target &target) const;
    bool isCanary(const SimulationCounts::Target &target) const;
    std::string keyOf(const SimulationCounts::Target &target) const;
    bool apply(const Result<MeshChange> &change);
    bool setWeights(int canaryWeight);
    bool setHeaderRoute(const RolloutStep &step);
    bool setMirror(double percent);
    bool clearManagedRoutes();
    const HttpRoute *weightedRoute() const;
    void simulate(double seconds, RehearsalStep &step, StepSamples &samples, Window &window);
    // Runs a pause; false when the plan rolled back during it.
    bool pause(double seconds, RehearsalStep &step);
    std::vector<GateCheck> judge(Window &window) const;
    void finishStep(RehearsalStep &step, StepSamples &samples);
    void refreshBrokenTargets();

    MeshPtr m_mesh;
    RolloutPlan m_plan;
    TrafficMix m_mix;
    std::vector<BehaviourProfile> m_profiles;
    std::vector<std::vector<double>> m_latencyTables; // per profile, same order
    RehearsalOptions m_options;
    std::unique_ptr<Simulator> m_simulator;
    RouterPtr m_router;
    SeededRandom m_random;
    std::string m_hostFqdn; // of the route's destinations
    std::string m_hostWritten; // as the stable destination writes it
    std::map<std::string, std::string> m_backendNames; // HTTPRoute plans: backend FQDN -> Service name
    std::string m_canaryFqdn; // HTTPRoute plans
    size_t m_routeIndex = 0;
    std::map<std::string, int> m_weights;
    std::set<std::string> m_headerRoutes; // names of routes the plan added
    bool m_mirrorSet = false;
    std::set<std::pair<std::string, std::string>> m_brokenTargets;
    int m_failures = 0;
    TranslatedText m_failReason;
    double m_now = 0;
    RehearsalReport m_report;
};

} // namespace meshlane
