// SPDX-License-Identifier: MIT
#include "document/document.h"
#include "shell/editingdocks.h"
#include "shell/mainwindow.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

std::vector<int64_t> greeterWeights(const Document &document)
{
    const VirtualService *vs = document.mesh()->findVirtualService("default", "greeter-service");
    if (!vs)
        return {};
    return {vs->http.at(0).effectiveWeight(0), vs->http.at(0).effectiveWeight(1)};
}

QString findJournal(const QString &stateRoot)
{
    QDirIterator it(stateRoot, {QStringLiteral("*.journal")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace

// The real app is killed (SIGKILL: no handler, no clean-up) right after an
// edit; the next start on the folder restores it.
class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAppLosesNoEdit()
    {
        QTemporaryDir folder;
        QTemporaryDir home;
        QVERIFY(test::copyFolder(test::samplePath("greeter"), folder.path()));
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(MESHLANE_BINARY),
                  {folder.path(), QStringLiteral("--select"), QStringLiteral("default/greeter-service"),
                   QStringLiteral("--set-weights"), QStringLiteral("v1=30,v2=70")});
        QVERIFY2(app.waitForStarted(10'000), qPrintable(app.errorString()));

        QString journal;
        QTRY_VERIFY_WITH_TIMEOUT(!(journal = findJournal(home.path())).isEmpty(), 60'000);
        app.kill();
        QVERIFY(app.waitForFinished(10'000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFileInfo::exists(journal));
        QVERIFY2(test::readFile(folder.filePath(QStringLiteral("routing.yaml"))).contains("weight: 90"),
                 "the files themselves are untouched");

        // The next start, as `meshlane FOLDER --restore`.
        MainWindow window({.persistent = false, .languages = nullptr, .simulationSeed = 1, .simulationPaused = true,
                           .selectOnOpen = false, .journalFolder = QFileInfo(journal).path(),
                           .restoreJournal = true});
        window.openFolder(folder.path());
        QVERIFY(test::waitUntilShown(window));
        QTRY_COMPARE(greeterWeights(*window.document()), (std::vector<int64_t>{30, 70}));
        QVERIFY(window.document()->isModified());
        window.document()->undoStack()->undo();
        QCOMPARE(greeterWeights(*window.document()), (std::vector<int64_t>{90, 10}));
        window.document()->undoStack()->redo();

        // A clean exit that lets the edits go forgets the journal.
        window.editingDocks()->setCloseQuestion([] { return EditingDocks::CloseChoice::Discard; });
        QVERIFY(window.close());
        QVERIFY(!QFileInfo::exists(journal));
    }
};

QTEST_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
