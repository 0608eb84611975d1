// SPDX-License-Identifier: MIT
#include "simulation/simulationworker.h"

#include <QTimer>

namespace meshlane::ui {

SimulationWorker::SimulationWorker(double tickSeconds)
    : m_tickSeconds(tickSeconds)
{
}

SimulationWorker::~SimulationWorker() = default;

void SimulationWorker::start(RouterPtr router, TrafficMix mix, uint64_t seed, int generation)
{
    m_simulator = std::make_unique<Simulator>(std::move(router), std::move(mix), seed);
    m_generation = generation;
    m_sinceTick.start();
    updateTimer();
}

void SimulationWorker::stop()
{
    m_simulator.reset();
    updateTimer();
}

void SimulationWorker::setRouter(RouterPtr router, int generation)
{
    if (!m_simulator)
        return;
    m_simulator->setRouter(std::move(router));
    m_generation = generation;
}

void SimulationWorker::setTrafficMix(TrafficMix mix, int generation)
{
    if (!m_simulator)
        return;
    m_simulator->setTrafficMix(std::move(mix));
    m_generation = generation;
}

void SimulationWorker::setClock(bool running, int intervalMs)
{
    m_running = running;
    m_intervalMs = std::max(1, intervalMs);
    updateTimer();
}

void SimulationWorker::updateTimer()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, [this] { tick(m_tickSeconds); });
    }
    m_timer->setInterval(m_intervalMs);
    if (m_running && m_simulator) {
        if (!m_timer->isActive())
            m_timer->start();
    } else {
        m_timer->stop();
    }
}

void SimulationWorker::catchUp()
{
    if (!m_running || !m_simulator || !m_timer || !m_sinceTick.isValid())
        return;
    const double wallSeconds = double(m_sinceTick.nsecsElapsed()) / 1e9;
    const double speed = m_tickSeconds / (double(m_intervalMs) / 1000.0); // simulated per wall second
    tick(std::min(m_tickSeconds, wallSeconds * speed));
    m_timer->start(); // the next tick a whole interval from now
}

void SimulationWorker::tick(double seconds)
{
    if (!m_simulator)
        return;
    m_sinceTick.start();
    SimulationSample sample;
    sample.step = m_simulator->advance(seconds);
    sample.expected = m_simulator->expected(); // what this step was drawn from: no change is pending here
    sample.generation = m_generation;
    Q_EMIT sampled(sample);
}

void SimulationWorker::runTicks(int ticks)
{
    for (int i = 0; i < ticks && m_simulator; ++i)
        tick(m_tickSeconds);
    Q_EMIT runFinished();
}

} // namespace meshlane::ui
