// SPDX-License-Identifier: MIT
#include "base/backgroundjob.h"
#include "diagnostics/diagnosticsmodel.h"
#include "diagnostics/diagnosticspanel.h"
#include "graph/graphedgeitem.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphstyle.h"
#include "graph/graphview.h"
#include "load/manifestloader.h"
#include "shell/languagemanager.h"
#include "shell/screenshotrunner.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);

QString countsText(const MainWindow &window)
{
    QString text;
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
        text += label->text() + u'\n';
    return text;
}

QPoint viewPointOf(const GraphPanel &panel, const QGraphicsItem *item)
{
    return panel.view()->mapFromScene(item->sceneBoundingRect().center());
}

bool copyFolder(const QString &from, const QString &to)
{
    for (const QFileInfo &file : QDir(from).entryInfoList(QDir::Files)) {
        if (!QFile::copy(file.absoluteFilePath(), to + u'/' + file.fileName()))
            return false;
    }
    return true;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void bookinfoOverview()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("bookinfo"));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(countsText(window).contains(QStringLiteral("Services: 4 \u00b7 VirtualServices: 5 \u00b7 DestinationRules: 4 \u00b7 Diagnostics: 1")));
        const QString failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("mainwindow_bookinfo"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // A newcomer's first look, in a small window and a large one: a route that splits traffic is
    // selected so every dock shows something, and on a small mesh every label is drawn at the
    // fitted zoom (level-of-detail hiding is for large meshes only).
    void firstStartExplainsItself_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("golden");
        QTest::newRow("1066x666") << QSize(1066, 666) << QStringLiteral("firststart_bookinfo_1066x666");
        QTest::newRow("1600x1000") << QSize(1600, 1000) << QStringLiteral("firststart_bookinfo_1600x1000");
    }

    void firstStartExplainsItself()
    {
        QFETCH(QSize, size);
        QFETCH(QString, golden);
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = true});
        window.resize(size);
        window.show();
        window.openFolder(test::samplePath("bookinfo"));
        QVERIFY(test::waitUntilShown(window));
        // reviews routes jason to v2 and everyone else to v1: the first VirtualService that splits.
        QTRY_COMPARE(window.selectedVirtualService(), QStringLiteral("default/reviews"));
        QCOMPARE(window.graphPanel()->style().labelDetail, 0.0);
        const QString failure = test::compareWithGolden(test::settledGrab(window), golden);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void largeMeshesStillHideLabelsFarOut()
    {
        GraphStyle style;
        style.adaptToGraphSize(20);
        QCOMPARE(style.labelDetail, 0.0);
        style.adaptToGraphSize(5001);
        QVERIFY(style.labelDetail > 0.5);
        QVERIFY(style.outlineDetail > 0.3);
    }

    void koreanUi()
    {
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("greeter"));
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(window.menuBar()->actions().front()->text(), QStringLiteral("\ud30c\uc77c(&F)")); // 파일(&F)
        QVERIFY(countsText(window).contains(QStringLiteral("\uc11c\ube44\uc2a4: 3"))); // 서비스: 3
        const QString failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("mainwindow_greeter_ko"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // Switching back retranslates the open window (QApplication posts LanguageChange).
        QTRY_COMPARE(window.menuBar()->actions().front()->text(), QStringLiteral("&File"));
    }

    void clickingANodeSelectsItsVirtualService()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("bookinfo"));
        QVERIFY(test::waitUntilShown(window));
        QSignalSpy selected(&window, &MainWindow::virtualServiceSelected);
        GraphPanel *panel = window.graphPanel();
        GraphNodeItem *reviews = panel->scene()->nodeItem(QStringLiteral("svc:reviews.default.svc.cluster.local"));
        QVERIFY(reviews);
        QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, viewPointOf(*panel, reviews));
        QVERIFY(reviews->isSelected());
        QCOMPARE(selected.last().at(0).toString(), QStringLiteral("default/reviews"));
        QCOMPARE(window.selectedVirtualService(), QStringLiteral("default/reviews"));
        // The rule's edges light up; others do not.
        QVERIFY(panel->scene()->edgeItem(QStringLiteral("svc:reviews.default.svc.cluster.local > wl:default/reviews-v1")));
        QCOMPARE(panel->scene()->selectedVirtualService(), QStringLiteral("default/reviews"));

        QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, QPoint(3, 3)); // background
        QCOMPARE(selected.last().at(0).toString(), QString());
    }

    void weightEditKeepsLayoutAndSelection()
    {
        QTemporaryDir edited;
        QVERIFY(copyFolder(test::samplePath("greeter"), edited.path()));
        QFile routing(edited.filePath(QStringLiteral("routing.yaml")));
        QVERIFY(routing.open(QIODevice::ReadWrite));
        QByteArray text = routing.readAll().replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50");
        routing.resize(0);
        routing.write(text);
        routing.close();

        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("greeter"));
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(QStringLiteral("default/greeter-service"));
        GraphScene *scene = window.graphPanel()->scene();
        const QString edgeId = QStringLiteral("svc:greeter-service.default.svc.cluster.local > wl:default/greeter-service-v2");
        GraphEdgeItem *before = scene->edgeItem(edgeId);
        QVERIFY(before);
        QCOMPARE(before->edge().share, 0.1);

        // What an undo command does: swap in the edited snapshot.
        window.document()->setMesh(ManifestLoader().loadFolder(edited.path().toStdString()).mesh);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(scene->edgeItem(edgeId), before); // same items: no new layout
        QCOMPARE(before->edge().share, 0.5);
        QCOMPARE(scene->selectedVirtualService(), QStringLiteral("default/greeter-service"));
    }

    void dropAFolderOpensIt()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(test::samplePath("httpbin-mirror") + QStringLiteral("/routing.yaml"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&window, &drop);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(QFileInfo(window.document()->folder()).fileName(), QStringLiteral("httpbin-mirror"));
        const auto graph = window.graphPanel()->scene()->graph();
        QVERIFY(graph && graph->edgeIndex("svc:httpbin.default.svc.cluster.local > wl:default/httpbin-v2 ~") >= 0);
    }

    // `meshlane /typo`: the loader says the folder is missing; the window
    // must not read the parent folder instead (for /typo, all of /).
    void missingFolderIsReportedNotItsParent()
    {
        QTemporaryDir parent;
        QVERIFY(copyFolder(test::samplePath("greeter"), parent.path()));
        const QString missing = parent.filePath(QStringLiteral("typo"));
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(missing);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(window.document()->folder(), missing);
        QVERIFY(window.document()->mesh()->services.empty());
        QCOMPARE(window.diagnosticsPanel()->model()->rowCount(), 1);
        QCOMPARE(window.diagnosticsPanel()->model()->diagnostic(0).code, std::string("ML0005"));
    }

    // A load shows how far it got, and Stop (or Esc) ends it with the open
    // folder still shown; it is said in the status bar.
    void aLoadCanBeStoppedHalfWay()
    {
        QTemporaryDir large;
        const int files = 10000;
        for (int i = 0; i < files; ++i) {
            QFile file(large.filePath(QStringLiteral("svc-%1.yaml").arg(i)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("apiVersion: v1\nkind: Service\nmetadata: {name: svc-%1}\n").arg(i).toUtf8());
        }
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("greeter"));
        QVERIFY(test::waitUntilShown(window));
        auto *stop = window.findChild<QLabel *>(QStringLiteral("StopLoadingLink"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("StatusLabel"));
        QVERIFY(stop && status);
        QVERIFY(!stop->isVisible());
        QAction *stopAction = nullptr;
        for (QAction *action : window.menuBar()->actions().front()->menu()->actions())
            stopAction = action->text() == QStringLiteral("&Stop Loading") ? action : stopAction;
        QVERIFY(stopAction);
        QVERIFY(!stopAction->isEnabled());
        QCOMPARE(stopAction->shortcut(), QKeySequence(QKeySequence::Cancel));

        window.openFolder(large.path());
        QVERIFY(stop->isVisible());
        QVERIFY(stopAction->isEnabled());
        const QString counted = QStringLiteral(" of %1 files").arg(files);
        QVERIFY2(QTest::qWaitFor([&] { return status->text().contains(counted); }, 20'000), qPrintable(status->text()));
        QVERIFY(window.document()->isLoading());
        // Where the link is: the label is as wide as its text.
        QTest::mouseClick(stop, Qt::LeftButton, {}, stop->rect().center());
        QVERIFY(!window.document()->isLoading());
        QVERIFY(!stop->isVisible());
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Stopped loading ")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.statusBar()->currentMessage().endsWith(QStringLiteral(" Still showing greeter.")));
        backgroundPool().waitForDone();
        QTest::qWait(50);
        QCOMPARE(QFileInfo(window.document()->folder()).fileName(), QStringLiteral("greeter"));
        QVERIFY(window.document()->mesh()->findVirtualService("default", "greeter-service"));
    }

    // A weight drag keeps the graph and the simulation busy for a moment per
    // step while the analysis waits for the drag to end: the status bar says
    // "Analysing" throughout. It said "Laying out the graph" while each
    // graph update ran and "Analysing" between, laying the whole window out
    // twice a step, although no layout was computed.
    void aDragDoesNotClaimALayout()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("greeter"));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(QTest::qWaitFor([&] { return !window.isBusy(); }, 20'000));
        auto *status = window.findChild<QLabel *>(QStringLiteral("StatusLabel"));
        QVERIFY(status);
        window.document()->setSynchronousDragLimit(0); // as on a large mesh: each step a job
        QStringList shown;
        const int drag = Document::newDragId();
        for (int v2 = 11; v2 <= 70; ++v2) {
            window.document()->requestRouteWeights({"default", "greeter-service", 0}, {100 - v2, v2}, drag);
            QTest::qWait(10);
            if (shown.isEmpty() || shown.back() != status->text())
                shown << status->text();
        }
        QVERIFY2(shown.contains(QStringLiteral("Analysing\u2026")),
                 qPrintable(shown.join(u'|'))); // long enough to say so
        QVERIFY2(!shown.join(u'|').contains(QStringLiteral("Laying out")), qPrintable(shown.join(u'|')));
        QVERIFY(QTest::qWaitFor([&] { return !window.isBusy(); }, 20'000));
    }

    // Closing a window whose undo stack has steps: the stack dies with the
    // Document, among the window's children, and reports its texts as it
    // goes. They must not reach the half-destroyed window (with a tabbed dock
    // raised, as a user leaves it, its title update crashed).
    void closingAfterUndoIsSafe()
    {
        QPointer<Document> document;
        {
            MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
            window.resize(kWindowSize);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.activateWindow();
            window.openFolder(test::samplePath("greeter"));
            QVERIFY(test::waitUntilShown(window));
            window.findChild<QDockWidget *>(QStringLiteral("RequestTesterDock"))->raise();
            window.graphPanel()->selectVirtualService(QStringLiteral("default/greeter-service"));
            QVERIFY(test::waitUntilShown(window));
            QVERIFY(window.document()->setRouteWeights(RouteRef{"default", "greeter-service", 0}, {50, 50}));
            QVERIFY(test::waitUntilShown(window));
            window.document()->undoStack()->undo();
            QVERIFY(test::waitUntilShown(window));
            document = window.document();
        }
        QVERIFY(document.isNull());
    }

    void screenshotModeWritesThePicture()
    {
        QTemporaryDir output;
        ScreenshotRunner::Request request;
        request.folder = test::samplePath("httpbin-mirror");
        request.output = output.filePath(QStringLiteral("shot.png"));
        request.size = QSize(900, 600);
        request.selectVirtualService = QStringLiteral("default/httpbin");
        QString error;
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 0);
        QCOMPARE(QImage(request.output).size(), QSize(900, 600));

        request.selectVirtualService = QStringLiteral("default/nope");
        QCOMPARE(ScreenshotRunner::run(request, &m_languages, &error), 64);
        QVERIFY(error.contains(QStringLiteral("default/nope")));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
