// SPDX-License-Identifier: MIT
#pragma once

#include "simulation/simulationsample.h"
#include "simulation/simulator.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QTimer;

namespace meshlane::ui {

// Lives on the SimulationRunner's thread and owns the Simulator there. Every
// method is invoked through the thread's event loop (queued), so they run in
// order between ticks and the Simulator is only ever touched by this thread.
class SimulationWorker : public QObject
{
    Q_OBJECT

public:
    explicit SimulationWorker(double tickSeconds);
    ~SimulationWorker() override;

    // A new run from simulated time 0.
    void start(RouterPtr router, TrafficMix mix, uint64_t seed, int generation);
    void stop();
    void setRouter(RouterPtr router, int generation);
    void setTrafficMix(TrafficMix mix, int generation);
    // Wall-clock milliseconds between ticks; `running` false pauses the clock.
    void setClock(bool running, int intervalMs);
    // Runs `ticks` ticks at once, then emits runFinished().
    void runTicks(int ticks);
    // After a change (router, mix) while the clock runs: simulates the time
    // since the last tick now, with the change, and starts the clock over, so
    // the plot follows an edit at once instead of up to a tick later, while
    // simulated time still advances by wall time x speed. Nothing when paused.
    void catchUp();

Q_SIGNALS:
    void sampled(const meshlane::SimulationSample &sample);
    void runFinished();

private:
    void tick(double seconds);
    void updateTimer();

    double m_tickSeconds;
    QTimer *m_timer = nullptr; // created on first use, on this thread
    std::unique_ptr<Simulator> m_simulator;
    int m_generation = 0;
    bool m_running = false;
    int m_intervalMs = 100;
    QElapsedTimer m_sinceTick; // wall time since the last tick
};

} // namespace meshlane::ui
