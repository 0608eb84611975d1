#include "screenshotrunner.h"

#include "document.h"
#include "graphpanel.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QPixmap>
#include <QThread>

namespace meshlane::ui {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 64;
constexpr int kExitFailed = 1;

bool waitUntilShown(const MainWindow &window, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!window.document()->folder().isEmpty() && !window.isBusy())
            return true;
        QThread::msleep(5);
    }
    return false;
}

} // namespace

int ScreenshotRunner::run(const Request &request, LanguageManager *languages, QString *error)
{
    if (!QFileInfo(request.folder).isDir()) {
        *error = QStringLiteral("%1 is not a folder").arg(request.folder);
        return kExitUsage;
    }
    MainWindow window({.persistent = false, .languages = languages});
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
    if (!window.grab().save(request.output, "PNG")) {
        *error = QStringLiteral("cannot write %1").arg(request.output);
        return kExitFailed;
    }
    return kExitOk;
}

} // namespace meshlane::ui
