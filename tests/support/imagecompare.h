// SPDX-License-Identifier: MIT
#pragma once

// Golden-image comparison for GUI tests, after QGIS's render checker: two
// images match when every channel of every pixel is within `channelTolerance`,
// except for at most `allowedDifferingPixels` pixels (antialiasing and font
// rasterisation differ slightly between machines).
//
//   const QString failure = meshlane::test::compareWithGolden(window.grab().toImage(), QStringLiteral("bookinfo"));
//   QVERIFY2(failure.isEmpty(), qPrintable(failure));
//
// Goldens are tests/gui/goldens/<name>.png. On a mismatch <name>.actual.png and
// <name>.diff.png (differing pixels in red over a faded copy) are written next
// to the golden. MESHLANE_UPDATE_GOLDENS=1 rewrites the goldens instead.

#include "support/testdata.h"
#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QString>

#include <algorithm>
#include <cstdlib>

namespace meshlane::test {

inline QString goldenDirectory()
{
    return projectDir() + QStringLiteral("/tests/gui/goldens");
}

struct ImageCompareOptions
{
    int channelTolerance = 24;         // 0..255 per channel
    int allowedDifferingPixels = 200;  // beyond the tolerance
    QString directory = goldenDirectory();
};

// Empty when the images match; otherwise what differs and where the evidence is.
inline QString compareWithGolden(const QImage &actualImage, const QString &name, const ImageCompareOptions &options = {})
{
    const QDir directory(options.directory);
    const QString goldenPath = directory.filePath(name + QStringLiteral(".png"));
    const QString actualPath = directory.filePath(name + QStringLiteral(".actual.png"));
    const QString diffPath = directory.filePath(name + QStringLiteral(".diff.png"));
    const QImage actual = actualImage.convertToFormat(QImage::Format_ARGB32);

    if (qEnvironmentVariableIntValue("MESHLANE_UPDATE_GOLDENS") == 1) {
        directory.mkpath(QStringLiteral("."));
        QFile::remove(actualPath);
        QFile::remove(diffPath);
        return actual.save(goldenPath, "PNG") ? QString() : QStringLiteral("cannot write %1").arg(goldenPath);
    }
    const QImage golden = QImage(goldenPath).convertToFormat(QImage::Format_ARGB32);
    if (golden.isNull()) {
        actual.save(actualPath, "PNG");
        return QStringLiteral("no golden %1 (wrote %2; run with MESHLANE_UPDATE_GOLDENS=1 to accept it)")
            .arg(goldenPath, actualPath);
    }
    if (golden.size() != actual.size()) {
        actual.save(actualPath, "PNG");
        return QStringLiteral("size %1x%2 differs from the golden's %3x%4 (wrote %5)")
            .arg(actual.width()).arg(actual.height()).arg(golden.width()).arg(golden.height()).arg(actualPath);
    }

    QImage diff(actual.size(), QImage::Format_ARGB32);
    int differing = 0;
    int worst = 0;
    for (int y = 0; y < actual.height(); ++y) {
        const QRgb *a = reinterpret_cast<const QRgb *>(actual.constScanLine(y));
        const QRgb *g = reinterpret_cast<const QRgb *>(golden.constScanLine(y));
        QRgb *d = reinterpret_cast<QRgb *>(diff.scanLine(y));
        for (int x = 0; x < actual.width(); ++x) {
            const int delta = std::max({std::abs(qRed(a[x]) - qRed(g[x])), std::abs(qGreen(a[x]) - qGreen(g[x])),
                                        std::abs(qBlue(a[x]) - qBlue(g[x])), std::abs(qAlpha(a[x]) - qAlpha(g[x]))});
            worst = std::max(worst, delta);
            if (delta > options.channelTolerance) {
                ++differing;
                d[x] = qRgb(255, 0, 0);
            } else {
                const int grey = 192 + qGray(g[x]) / 4; // faded golden for context
                d[x] = qRgb(grey, grey, grey);
            }
        }
    }
    if (differing <= options.allowedDifferingPixels) {
        QFile::remove(actualPath);
        QFile::remove(diffPath);
        return {};
    }
    actual.save(actualPath, "PNG");
    diff.save(diffPath, "PNG");
    return QStringLiteral("%1 pixels differ from %2 by more than %3 (largest difference %4, %5 allowed); see %6 and %7")
        .arg(differing).arg(goldenPath).arg(options.channelTolerance).arg(worst).arg(options.allowedDifferingPixels)
        .arg(actualPath, diffPath);
}

} // namespace meshlane::test
