// SPDX-License-Identifier: MIT
#pragma once

// Shared set-up for tests/gui: the look the screenshot mode uses (bundled
// fonts, Fusion), and waiting for a window to finish loading and laying out.

#include "document/document.h"
#include "shell/mainwindow.h"
#include "support/testdata.h"
#include "widgets/appearance.h"

#include <QTest>

namespace meshlane::test {

inline void setUpReproducibleGui()
{
    ui::useReproducibleAppearance();
}

inline QString samplePath(const char *name)
{
    return test::samplesDir(QLatin1String(name));
}

inline QString testDataPath(const QString &relative)
{
    return test::testData(relative);
}

// True once the folder is loaded and its graph is on screen.
inline bool waitUntilShown(const ui::MainWindow &window, int timeoutMs = 60'000)
{
    return QTest::qWaitFor([&window] { return !window.document()->folder().isEmpty() && !window.isBusy(); }, timeoutMs);
}

// The picture of `widget` once what is posted has run: layout requests after
// a selection, QCustomPlot's queued replots. (QTest::qWaitFor returns at once
// when its condition already holds, without processing events.)
inline QImage settledGrab(QWidget &widget)
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    return widget.grab().toImage();
}

} // namespace meshlane::test
