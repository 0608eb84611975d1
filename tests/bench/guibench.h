// SPDX-License-Identifier: MIT
#pragma once

// What the bench_gui_* executables share: percentiles, an event loop that
// waits like an application's, an application that times the GUI thread, and
// main().

#include "bench/generatedmesh.h"
#include "widgets/appearance.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace guibench {

// The mesh of `services` services: MESHLANE_BENCH_MESH (for 1,000) or meshgen's.
inline QString meshFolder(int services)
{
    const QString given = qEnvironmentVariable("MESHLANE_BENCH_MESH");
    return services == 1000 && !given.isEmpty() ? given : QString::fromStdString(generatedMesh(services));
}

inline double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5));
    return values[index];
}

inline void percentiles(benchmark::State &state, const std::string &name, const std::vector<double> &values)
{
    if (values.empty())
        return;
    state.counters[name + "_p50_ms"] = percentile(values, 0.5);
    state.counters[name + "_p95_ms"] = percentile(values, 0.95);
}

// Runs the event loop (blocking while idle, as an application does) until `condition`.
inline bool runUntil(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // Sleep until something happens: processEvents(flags, maxtime) drops
    // WaitForMoreEvents and returns at once when nothing is pending, so
    // looping on it spun the GUI thread, which took one of the two cores
    // from the very work being timed (a 10k open measured 1.5x its time).
    // The tick wakes the wait so the deadline is seen when nothing happens.
    QTimer tick;
    tick.start(20);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Times the longest single event the GUI thread handled: while it runs,
// nothing else (painting, input) can; what a user would feel as a stutter.
// `afterEvent`, when set, sees every event (nested ones too) once handled.
// MESHLANE_BENCH_SLOW_EVENTS_MS=N prints each event over N ms (its type and
// receiver) to stderr: which one to look at when gui_max_ms is high.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        // Threads with event loops of their own (Qt's file watcher, pool
        // threads delivering results) come through here too: only the GUI
        // thread's events are timed, and only it may touch the counters.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth++ > 0) { // sent from inside another event: part of its time
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            if (afterEvent)
                afterEvent(receiver, event);
            return handled;
        }
        QElapsedTimer timer;
        timer.start();
        const QEvent::Type type = event->type(); // the event may be gone afterwards
        // A pool job's result comes to a QFutureWatcher: its parent says whose job it was.
        const char *parent = receiver->parent() ? receiver->parent()->metaObject()->className() : "-";
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        m_longest = std::max(m_longest, elapsed);
        if (m_reportOverMs > 0 && elapsed > m_reportOverMs) { // MESHLANE_BENCH_SLOW_EVENTS_MS: which event it was
            // When it started, on CLOCK_MONOTONIC: `perf record -k CLOCK_MONOTONIC` samples can be matched.
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            const double started = double(now.tv_sec) + double(now.tv_nsec) / 1e9 - elapsed / 1e3;
            std::fprintf(stderr, "slow event: %.1f ms, type %d, to %s (child of %s), from %.6f s\n", elapsed,
                         int(type), receiver->metaObject()->className(), parent, started);
        }
        if (afterEvent)
            afterEvent(receiver, event);
        return handled;
    }

    void resetLongest() { m_longest = 0; }
    double longest() const { return m_longest; }

    std::function<void(QObject *, QEvent *)> afterEvent;

private:
    int m_depth = 0;
    double m_longest = 0;
    double m_reportOverMs = qEnvironmentVariableIntValue("MESHLANE_BENCH_SLOW_EVENTS_MS");
};

inline TimingApplication *timingApp()
{
    return static_cast<TimingApplication *>(QCoreApplication::instance());
}

// The whole of a GUI benchmark's main(): offscreen unless told otherwise, the
// bundled fonts and style of the screenshots, then the registered benchmarks.
inline int runGuiBenchmarks(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    meshlane::ui::useReproducibleAppearance();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace guibench
