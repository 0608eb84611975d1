// SPDX-License-Identifier: MIT
#include "document/document.h"
#include "document/journalkeeper.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const RouteRef kGreeterRoute{"default", "greeter-service", 0};

std::vector<int64_t> greeterWeights(const Document &document)
{
    const HttpRoute &route = document.mesh()->findVirtualService("default", "greeter-service")->http.at(0);
    return {route.effectiveWeight(0), route.effectiveWeight(1)};
}

// A folder of greeter, a state folder, and a Document with its keeper: one run of the app.
struct Session
{
    std::unique_ptr<Document> document = std::make_unique<Document>();
    std::unique_ptr<JournalKeeper> keeper;

    Session(const QString &state) { keeper = std::make_unique<JournalKeeper>(document.get(), state); }
    bool open(const QString &folder)
    {
        QSignalSpy loaded(document.get(), &Document::loaded);
        document->openFolder(folder);
        return loaded.wait(30'000);
    }
    bool waitWritten(int timeoutMs = 5'000) { return QSignalSpy(keeper.get(), &JournalKeeper::written).wait(timeoutMs); }
};

bool replaceInFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QByteArray text = test::readFile(path);
    if (!text.contains(from))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.replace(from, to)) == text.size();
}

} // namespace

class TestJournalKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each test is a fresh folder and state folder: journals must not leak between them.
    void init()
    {
        m_folderDir = std::make_unique<QTemporaryDir>();
        m_stateDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folderDir->isValid() && m_stateDir->isValid());
        QVERIFY(test::copyFolder(test::samplePath("greeter"), m_folder.path()));
    }

    // An edit is in the journal within the delay; undoing it removes the journal.
    void journalsEditsAndForgetsUndoneOnes()
    {
        Session run(m_state.path());
        QVERIFY(run.open(m_folder.path()));
        const QString journal = run.keeper->journalPath(m_folder.path());
        QVERIFY(!QFile::exists(journal));
        QElapsedTimer sinceEdit;
        sinceEdit.start();
        QVERIFY(run.document->setRouteWeights(kGreeterRoute, {60, 40}));
        QVERIFY(run.waitWritten());
        QVERIFY2(sinceEdit.elapsed() < 2'000, qPrintable(QString::number(sinceEdit.elapsed())));
        const Result<EditJournal> read = readJournal(test::readFile(journal).toStdString());
        QVERIFY2(read.ok(), read.error().c_str());
        QCOMPARE(read->operations.size(), size_t(1));
        QCOMPARE(QString::fromStdString(read->folder), QDir(m_folder.path()).absolutePath());
        run.document->undoStack()->undo();
        QVERIFY(run.waitWritten());
        QVERIFY(!QFile::exists(journal));
    }

    // A run that ends without a clean exit leaves its edits; the next run
    // restores them, each an undo step again.
    void nextRunRestoresWhatARunLeft()
    {
        {
            Session killed(m_state.path());
            QVERIFY(killed.open(m_folder.path()));
            QVERIFY(killed.document->setRouteWeights(kGreeterRoute, {60, 40}));
            QVERIFY(killed.document->setRouteWeights(kGreeterRoute, {25, 75}));
            QVERIFY(killed.waitWritten());
        } // no discard(): as if killed
        Session next(m_state.path());
        QVERIFY(next.open(m_folder.path()));
        QVERIFY(next.keeper->leftover().has_value());
        QCOMPARE(next.keeper->leftover()->operations.size(), size_t(2));
        QCOMPARE(greeterWeights(*next.document), (std::vector<int64_t>{90, 10}));
        QVERIFY(next.keeper->restore().isEmpty());
        QCOMPARE(greeterWeights(*next.document), (std::vector<int64_t>{25, 75}));
        QCOMPARE(next.document->undoStack()->count(), 2);
        next.document->undoStack()->undo();
        QCOMPARE(greeterWeights(*next.document), (std::vector<int64_t>{60, 40}));
        // A clean exit forgets them.
        next.keeper->discard();
        QVERIFY(!QFile::exists(next.keeper->journalPath(m_folder.path())));
    }

    // Declining the leftover deletes it; until then nothing is written over it.
    void declinedLeftoverIsDeleted()
    {
        {
            Session killed(m_state.path());
            QVERIFY(killed.open(m_folder.path()));
            QVERIFY(killed.document->setRouteWeights(kGreeterRoute, {60, 40}));
            QVERIFY(killed.waitWritten());
        }
        Session next(m_state.path());
        QVERIFY(next.open(m_folder.path()));
        const QString journal = next.keeper->journalPath(m_folder.path());
        QTest::qWait(JournalKeeper::kDelayMs * 2);
        QVERIFY(QFile::exists(journal)); // undecided: still there
        next.keeper->discardLeftover();
        QVERIFY(next.waitWritten());
        QVERIFY(!QFile::exists(journal));
    }

    // A second Meshlane on the same folder leaves the first one's journal alone.
    void secondProcessOnTheFolderKeepsOut()
    {
        Session first(m_state.path());
        QVERIFY(first.open(m_folder.path()));
        QVERIFY(first.document->setRouteWeights(kGreeterRoute, {60, 40}));
        QVERIFY(first.waitWritten());
        Session second(m_state.path());
        QVERIFY(second.open(m_folder.path()));
        QVERIFY(!second.keeper->leftover().has_value());
        QVERIFY(second.document->setRouteWeights(kGreeterRoute, {10, 90}));
        QVERIFY(!second.waitWritten(JournalKeeper::kDelayMs * 3));
        const QString journal = first.keeper->journalPath(m_folder.path());
        const Result<EditJournal> read = readJournal(test::readFile(journal).toStdString());
        QVERIFY(read.ok());
        QCOMPARE(read->operations.size(), size_t(1));
    }

    // Keep mine: the edits are redone on the files another program changed.
    void keepMineReappliesOnChangedFiles()
    {
        Session run(m_state.path());
        QVERIFY(run.open(m_folder.path()));
        QVERIFY(run.document->setRouteWeights(kGreeterRoute, {60, 40}));
        const QString routing = m_folder.filePath(QStringLiteral("routing.yaml"));
        QVERIFY(replaceInFile(routing, "kind: VirtualService\n", "kind: VirtualService\n# reviewed by ops\n"));
        QSignalSpy reapplied(run.document.get(), &Document::editsReapplied);
        run.document->reloadKeepingEdits();
        QVERIFY(reapplied.wait(30'000));
        QCOMPARE(reapplied.front().front().toStringList(), QStringList());
        QCOMPARE(greeterWeights(*run.document), (std::vector<int64_t>{60, 40}));
        QVERIFY(run.document->mesh()->findFile("routing.yaml")->text.find("# reviewed by ops") != std::string::npos);
        QVERIFY(run.document->isModified());
        run.document->undoStack()->undo();
        QCOMPARE(greeterWeights(*run.document), (std::vector<int64_t>{90, 10}));
    }

    // An edit whose own bytes the other program changed is reported, not forced.
    void keepMineReportsWhatNoLongerApplies()
    {
        Session run(m_state.path());
        QVERIFY(run.open(m_folder.path()));
        QVERIFY(run.document->setRouteWeights(kGreeterRoute, {60, 40}));
        const QString routing = m_folder.filePath(QStringLiteral("routing.yaml"));
        QVERIFY(replaceInFile(routing, "weight: 90", "weight: 70"));
        QVERIFY(replaceInFile(routing, "weight: 10", "weight: 30"));
        QSignalSpy reapplied(run.document.get(), &Document::editsReapplied);
        run.document->reloadKeepingEdits();
        QVERIFY(reapplied.wait(30'000));
        const QStringList notApplied = reapplied.front().front().toStringList();
        QCOMPARE(notApplied.size(), 1);
        QVERIFY2(notApplied.front().contains(QStringLiteral("routing.yaml")), qPrintable(notApplied.front()));
        QCOMPARE(greeterWeights(*run.document), (std::vector<int64_t>{70, 30}));
        QVERIFY(!run.document->isModified());
    }

private:
    std::unique_ptr<QTemporaryDir> m_folderDir;
    std::unique_ptr<QTemporaryDir> m_stateDir;
    struct DirRef
    {
        const std::unique_ptr<QTemporaryDir> &dir;
        QString path() const { return dir->path(); }
        QString filePath(const QString &name) const { return dir->filePath(name); }
    };
    DirRef m_folder{m_folderDir};
    DirRef m_state{m_stateDir};
};

QTEST_MAIN(TestJournalKeeper)
#include "tst_journalkeeper.moc"
