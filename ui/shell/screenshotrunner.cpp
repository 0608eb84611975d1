// SPDX-License-Identifier: MIT
#include "shell/screenshotrunner.h"

#include "base/result.h"
#include "document/document.h"
#include "graph/graphpanel.h"
#include "shell/commandlineedit.h"
#include "shell/mainwindow.h"
#include "shell/simulationdocks.h"
#include "simulation/simulationrunner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QPixmap>
#include <QThread>

#include <functional>

namespace meshlane::ui {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 64;
constexpr int kExitFailed = 1;
constexpr uint64_t kScreenshotSeed = 1;

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (done())
            return true;
        QThread::msleep(5);
    }
    return false;
}

bool waitUntilShown(const MainWindow &window, int timeoutMs)
{
    return waitFor([&window] { return !window.document()->folder().isEmpty() && !window.isBusy(); }, timeoutMs);
}

} // namespace

int ScreenshotRunner::run(const Request &request, LanguageManager *languages, QString *error)
{
    if (!QFileInfo(request.folder).isDir()) {
        *error = QStringLiteral("%1 is not a folder").arg(request.folder);
        return kExitUsage;
    }
    if (!(request.simulatedSeconds >= 0) || request.simulatedSeconds > kMaxSimulatedSeconds) {
        *error = QStringLiteral("--sim-seconds wants a number of seconds from 0.1 to %1").arg(kMaxSimulatedSeconds);
        return kExitUsage;
    }
    if (request.simulatedSeconds > 0 && request.selectVirtualService.isEmpty()) {
        *error = QStringLiteral("--sim-seconds needs --select: the simulation sends traffic to the selected VirtualService");
        return kExitUsage;
    }
    MainWindow window({.persistent = false, .languages = languages, .simulationSeed = kScreenshotSeed, .simulationPaused = true,
                       // Without --select the picture shows what a newcomer sees first.
                       .selectOnOpen = request.selectVirtualService.isEmpty()});
    window.resize(request.size);
    window.show();
    window.openFolder(request.folder);
    if (!waitUntilShown(window, request.timeoutMs)) {
        *error = QStringLiteral("timed out loading %1").arg(request.folder);
        return kExitFailed;
    }
    if (!request.selectVirtualService.isEmpty()) {
        const QString ns = request.selectVirtualService.section(u'/', 0, 0);
        const QString name = request.selectVirtualService.section(u'/', 1);
        if (!window.document()->mesh()->findVirtualService(ns.toStdString(), name.toStdString())) {
            *error = QStringLiteral("no VirtualService %1 in %2").arg(request.selectVirtualService, request.folder);
            return kExitUsage;
        }
        window.graphPanel()->selectVirtualService(request.selectVirtualService);
        QCoreApplication::processEvents();
    }
    if (!request.setWeights.isEmpty()) {
        if (request.selectVirtualService.isEmpty()) {
            *error = QStringLiteral("--set-weights needs --select NS/NAME");
            return kExitUsage;
        }
        const Result<void> set = CommandLineEdit::stageWeights(window, request.selectVirtualService, request.setWeights);
        if (!set) {
            *error = QString::fromStdString(set.error());
            return kExitUsage;
        }
        if (!waitUntilShown(window, request.timeoutMs)) {
            *error = QStringLiteral("timed out showing the new weights");
            return kExitFailed;
        }
    }
    if (request.simulatedSeconds > 0) {
        SimulationRunner *simulation = window.simulationDocks()->runner();
        bool finished = false;
        QObject::connect(simulation, &SimulationRunner::runFinished, &window, [&finished] { finished = true; });
        simulation->runFor(request.simulatedSeconds);
        if (!waitFor([&] { return finished && !window.isBusy(); }, request.timeoutMs)) {
            *error = QStringLiteral("timed out simulating %1 s").arg(request.simulatedSeconds);
            return kExitFailed;
        }
    }
    QCoreApplication::processEvents(); // queued replots
    if (!window.grab().save(request.output, "PNG")) {
        *error = QStringLiteral("cannot write %1").arg(request.output);
        return kExitFailed;
    }
    return kExitOk;
}

} // namespace meshlane::ui
