// SPDX-License-Identifier: MIT
// The weight editor on a VirtualService's tcp and tls routes:
// samples/tcp-echo-shift's 80/20 TCP canary through a TCP gateway (dragged,
// locked, distributed, a destination removed and added back, undone,
// exported byte-minimal) and samples/tls-passthrough's routes by SNI.
#include "editing/destinationrow.h"
#include "graph/graphedgeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "shell/languagemanager.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"
#include "yaml/markedtextview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);
const QString kEcho = QStringLiteral("echo/tcp-echo");
const RouteRef kTcp{"echo", "tcp-echo", 0, "tcp"};
const QString kV2Edge = QStringLiteral("gw:echo/echo-gateway > wl:echo/tcp-echo-v2");

std::vector<int64_t> tcpWeights(const Mesh &mesh)
{
    std::vector<int64_t> weights;
    const L4Route &route = mesh.findVirtualService("echo", "tcp-echo")->tcp.at(0);
    for (size_t i = 0; i < route.route.size(); ++i)
        weights.push_back(route.effectiveWeight(i));
    return weights;
}

int markedLines(const YamlPane &pane)
{
    const auto &changed = pane.view()->changedLines();
    return int(std::count(changed.begin(), changed.end(), true));
}

} // namespace

class TestWeightEditorL4 : public QObject
{
    Q_OBJECT

private:
    MainWindow::Options options()
    {
        return {.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true,
                .selectOnOpen = false};
    }

    void open(MainWindow &window, const QString &folder, const QString &vs)
    {
        window.resize(kWindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.openFolder(folder);
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(vs);
        QCOMPARE(test::weightEditor(window)->virtualService(), vs);
    }

    double v2Share(const MainWindow &window)
    {
        GraphEdgeItem *edge = window.graphPanel()->scene()->edgeItem(kV2Edge);
        return edge ? edge->edge().share : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // tcp-echo has no http routes: its tcp route is shown, named by its
    // port, without the http-only controls.
    void tcpRouteIsShown()
    {
        MainWindow window(options());
        open(window, test::samplePath("tcp-echo-shift"), kEcho);
        WeightEditor *editor = test::weightEditor(window);
        QCOMPARE(editor->routeEditors().size(), size_t(1));
        RouteEditor *route = test::routeEditor(window, 0);
        QCOMPARE(route->routeRef().section, std::string("tcp"));
        QCOMPARE(route->titleLabel()->text(), QStringLiteral("TCP route 1 \u00b7 port 31400"));
        QCOMPARE(route->titleLabel()->toolTip(), QStringLiteral("tcp[0]"));
        QCOMPARE(route->matchLabel()->text(), QStringLiteral("port 31400 \u2192 v1, v2"));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{80, 20}));
        QVERIFY(route->rows()[1]->slider()->isEnabled());
        // Istio has no mirror for L4, and match routes are http routes.
        QVERIFY(!route->mirrorTarget()->isVisibleTo(route));
        QVERIFY(!route->mirrorPercentage()->isVisibleTo(route));
        QVERIFY(!editor->addRouteButton()->isVisibleTo(editor));
        QVERIFY(route->distributeButton()->isVisibleTo(route));
        // The same route from the graph: a click on its edge.
        window.graphPanel()->scene()->clearSelection();
        test::weightEditor(window)->setVirtualService(QString());
        test::yamlPane(window)->setVirtualService(QString());
        GraphEdgeItem *edge = window.graphPanel()->scene()->edgeItem(kV2Edge);
        QVERIFY(edge);
        edge->setSelected(true);
        QCOMPARE(test::weightEditor(window)->virtualService(), kEcho);
        QCOMPARE(test::yamlPane(window)->virtualService(), kEcho);
    }

    // The TCP canary's next step: v2 dragged from 20 to 50, one undo step,
    // the YAML marks two weight lines, the graph follows; undo, redo.
    void dragUndoRedo()
    {
        MainWindow window(options());
        open(window, test::samplePath("tcp-echo-shift"), kEcho);
        RouteEditor *route = test::routeEditor(window, 0);
        const QString originalYaml = test::yamlPane(window)->text();
        QUndoStack *undo = window.document()->undoStack();
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.2);

