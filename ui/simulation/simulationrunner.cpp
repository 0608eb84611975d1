// SPDX-License-Identifier: MIT
#include "simulation/simulationrunner.h"

#include "base/backgroundjob.h"

#include "routing/ingressgateway.h"
#include "routing/routeresource.h"
#include "simulation/plainrequest.h"
#include "simulation/simulationworker.h"

#include <QFile>
#include <QRandomGenerator>
#include <QThread>

#include <cmath>

namespace meshlane::ui {

SimulationRunner::SimulationRunner(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_thread(new QThread(this))
    , m_worker(new SimulationWorker(options.tickSeconds))
    , m_routers(std::make_shared<RouterCache>())
    , m_paused(options.startPaused)
    , m_history(options.historySeconds)
{
    qRegisterMetaType<SimulationSample>();
    m_mix.requestsPerSecond = options.requestsPerSecond;
    m_thread->setObjectName(QStringLiteral("meshlane-simulation"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SimulationWorker::sampled, this, &SimulationRunner::onSample);
    connect(m_worker, &SimulationWorker::runFinished, this, [this] {
        --m_runsInFlight;
        Q_EMIT runFinished();
        setBusy();
    });
    m_thread->start();
    updateClock();
}

SimulationRunner::~SimulationRunner()
{
    m_thread->quit();
    m_thread->wait();
}

void SimulationRunner::setRouterCache(RouterCachePtr routers)
{
    m_routers = std::move(routers);
}

void SimulationRunner::setMesh(MeshPtr mesh)
{
    m_mesh = mesh;
    if (m_building) {
        m_pendingMesh = std::move(mesh);
        return;
    }
    buildRouter();
}

void SimulationRunner::buildRouter()
{
    m_building = true;
    setBusy();
    // Compiling every VirtualService of a large mesh takes too long for the GUI
    // thread (only the first snapshot of a folder needs that; edits derive).
    const auto build = [mesh = m_mesh, routers = m_routers] { return routers->routerFor(mesh); };
    runInBackground(this, build, [this](RouterPtr router) {
        m_building = false;
        if (m_pendingMesh) {
            // Edits came in meanwhile: only the newest snapshot is worth routing.
            m_pendingMesh.reset();
            buildRouter();
            return;
        }
        setRouter(std::move(router));
        setBusy();
    });
}

void SimulationRunner::setRouter(RouterPtr router)
{
    RouterPtr previous = std::exchange(m_router, std::move(router));
    if (!m_mesh)
        m_mesh = m_router->mesh();
    bool mixLost = false;
    if (m_mixFile.isEmpty() && !m_virtualService.isEmpty()) {
        // An edit may have changed the rule's hosts (or removed the rule).
        // The mix is brought up to date before routerChanged, whose receivers
        // compute the expected split from router and mix together.
        std::optional<TrafficMix> mix = defaultMix();
        mixLost = !mix;
        m_haveMix = !mixLost;
        if (mix)
            m_mix.classes = std::move(mix->classes);
    }
    if (mixLost) {
        stopRun();
        Q_EMIT routerChanged(m_router);
        Q_EMIT stateChanged();
        return;
    }
    Q_EMIT routerChanged(m_router);
    if (!m_haveMix)
        return;
    if (!m_started) {
        startRun();
        return;
    }
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        // `previous` goes along: a Router of a thousand rules is freed on the
        // simulation thread, not the GUI thread.
        [worker = m_worker, router = m_router, mix = m_mix, generation, previous = std::move(previous)] {
            worker->setRouter(router, generation);
            worker->setTrafficMix(mix, generation);
            worker->catchUp();
        },
        Qt::QueuedConnection);
}

std::optional<TrafficMix> SimulationRunner::defaultMix() const
{
    if (!m_mesh || m_virtualService.isEmpty())
        return std::nullopt;
    // A VirtualService or a Gateway API route: each gets the protocol, gateway
    // and port its rules are reached by (a tcp rule a TCP connection...).
    const std::optional<RouteResource> resource = RouteResource::parse(m_virtualService.toStdString());
    if (!resource)
        return std::nullopt;
    return plainTrafficMix(*m_mesh, *resource, m_mix.requestsPerSecond);
}

void SimulationRunner::setVirtualService(const QString &nsName)
{
    if (nsName == m_virtualService)
        return;
    m_virtualService = nsName;
    if (m_mixFile.isEmpty())
        useDefaultTrafficMix(); // a loaded mix does not depend on the selection
    Q_EMIT stateChanged();
}

void SimulationRunner::useDefaultTrafficMix()
{
    m_mixFile.clear();
    std::optional<TrafficMix> mix = defaultMix();
    m_haveMix = mix.has_value();
    if (mix)
        m_mix.classes = std::move(mix->classes);
    if (m_haveMix)
        startRun();
    else
        stopRun();
    Q_EMIT stateChanged();
}

Result<void> SimulationRunner::loadTrafficMix(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<void>::failure(tr("Cannot read %1: %2").arg(path, file.errorString()).toStdString());
    HttpRequest defaults;
    if (m_mesh && !m_virtualService.isEmpty()) {
        if (const std::optional<RouteResource> resource = RouteResource::parse(m_virtualService.toStdString())) {
            if (std::optional<HttpRequest> plain = plainRequest(*m_mesh, *resource))
                defaults = std::move(*plain);
        }
    }
    Result<TrafficMix> mix = TrafficMix::fromYaml(file.readAll().toStdString(), defaults);
    if (!mix)
        return Result<void>::failure(mix.error());
    for (const RequestClass &requestClass : mix->classes) {
        if (m_mesh && !requestClass.request.gateway.empty()
            && !hasIngressGateway(*m_mesh, requestClass.request.gateway))
            return Result<void>::failure(tr("Class '%1' enters through Gateway %2, which is not in the mesh")
                                             .arg(QString::fromStdString(requestClass.name),
                                                  QString::fromStdString(requestClass.request.gateway))
                                             .toStdString());
    }
    m_mix = std::move(mix).value();
    m_mixFile = path;
    m_haveMix = true;
    startRun();
    Q_EMIT stateChanged();
    return {};
}

void SimulationRunner::restart()
{
    if (m_haveMix)
        startRun();
}

void SimulationRunner::startRun()
{
    if (!m_router || !m_haveMix) {
        stopRun();
        return; // starts when the router arrives
    }
    const int generation = ++m_generation;
    m_runFirstGeneration = generation;
    m_seed = m_options.seed ? *m_options.seed : QRandomGenerator::global()->generate64();
    m_history.clear();
    m_started = true;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, router = m_router, mix = m_mix, seed = m_seed, generation] {
            worker->start(router, mix, seed, generation);
        },
        Qt::QueuedConnection);
    payTicksOwed();
    updateClock();
    Q_EMIT runReset();
}

