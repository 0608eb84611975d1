// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtConcurrent/qtconcurrenttask.h>

#include <type_traits>
#include <utility>

namespace meshlane::ui {

// Which queued job a free pool thread takes first. On two cores a large open
// queues the graph, the analysis, the simulation's Router and a disk scan at
// once; the window can only be drawn once the graph is laid out.
enum class JobPriority : int {
    Background = -1, // nobody waits for it (a disk snapshot)
    Normal = 0,
    Foreground = 1, // what the window waits to draw
};

// The pool runInBackground's jobs run on. Not Qt's global pool: Qt's raster
// paint engine splits large fills over that one and waits for them on the GUI
// thread, so a graph layout and an analysis holding both its threads held a
// repaint of the window ~0.1 s while 9,999 services opened.
QThreadPool &backgroundPool();

// Runs `work` on backgroundPool() and hands its result to `done` on
// `owner`'s thread; nothing is delivered once `owner` is gone. The one way the
// workbench moves slow work (loading, analysis, graph building and layout,
// Router builds, disk scans) off the GUI thread.
template<typename Work, typename Done>
void runInBackground(QObject *owner, Work &&work, Done &&done, JobPriority priority = JobPriority::Normal)
{
    using Result = std::invoke_result_t<std::decay_t<Work>>;
    auto *watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->future().takeResult());
                     });
    // A prvalue: Qt 6.4's task builder takes no lvalue.
    watcher->setFuture(QtConcurrent::task(std::decay_t<Work>(std::forward<Work>(work)))
                           .onThreadPool(backgroundPool())
                           .withPriority(int(priority))
                           .spawn());
}

// "The latest job wins": a job takes a ticket when it starts and its result
// counts only while no newer job started and nothing invalidated it since
// (a newer load, a stopped watcher).
class JobTicket
{
public:
    int next() { return ++m_latest; }
    void invalidate() { ++m_latest; }
    int latest() const { return m_latest; }
    bool isLatest(int ticket) const { return ticket == m_latest; }

private:
    int m_latest = 0;
};

} // namespace meshlane::ui
