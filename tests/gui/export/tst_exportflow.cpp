// SPDX-License-Identifier: MIT
#include "document/diskwatcher.h"
#include "graph/graphpanel.h"
#include "shell/languagemanager.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"
#include "yaml/markedtextview.h"

#include <QAction>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

using Choice = EditingDocks::ExportChoice;

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestExportFlow : public QObject
{
    Q_OBJECT

private:
    // A window on a scratch copy of greeter, v2 dragged from 10 to 50.
    void openAndDrag(MainWindow &window, const QString &folder)
    {
        QVERIFY(test::copyFolder(test::samplePath("greeter"), folder));
        window.document()->diskWatcher()->setQuietPeriod(20);
        window.resize(1200, 760);
        window.show();
        window.openFolder(folder);
        QVERIFY(test::waitUntilShown(window));
        window.graphPanel()->selectVirtualService(QStringLiteral("default/greeter-service"));
        RouteEditor *route = test::routeEditor(window, 0);
        QVERIFY(route);
        test::dragSlider(route->rows()[1]->slider(), {30, 50});
        QVERIFY(test::settled(window));
        QCOMPARE(test::shownWeights(*route), (std::vector<int>{50, 50}));
        QVERIFY(window.document()->isModified());
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // Export to another folder: a copy of the tree in which only the two
    // weight lines differ, byte for byte.
    void exportToFolderChangesOnlyTheWeights()
    {
        QTemporaryDir source;
        QTemporaryDir output;
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        openAndDrag(window, source.path());
        QString previewed;
        QString previewedFolder;
        window.editingDocks()->setExportChooser([&](const QString &folder, const QString &diff) {
            previewed = diff;
            previewedFolder = folder;
            return Choice{Choice::Action::ToFolder, output.path()};
        });
        window.editingDocks()->exportAction()->trigger();
        QCOMPARE(previewedFolder, window.document()->folder());
        QVERIFY(previewed.contains(QStringLiteral("--- a/routing.yaml\n+++ b/routing.yaml\n")));
        QVERIFY(previewed.contains(QStringLiteral("-      weight: 90\n+      weight: 50\n")));
        QVERIFY(previewed.contains(QStringLiteral("-      weight: 10\n+      weight: 50\n")));

        QCOMPARE(filesUnder(output.path()), filesUnder(source.path()));
        for (const QString &file : filesUnder(source.path())) {
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
        // The source folder was not touched and still is the baseline.
        QVERIFY(window.document()->isModified());
        QVERIFY(test::readFile(source.filePath(QStringLiteral("routing.yaml"))).contains("weight: 90"));
    }

    void exportInPlaceMakesItTheBaseline()
    {
        QTemporaryDir source;
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        openAndDrag(window, source.path());
        QSignalSpy loaded(window.document(), &Document::loaded);
        window.editingDocks()->setExportChooser([](const QString &, const QString &) {
            return Choice{Choice::Action::InPlace, {}};
        });
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier); // File › Export
        QVERIFY(!window.document()->isModified());
        QVERIFY(!window.isWindowModified());
        const QByteArray written = test::readFile(source.filePath(QStringLiteral("routing.yaml")));
        QCOMPARE(written.count("weight: 50"), 2);
        YamlPane *pane = test::yamlPane(window);
        const auto &marks = pane->view()->changedLines();
        QCOMPARE(std::count(marks.begin(), marks.end(), true), 0); // what is shown is on disk now
        QTest::qWait(300);
        QCOMPARE(loaded.size(), 0); // our own write is not an outside change

        window.document()->undoStack()->undo();
        QVERIFY(window.document()->isModified());
        QCOMPARE(std::count(pane->view()->changedLines().begin(), pane->view()->changedLines().end(), true), 2);
    }

    void cancelWritesNothing()
    {
        QTemporaryDir source;
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        openAndDrag(window, source.path());
        const QByteArray before = test::readFile(source.filePath(QStringLiteral("routing.yaml")));
        int asked = 0;
        window.editingDocks()->setExportChooser([&asked](const QString &, const QString &) {
            ++asked;
            return Choice{};
        });
        QVERIFY(!window.editingDocks()->exportFiles());
        QCOMPARE(asked, 1);
        QCOMPARE(test::readFile(source.filePath(QStringLiteral("routing.yaml"))), before);
        QVERIFY(window.document()->isModified());
    }

    // Somebody else changed the file: the user keeps the edits, and the export
    // then refuses (all or nothing) instead of overwriting their change.
    void outsideChangeKeptEditsRefusedExport()
    {
        QTemporaryDir source;
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        openAndDrag(window, source.path());
        int askedReload = 0;
        window.editingDocks()->setReloadQuestion([&askedReload] {
            ++askedReload;
            return EditingDocks::ReloadChoice::Cancel;
        });
        QStringList errors;
        window.editingDocks()->setErrorReporter([&errors](const QString &, const QString &message) { errors << message; });
        window.editingDocks()->setExportChooser([](const QString &, const QString &) {
            return Choice{Choice::Action::InPlace, {}};
        });
        QTest::qWait(100);
        const QString services = source.filePath(QStringLiteral("services.yaml"));
        {
            QFile file(services);
            QVERIFY(file.open(QIODevice::Append));
            file.write("# touched by someone else\n");
        }
        QTRY_COMPARE_WITH_TIMEOUT(askedReload, 1, 10'000);
        QVERIFY(window.document()->isModified()); // edits kept

        const QByteArray routing = test::readFile(source.filePath(QStringLiteral("routing.yaml")));
        QVERIFY(!window.editingDocks()->exportFiles());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(QStringLiteral("services.yaml")), qPrintable(errors.front()));
        QCOMPARE(test::readFile(source.filePath(QStringLiteral("routing.yaml"))), routing);
        QVERIFY(test::readFile(services).endsWith("# touched by someone else\n"));

        // Into the folder itself is refused before anything is written.
        errors.clear();
        QDir(source.path()).mkdir(QStringLiteral("out"));
        window.editingDocks()->setExportChooser([&source](const QString &, const QString &) {
            return Choice{Choice::Action::ToFolder, source.filePath(QStringLiteral("out"))};
        });
        QVERIFY(!window.editingDocks()->exportFiles());
        QCOMPARE(errors.size(), 1);
        QVERIFY(QDir(source.filePath(QStringLiteral("out"))).isEmpty());
    }

    void outsideChangeReloadDropsEdits()
    {
        QTemporaryDir source;
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        openAndDrag(window, source.path());
        window.editingDocks()->setReloadQuestion([] { return EditingDocks::ReloadChoice::TakeTheirs; });
        QSignalSpy loaded(window.document(), &Document::loaded);
        QTest::qWait(100);
        const QString routing = source.filePath(QStringLiteral("routing.yaml"));
        const QByteArray text = test::readFile(routing);
        {
            QFile file(routing);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(text).replace("weight: 90", "weight: 80").replace("weight: 10", "weight: 20"));
        }
        QVERIFY(loaded.wait(10'000));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->undoStack()->count(), 0);
        window.graphPanel()->selectVirtualService(QStringLiteral("default/greeter-service"));
        QCOMPARE(test::shownWeights(*test::routeEditor(window, 0)), (std::vector<int>{80, 20}));
    }

    // Closing with edits asks: cancel keeps the window, export writes first,
    // discard just closes. Without edits nothing is asked.
    void closingWithEditsAsks()
    {
        QTemporaryDir source;
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        openAndDrag(window, source.path());
        using Close = EditingDocks::CloseChoice;
        Close answer = Close::Cancel;
        int asked = 0;
        window.editingDocks()->setCloseQuestion([&] {
            ++asked;
            return answer;
        });
        window.editingDocks()->setExportChooser([](const QString &, const QString &) {
            return Choice{Choice::Action::InPlace, {}};
        });
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        answer = Close::Export;
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
        QVERIFY(!window.document()->isModified());
        QCOMPARE(test::readFile(source.filePath(QStringLiteral("routing.yaml"))).count("weight: 50"), 2);

        window.show();
        QVERIFY(window.close()); // nothing to lose: not asked
        QCOMPARE(asked, 2);
        window.show();
        test::routeEditor(window, 0)->rows()[0]->spinBox()->setValue(60);
        answer = Close::Discard;
        QVERIFY(window.close());
        QCOMPARE(asked, 3);
        QVERIFY(test::readFile(source.filePath(QStringLiteral("routing.yaml"))).contains("weight: 50"));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestExportFlow)
#include "tst_exportflow.moc"
