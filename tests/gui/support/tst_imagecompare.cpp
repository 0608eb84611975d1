// SPDX-License-Identifier: MIT
#include "support/imagecompare.h"

#include <QTemporaryDir>
#include <QTest>

using meshlane::test::compareWithGolden;
using meshlane::test::ImageCompareOptions;

namespace {

QImage checkerboard()
{
    QImage image(64, 48, QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, ((x / 8 + y / 8) % 2) ? qRgb(30, 90, 200) : qRgb(240, 240, 240));
    }
    return image;
}

} // namespace

class TestImageCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_directory.isValid());
        m_options.directory = m_directory.path();
        m_options.channelTolerance = 10;
        m_options.allowedDifferingPixels = 5;
        QVERIFY(checkerboard().save(m_directory.filePath(QStringLiteral("board.png"))));
    }

    void smallDifferencesPass()
    {
        QImage image = checkerboard();
        for (int x = 0; x < image.width(); ++x) // within the per-channel tolerance everywhere
            image.setPixel(x, 0, qRgb(qRed(image.pixel(x, 0)) - 8, qGreen(image.pixel(x, 0)), qBlue(image.pixel(x, 0))));
        for (int i = 0; i < 5; ++i) // and a few pixels far off, within the allowance
            image.setPixel(i, 10, qRgb(255, 0, 0));
        QCOMPARE(compareWithGolden(image, QStringLiteral("board"), m_options), QString());
        QVERIFY(!QFile::exists(m_directory.filePath(QStringLiteral("board.diff.png"))));
    }

    void tooManyDifferingPixelsFail()
    {
        QImage image = checkerboard();
        for (int i = 0; i < 6; ++i)
            image.setPixel(i, 10, qRgb(255, 0, 0));
        const QString failure = compareWithGolden(image, QStringLiteral("board"), m_options);
        QVERIFY(failure.startsWith(QStringLiteral("6 pixels differ")));
        const QImage diff(m_directory.filePath(QStringLiteral("board.diff.png")));
        QCOMPARE(diff.pixel(0, 10), qRgb(255, 0, 0));
        QVERIFY(diff.pixel(20, 20) != qRgb(255, 0, 0));
        QCOMPARE(QImage(m_directory.filePath(QStringLiteral("board.actual.png"))).convertToFormat(QImage::Format_ARGB32), image);
    }

    void sizeAndMissingGoldenFail()
    {
        QVERIFY(compareWithGolden(checkerboard().scaled(32, 24), QStringLiteral("board"), m_options).contains(QStringLiteral("size")));
        QVERIFY(compareWithGolden(checkerboard(), QStringLiteral("absent"), m_options).startsWith(QStringLiteral("no golden")));
    }

    void updateModeRewritesTheGolden()
    {
        QImage image = checkerboard();
        image.fill(Qt::black);
        qputenv("MESHLANE_UPDATE_GOLDENS", "1");
        QCOMPARE(compareWithGolden(image, QStringLiteral("board"), m_options), QString());
        qunsetenv("MESHLANE_UPDATE_GOLDENS");
        QCOMPARE(compareWithGolden(image, QStringLiteral("board"), m_options), QString());
        QVERIFY(!compareWithGolden(checkerboard(), QStringLiteral("board"), m_options).isEmpty());
    }

private:
    QTemporaryDir m_directory;
    ImageCompareOptions m_options;
};

QTEST_GUILESS_MAIN(TestImageCompare)
#include "tst_imagecompare.moc"
