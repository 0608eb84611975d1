// SPDX-License-Identifier: MIT
#include "edit/editjournal.h"
#include "edit/meshedit.h"
#include "load/manifestloader.h"
#include "support/editingsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace meshlane;

namespace {

const RouteRef kReviews{"default", "reviews", 0};
const std::string kFile = "virtual-services.yaml";

MeshPtr load(const std::string &folder) { return ManifestLoader().loadFolder(folder).mesh; }

std::map<std::string, std::string> texts(const Mesh &mesh)
{
    std::map<std::string, std::string> result;
    for (const auto &file : mesh.files)
        result[file->path] = file->text;
    return result;
}

// A copy of bookinfo-80-20 to change "on disk".
struct Folder
{
    QTemporaryDir dir;
    std::string path() const { return dir.path().toStdString(); }
    Folder() { editingtest::copyTree(editingtest::samplesDir() + "/bookinfo-80-20", path()); }
    void replace(const std::string &from, const std::string &to) const
    {
        std::string text = editingtest::readFile(path() + "/" + kFile);
        const size_t at = text.find(from);
        QVERIFY(at != std::string::npos);
        editingtest::writeFile(path() + "/" + kFile, text.replace(at, from.size(), to));
    }
};

// The operation recorded on `before -> after`, redone on `target`.
Result<MeshChange> redo(const MeshPtr &before, const MeshPtr &after, const MeshPtr &target)
{
    const JournalOperation operation = journalOperation(*before, *after, "Set weights");
    const Result<std::vector<TextEdit>> edits = locateOperation(*target, operation);
    if (!edits)
        return Result<MeshChange>::failure(edits.error());
    return applyEdits(target, *edits, operation.description);
}

} // namespace

class TestEditJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAndReadsAnyBytes()
    {
        EditJournal journal;
        journal.folder = "/tmp/a folder\nwith a newline";
        JournalHunk hunk{"vs.yaml", 7, "weight: 80", std::string("weight: 5\0end\n", 14), "end\n", ""};
        journal.operations.push_back({"Set weights of reviews", {hunk, hunk}});
        journal.operations.push_back({"", {}});
        const Result<EditJournal> read = readJournal(writeJournal(journal));
        QVERIFY2(read.ok(), read.error().c_str());
        QCOMPARE(read->folder, journal.folder);
        QCOMPARE(read->operations.size(), size_t(2));
        QCOMPARE(read->operations[0].description, journal.operations[0].description);
        QCOMPARE(read->operations[0].hunks.size(), size_t(2));
        const JournalHunk &back = read->operations[0].hunks[1];
        QCOMPARE(back.offset, size_t(7));
        QCOMPARE(back.inserted, hunk.inserted);
        QCOMPARE(back.before, hunk.before);
        QVERIFY(back.after.empty());
    }

    // A journal cut short anywhere (a torn write) is refused, never half read.
    void refusesEveryTruncationAndTrailingBytes()
    {
        EditJournal journal;
        journal.folder = "/f";
        journal.operations.push_back({"Set weights", {JournalHunk{"a.yaml", 0, "x", "y", "", "\n"}}});
        const std::string text = writeJournal(journal);
        for (size_t length = 0; length < text.size(); ++length)
            QVERIFY2(!readJournal(text.substr(0, length)).ok(), qPrintable(QString::number(length)));
        QVERIFY(!readJournal(text + "x").ok());
        QVERIFY(!readJournal("hunk 99999999999999999999 1 1 1 1 1\n").ok());
    }

    // A drag is journaled as the changed bytes with their surroundings, not the files.
    void journalsTheChangeNotTheFile()
    {
        const MeshPtr before = load(editingtest::samplesDir() + "/bookinfo-80-20");
        const Result<MeshChange> change = setRouteWeights(before, kReviews, {35, 65});
        QVERIFY2(change.ok(), change.error().c_str());
        const JournalOperation operation = journalOperation(*before, *change->mesh, "Set weights");
        QCOMPARE(operation.hunks.size(), size_t(1));
        QCOMPARE(operation.hunks[0].file, kFile);
        const size_t fileSize = before->findFile(kFile)->text.size();
        const size_t journalSize = writeJournal({before->rootPath, {operation}}).size();
        QVERIFY2(journalSize < 1024 && journalSize < fileSize, qPrintable(QString::number(journalSize)));
        const Result<MeshChange> again = redo(before, change->mesh, before);
        QVERIFY2(again.ok(), again.error().c_str());
        QVERIFY(texts(*again->mesh) == texts(*change->mesh));
    }

    // Another program inserted lines above the edit: it lands where its text moved.
    void reappliesWhereTheTextMoved()
    {
        Folder folder;
        const MeshPtr before = load(folder.path());
        const Result<MeshChange> change = setRouteWeights(before, kReviews, {35, 65});
        QVERIFY(change.ok());
        folder.replace("apiVersion", "# reformatted by a colleague\n# (two lines)\napiVersion");
        const MeshPtr theirs = load(folder.path());
        const Result<MeshChange> mine = redo(before, change->mesh, theirs);
        QVERIFY2(mine.ok(), mine.error().c_str());
        const std::string text = mine->mesh->findFile(kFile)->text;
        QVERIFY(text.find("# reformatted by a colleague") < text.find("weight: 35"));
        const VirtualService *vs = mine->mesh->findVirtualService("default", "reviews");
        QCOMPARE(vs->http[0].route[0].weight, 35);
        QCOMPARE(vs->http[0].route[1].weight, 65);
    }

    // The other program changed the very bytes the edit changed: it no longer applies.
    void refusesWhenTheEditedTextChanged()
    {
        Folder folder;
        const MeshPtr before = load(folder.path());
        const Result<MeshChange> change = setRouteWeights(before, kReviews, {35, 65});
        QVERIFY(change.ok());
        folder.replace("weight: 80", "weight: 90");
        const Result<MeshChange> mine = redo(before, change->mesh, load(folder.path()));
        QVERIFY(!mine.ok());
        QVERIFY2(mine.error().find("no longer there") != std::string::npos, mine.error().c_str());
        QVERIFY(mine.error().find(kFile) == 0);
    }

    // The text around the edit now occurs twice: guessing could edit the wrong resource.
    void refusesWhenTheTextOccursTwice()
    {
        Folder folder;
        const MeshPtr before = load(folder.path());
        const Result<MeshChange> change = setRouteWeights(before, kReviews, {35, 65});
        QVERIFY(change.ok());
        const std::string text = before->findFile(kFile)->text;
        editingtest::writeFile(folder.path() + "/" + kFile, "---\n" + text + "\n---\n" + text);
        const Result<MeshChange> mine = redo(before, change->mesh, load(folder.path()));
        QVERIFY(!mine.ok());
        QVERIFY2(mine.error().find("more than once") != std::string::npos, mine.error().c_str());
    }

    // A file the edit created is created again only where it does not exist.
    void createsAFileOnlyWhereItIsMissing()
    {
        Folder folder;
        const MeshPtr before = load(folder.path());
        const std::string created = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes, namespace: default}\n";
        const Result<MeshChange> change = applyEdits(before, {TextEdit{"notes.yaml", 0, 0, created}}, "Add notes");
        QVERIFY2(change.ok(), change.error().c_str());
        const Result<MeshChange> again = redo(before, change->mesh, before);
        QVERIFY2(again.ok(), again.error().c_str());
        QCOMPARE(again->mesh->findFile("notes.yaml")->text, created);
        editingtest::writeFile(folder.path() + "/notes.yaml", "# someone else's notes\n");
        QVERIFY(!redo(before, change->mesh, load(folder.path())).ok());
    }
};

QTEST_GUILESS_MAIN(TestEditJournal)
#include "tst_editjournal.moc"
