#pragma once

// Shared set-up for tests/gui: the look the screenshot mode uses (bundled
// fonts, Fusion), and waiting for a window to finish loading and laying out.

#include "appearance.h"
#include "document.h"
#include "mainwindow.h"

#include <QTest>

namespace meshlane::test {

inline void setUpReproducibleGui()
{
    ui::installBundledFonts();
    ui::useReproducibleStyle();
}

inline QString samplePath(const char *name)
{
    return qEnvironmentVariable("MESHLANE_SAMPLES") + u'/' + QLatin1String(name);
}

inline QString testDataPath(const QString &relative)
{
    return qEnvironmentVariable("MESHLANE_TEST_DATA") + u'/' + relative;
}

// True once the folder is loaded and its graph is on screen.
inline bool waitUntilShown(const ui::MainWindow &window, int timeoutMs = 60'000)
{
    return QTest::qWaitFor([&window] { return !window.document()->folder().isEmpty() && !window.isBusy(); }, timeoutMs);
}

} // namespace meshlane::test