        test::dragSlider(route->rows()[1]->slider(), {30, 40, 50});
        QVERIFY(test::settled(window));
        QCOMPARE(tcpWeights(*window.document()->mesh()), (std::vector<int64_t>{50, 50}));
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Set weights of echo/tcp-echo tcp[0]: v1 50, v2 50"));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
        const QString draggedYaml = test::yamlPane(window)->text();
        QCOMPARE(draggedYaml.count(QStringLiteral("weight: 50\n")), 2);
        QCOMPARE(markedLines(*test::yamlPane(window)), 2);
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(v2Share(window), 0.5);
        const QString failure = test::compareWithGolden(test::editingDocksGrab(window), QStringLiteral("weighteditor_tcpecho_drag"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{80, 20}));
        QCOMPARE(test::yamlPane(window)->text(), originalYaml);
        QVERIFY(!window.document()->isModified());
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(test::yamlPane(window)->text(), draggedYaml);
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
    }

    // Locks and "distribute evenly" on a tcp route; v2 removed (v1 takes
    // everything) and added back from the add menu's subsets.
    void lockDistributeRemoveAdd()
    {
        MainWindow window(options());
        open(window, test::samplePath("tcp-echo-shift"), kEcho);
        RouteEditor *route = test::routeEditor(window, 0);
        route->distributeButton()->click();
        QCOMPARE(tcpWeights(*window.document()->mesh()), (std::vector<int64_t>{50, 50}));
        route->rows()[0]->lockButton()->click();
        QVERIFY(!route->rows()[1]->slider()->isEnabled()); // the only other one is locked
        QVERIFY(!route->distributeButton()->isEnabled());
        route->rows()[0]->lockButton()->click();

        route->rows()[1]->removeButton()->click();
        route = test::routeEditor(window, 0);
        QCOMPARE(route->rows().size(), size_t(1));
        QCOMPARE(test::shownWeights(*route), std::vector<int>{100});
        QVERIFY(!test::yamlPane(window)->text().contains(QStringLiteral("subset: v2")));

        Q_EMIT route->addMenu()->aboutToShow();
        QAction *v2 = nullptr;
        for (QAction *action : route->addMenu()->actions())
            v2 = action->text() == QStringLiteral("Subset v2") ? action : v2;
        QVERIFY(v2);
        v2->trigger();
        route = test::routeEditor(window, 0);
        QCOMPARE(route->rows().size(), size_t(2));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{100, 0}));
        const VirtualService *vs = window.document()->mesh()->findVirtualService("echo", "tcp-echo");
        QCOMPARE(vs->tcp[0].route[1].destination.port.value_or(0), 9000u); // the port comes along
        QCOMPARE(window.document()->undoStack()->count(), 3);
        while (window.document()->undoStack()->canUndo())
            window.document()->undoStack()->undo();
        QVERIFY(!window.document()->isModified());
        QCOMPARE(test::shownWeights(*test::routeEditor(window, 0)), (std::vector<int>{80, 20}));
    }

    // tls routes are headed by the server names they take.
    void tlsRoutesByServerName()
    {
        MainWindow window(options());
        open(window, test::samplePath("tls-passthrough"), QStringLiteral("edge/edge-tls"));
        const auto &editors = test::weightEditor(window)->routeEditors();
        QCOMPARE(editors.size(), size_t(2));
        QCOMPARE(editors[0]->titleLabel()->text(), QStringLiteral("TLS route 1 \u00b7 SNI shop.example.com"));
        QCOMPARE(editors[1]->titleLabel()->text(), QStringLiteral("TLS route 2 \u00b7 SNI pay.example.com"));
        QCOMPARE(editors[0]->matchLabel()->text(), QStringLiteral("port 443 and SNI shop.example.com \u2192 v1, v2"));
        QCOMPARE(test::shownWeights(*editors[0]), (std::vector<int>{90, 10}));
        editors[0]->rows()[1]->spinBox()->setValue(30);
        const VirtualService *vs = window.document()->mesh()->findVirtualService("edge", "edge-tls");
        QCOMPARE(vs->tls[0].route[1].weight.value_or(-1), 30);
        QCOMPARE(vs->tls[0].route[0].weight.value_or(-1), 70);
        QCOMPARE(window.document()->undoStack()->count(), 1);
    }

    // The new headings are translated like the rest of the editor.
    void koreanHeadings()
    {
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        MainWindow window(options());
        open(window, test::samplePath("tcp-echo-shift"), kEcho);
        RouteEditor *route = test::routeEditor(window, 0);
        const QString title = route->titleLabel()->text();
        const QString match = route->matchLabel()->text();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QCOMPARE(title, QStringLiteral("TCP \ub77c\uc6b0\ud2b8 1 \u00b7 \ud3ec\ud2b8 31400")); // TCP 라우트 1 · 포트 31400
        QCOMPARE(match, QStringLiteral("\ud3ec\ud2b8 31400 \u2192 v1, v2"));                       // 포트 31400 → v1, v2
        QTRY_COMPARE(test::routeEditor(window, 0)->titleLabel()->text(), QStringLiteral("TCP route 1 \u00b7 port 31400"));
    }

    // Export to another folder: only the two weight lines differ.
    void exportChangesOnlyTheWeights()
    {
        QTemporaryDir source;
        QTemporaryDir output;
        QVERIFY(test::copyFolder(test::samplePath("tcp-echo-shift"), source.path()));
        MainWindow window(options());
        open(window, source.path(), kEcho);
        test::dragSlider(test::routeEditor(window, 0)->rows()[1]->slider(), {30, 50});
        QVERIFY(test::settled(window));
        window.editingDocks()->setExportChooser([&](const QString &, const QString &) {
            return EditingDocks::ExportChoice{EditingDocks::ExportChoice::Action::ToFolder, output.path()};
        });
        QVERIFY(window.editingDocks()->exportFiles());
        QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString file = QDir(source.path()).relativeFilePath(it.next());
            ++files;
            const QByteArray before = test::readFile(source.filePath(file));
            const QByteArray after = test::readFile(output.filePath(file));
            if (file != QStringLiteral("routing.yaml")) {
                QVERIFY2(before == after, qPrintable(file));
                continue;
            }
            const QList<QByteArray> oldLines = before.split('\n');
            const QList<QByteArray> newLines = after.split('\n');
            QCOMPARE(newLines.size(), oldLines.size());
            int differing = 0;
            for (qsizetype i = 0; i < oldLines.size(); ++i) {
                if (oldLines[i] == newLines[i])
                    continue;
                ++differing;
                QVERIFY(oldLines[i].trimmed().startsWith("weight: "));
                QCOMPARE(newLines[i].trimmed(), QByteArray("weight: 50"));
            }
            QCOMPARE(differing, 2);
        }
        QVERIFY(files >= 3);
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestWeightEditorL4)
#include "tst_weighteditorl4.moc"
