// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "model/mesh.h"
#include "routing/router.h"
#include "routing/routercache.h"
#include "simulation/simulationhistory.h"
#include "simulation/simulationsample.h"
#include "simulation/trafficmix.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

class QThread;

namespace meshlane::ui {

class SimulationWorker;

// Runs the core Simulator on a worker thread, against the current snapshot,
// at a rate of requests per simulated second and a speed of simulated seconds
// per wall-clock second. The GUI thread only receives one SimulationSample per
// tick (queued) and keeps them in history().
//
//  - setMesh(): the snapshot's Router is taken from the RouterCache off the GUI
//    thread (the one the graph uses, derived from the last) and handed to the
//    running simulation; a running clock ticks at once with it, so plots
//    follow edits without waiting for the next tick.
//  - setVirtualService(): the default traffic mix of that route resource, a
//    VirtualService ("ns/name": one plain request class per host) or a Gateway
//    API route ("HTTPRoute/ns/name": one per accepting parent), each with the
//    protocol, gateway and port its rules are reached by (see
//    plainTrafficMix); a new run starts.
//  - loadTrafficMix(): a YAML traffic mix (TrafficMix::fromYaml) instead.
//
// A fixed seed makes runs reproducible (tests, screenshots): the same seed,
// snapshot and mix give the same samples, tick for tick.
class SimulationRunner : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::optional<uint64_t> seed = std::nullopt; // none: a new random seed per run
        double requestsPerSecond = 100;
        double speed = 1;             // simulated seconds per wall-clock second
        double tickSeconds = 0.1;     // simulated time per sample
        bool startPaused = false;
        double historySeconds = 60;
    };

    explicit SimulationRunner(Options options, QObject *parent = nullptr);
    ~SimulationRunner() override;

    // Where Routers come from (by default, a cache of its own).
    void setRouterCache(RouterCachePtr routers);
    void setMesh(MeshPtr mesh);
    // Uses `router` directly (it must come from the current snapshot).
    void setRouter(RouterPtr router);
    void setVirtualService(const QString &routeResource); // "" stops the simulation
    // Reads a traffic mix; classes without a host get the selected
    // VirtualService's first host. Fails with a sentence for the user.
    Result<void> loadTrafficMix(const QString &path);
    void useDefaultTrafficMix();
    void restart(); // a new run of the same mix from simulated time 0

    void setRequestsPerSecond(double requestsPerSecond);
    void setSpeed(double simulatedSecondsPerSecond);
    void setPaused(bool paused);
    // Simulates `seconds` of traffic as fast as possible (whatever the speed
    // and pause state); runFinished() once every sample has arrived. Asked
    // while a run waits for its Router, it simulates that run once it starts.
    void runFor(double seconds);

    bool isPaused() const { return m_paused; }
    bool isSimulating() const { return m_started; } // a run exists (it may be paused)
    bool isBusy() const; // a Router is being built or a runFor() is under way
    double requestsPerSecond() const { return m_mix.requestsPerSecond; }
    double speed() const { return m_options.speed; }
    uint64_t seed() const { return m_seed; }
    QString virtualService() const { return m_virtualService; }
    QString trafficMixFile() const { return m_mixFile; } // empty: the default mix
    const TrafficMix &trafficMix() const { return m_mix; }
    RouterPtr router() const { return m_router; }
    const SimulationHistory &history() const { return m_history; }

Q_SIGNALS:
    void runReset();      // a new run began: views clear what they drew
    void sampled(const meshlane::SimulationSample &sample); // history() already holds it
    void runFinished();   // the last sample of runFor() arrived
    void pausedChanged(bool paused);
    void routerChanged(meshlane::RouterPtr router);
    void stateChanged();  // mix, rate, speed or selection changed
    void busyChanged(bool busy);

private:
    void buildRouter();
    void payTicksOwed();
    void startRun();
    void stopRun();
    void updateClock();
    void onSample(const SimulationSample &sample);
    std::optional<TrafficMix> defaultMix() const;
    void setBusy();

    Options m_options;
    QThread *m_thread;
    SimulationWorker *m_worker;
    RouterCachePtr m_routers;
    MeshPtr m_mesh;
    MeshPtr m_pendingMesh;    // waiting for the running Router build
    bool m_building = false;
    RouterPtr m_router;
    QString m_virtualService;
    QString m_mixFile;
    TrafficMix m_mix;
    bool m_haveMix = false;
    bool m_started = false;
    bool m_paused;
    int m_generation = 0;
    int m_runFirstGeneration = 0;
    int m_runsInFlight = 0;
    std::vector<int> m_ticksOwed; // runFor() asked before a run existed
    bool m_wasBusy = false;
    uint64_t m_seed = 0;
    SimulationHistory m_history;
};

} // namespace meshlane::ui
