// SPDX-License-Identifier: MIT
#include "shell/languagemanager.h"
#include "shell/screenshotrunner.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);

} // namespace

// `meshlane DIR --screenshot FILE --select NS/NAME --sim-seconds S`, through
// ScreenshotRunner::run as guiMain calls it.
class TestScreenshotSimulation : public QObject
{
    Q_OBJECT

private:
    ScreenshotRunner::Request httpbinRequest(const QString &output) const
    {
        ScreenshotRunner::Request request;
        request.folder = test::samplePath("httpbin-mirror");
        request.output = output;
        request.size = kWindowSize;
        request.selectVirtualService = QStringLiteral("default/httpbin");
        request.simulatedSeconds = 60;
        return request;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QString>("select");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("no selection") << QString() << 10.0 << QStringLiteral("--select");
        QTest::newRow("negative") << QStringLiteral("default/httpbin") << -5.0 << QStringLiteral("from 0.1 to 86400");
        QTest::newRow("not a number") << QStringLiteral("default/httpbin") << std::numeric_limits<double>::quiet_NaN()
                                      << QStringLiteral("from 0.1 to 86400");
        QTest::newRow("more than a day") << QStringLiteral("default/httpbin") << 86'401.0 << QStringLiteral("from 0.1 to 86400");
    }

    // Refused before any window opens: no picture is written.
    void usageErrors()
    {
        QFETCH(QString, select);
        QFETCH(double, seconds);
        QFETCH(QString, complaint);
        QTemporaryDir output;
        ScreenshotRunner::Request request = httpbinRequest(output.filePath(QStringLiteral("shot.png")));
        request.selectVirtualService = select;
        request.simulatedSeconds = seconds;
        QString error;
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 64);
        QVERIFY2(error.contains(complaint), qPrintable(error));
        QVERIFY(!QFile::exists(request.output));
    }

    // The mirror plot: a minute of httpbin's traffic, the dashed
    // mirror series at 100 req/s on the right axis. Seed 1 every time, so two
    // runs give the same picture, and it is the golden.
    void httpbinMirrorPicture()
    {
        QTemporaryDir output;
        const ScreenshotRunner::Request request = httpbinRequest(output.filePath(QStringLiteral("first.png")));
        QString error;
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 0);
        const QImage first(request.output);
        QCOMPARE(first.size(), kWindowSize);

        ScreenshotRunner::Request again = request;
        again.output = output.filePath(QStringLiteral("second.png"));
        QCOMPARE(ScreenshotRunner::run(again, &m_languages, &error), 0);
        QCOMPARE(QImage(again.output), first);

        ScreenshotRunner::Request still = request;
        still.output = output.filePath(QStringLiteral("still.png"));
        still.simulatedSeconds = 0;
        QCOMPARE(ScreenshotRunner::run(still, &m_languages, &error), 0);
        QVERIFY(QImage(still.output) != first); // the simulation is in the picture

        const QString failure = test::compareWithGolden(first, QStringLiteral("simulation_httpbin_mirror"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestScreenshotSimulation)
#include "tst_screenshotsimulation.moc"