void SimulationRunner::stopRun()
{
    const bool wasStarted = std::exchange(m_started, false);
    m_runFirstGeneration = ++m_generation; // samples still on their way are dropped
    m_history.clear();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stop(); }, Qt::QueuedConnection);
    if (!m_haveMix)
        payTicksOwed(); // no run will come to simulate them: each still gets its runFinished()
    if (wasStarted)
        Q_EMIT runReset();
}

void SimulationRunner::setRequestsPerSecond(double requestsPerSecond)
{
    if (!(requestsPerSecond >= 0) || requestsPerSecond == m_mix.requestsPerSecond)
        return;
    m_mix.requestsPerSecond = requestsPerSecond;
    if (m_started) {
        // Same split, so the same generation: comparisons keep accumulating.
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, mix = m_mix, generation = m_generation] { worker->setTrafficMix(mix, generation); },
            Qt::QueuedConnection);
    }
    Q_EMIT stateChanged();
}

void SimulationRunner::setSpeed(double simulatedSecondsPerSecond)
{
    if (!(simulatedSecondsPerSecond > 0) || simulatedSecondsPerSecond == m_options.speed)
        return;
    m_options.speed = simulatedSecondsPerSecond;
    updateClock();
    Q_EMIT stateChanged();
}

void SimulationRunner::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    updateClock();
    Q_EMIT pausedChanged(paused);
}

void SimulationRunner::updateClock()
{
    const int intervalMs = std::max(1, int(std::lround(m_options.tickSeconds * 1000.0 / m_options.speed)));
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, running = !m_paused, intervalMs] { worker->setClock(running, intervalMs); },
        Qt::QueuedConnection);
}

void SimulationRunner::runFor(double seconds)
{
    const int ticks = std::max(0, int(std::lround(seconds / m_options.tickSeconds)));
    ++m_runsInFlight;
    setBusy();
    if (!m_started && m_haveMix) {
        // The run waits for its Router: the ticks are owed to it, not lost on
        // a worker with nothing to simulate yet.
        m_ticksOwed.push_back(ticks);
        return;
    }
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, ticks] { worker->runTicks(ticks); }, Qt::QueuedConnection);
}

void SimulationRunner::payTicksOwed()
{
    for (int ticks : std::exchange(m_ticksOwed, {})) // one runFinished() per runFor()
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, ticks] { worker->runTicks(ticks); }, Qt::QueuedConnection);
}

bool SimulationRunner::isBusy() const
{
    return m_building || m_runsInFlight > 0;
}

void SimulationRunner::setBusy()
{
    const bool busy = isBusy();
    if (busy != m_wasBusy) {
        m_wasBusy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void SimulationRunner::onSample(const SimulationSample &sample)
{
    if (sample.generation < m_runFirstGeneration)
        return; // from a run that has been replaced
    m_history.add(sample);
    Q_EMIT sampled(sample);
}

} // namespace meshlane::ui
