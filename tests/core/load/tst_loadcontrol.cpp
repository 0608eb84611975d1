// SPDX-License-Identifier: MIT
#include "load/manifestloader.h"
#include "support/testfolder.h"

#include <QTest>

#include <thread>

using namespace meshlane;

// A folder load reports how far it got and stops when asked (the workbench's
// Cancel), leaving nothing that could pass for the folder.
class TestLoadControl : public QObject
{
    Q_OBJECT

private:
    static void writeServices(const TestFolder &folder, int count)
    {
        for (int i = 0; i < count; ++i) {
            folder.write(QStringLiteral("svc-%1.yaml").arg(i, 5, 10, QLatin1Char('0')),
                         QStringLiteral("apiVersion: v1\nkind: Service\nmetadata: {name: svc-%1}\n"
                                        "spec:\n  selector: {app: svc-%1}\n  ports: [{name: http, port: 80}]\n")
                             .arg(i)
                             .toUtf8());
        }
    }

private Q_SLOTS:
    void countsEveryFileOfAFinishedLoad()
    {
        TestFolder folder;
        writeServices(folder, 40);
        const auto control = std::make_shared<LoadControl>();
        const LoadResult result = ManifestLoader({.control = control}).loadFolder(folder.path());
        QVERIFY(!result.cancelled);
        QCOMPARE(result.mesh->services.size(), size_t(40));
        QCOMPARE(control->filesFound(), size_t(40));
        QCOMPARE(control->filesRead(), size_t(40));
    }

    void aLoadCancelledBeforeItStartsReadsNothing()
    {
        TestFolder folder;
        writeServices(folder, 10);
        const auto control = std::make_shared<LoadControl>();
        control->cancel();
        const LoadResult result = ManifestLoader({.control = control}).loadFolder(folder.path());
        QVERIFY(result.cancelled);
        QCOMPARE(control->filesRead(), size_t(0));
        QVERIFY(result.mesh);
        QVERIFY(result.mesh->files.empty());
        QVERIFY(result.diagnostics.empty());
    }

    void aLoadCancelledHalfWayStopsAndKeepsNothing()
    {
        TestFolder folder;
        const int files = 3000;
        writeServices(folder, files);
        const auto control = std::make_shared<LoadControl>();
        // Another thread asks to stop once the load is under way, as the GUI thread does.
        std::thread canceller([control] {
            while (control->filesRead() < 20)
                std::this_thread::yield();
            control->cancel();
        });
        const LoadResult result = ManifestLoader({.threads = 1, .control = control}).loadFolder(folder.path());
        canceller.join();
        QVERIFY(result.cancelled);
        QCOMPARE(control->filesFound(), size_t(files));
        QVERIFY2(control->filesRead() < size_t(files), qPrintable(QString::number(control->filesRead())));
        QVERIFY(result.mesh->files.empty());
        QVERIFY(result.mesh->services.empty());
    }
};

QTEST_GUILESS_MAIN(TestLoadControl)
#include "tst_loadcontrol.moc"
