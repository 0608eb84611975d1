#include "document.h"
#include "guitestsupport.h"
#include "manifestloader.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

// Swaps snapshots like every edit command will.
class SwapMeshCommand : public QUndoCommand
{
public:
    SwapMeshCommand(Document *document, MeshPtr after)
        : m_document(document), m_before(document->mesh()), m_after(std::move(after))
    {
    }
    void undo() override { m_document->setMesh(m_before); }
    void redo() override { m_document->setMesh(m_after); }

private:
    Document *m_document;
    MeshPtr m_before;
    MeshPtr m_after;
};

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty()
    {
        Document document;
        QVERIFY(document.mesh());
        QVERIFY(document.mesh()->services.empty());
        QVERIFY(document.folder().isEmpty());
        QVERIFY(!document.isLoading());
        QVERIFY(!document.isModified());
    }

    void loadsOffTheGuiThread()
    {
        Document document;
        QSignalSpy started(&document, &Document::loadingStarted);
        QSignalSpy loaded(&document, &Document::loaded);
        QSignalSpy changed(&document, &Document::changed);
        document.openFolder(test::samplePath("bookinfo"));
        QCOMPARE(started.size(), 1);
        QVERIFY(document.isLoading());
        QVERIFY(loaded.isEmpty()); // the result arrives later, through the event loop
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!document.isLoading());
        QCOMPARE(document.mesh()->services.size(), size_t(4));
        QVERIFY(document.folder().endsWith(QStringLiteral("/bookinfo")));
        QVERIFY(document.loadDiagnostics().empty());
    }

    void newerOpenWins()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::samplePath("bookinfo"));
        document.openFolder(test::samplePath("account-service"));
        QVERIFY(QTest::qWaitFor([&document] { return !document.isLoading(); }, 30'000));
        QTest::qWait(50); // the superseded load must not arrive late
        QCOMPARE(loaded.size(), 1);
        QVERIFY(document.folder().endsWith(QStringLiteral("/account-service")));
        QCOMPARE(document.mesh()->services.front()->meta.name, std::string("account-service"));
    }

    void diagnosticsComeSorted()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::testDataPath(QStringLiteral("gui/broken")));
        QVERIFY(loaded.wait(30'000));
        const Diagnostics &diagnostics = document.loadDiagnostics();
        QVERIFY(diagnostics.size() >= 2);
        Diagnostics sorted = diagnostics;
        sortDiagnostics(sorted);
        for (size_t i = 0; i < sorted.size(); ++i)
            QCOMPARE(diagnostics[i].toString(), sorted[i].toString());
    }

    void undoRestoresTheSnapshot()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::samplePath("bookinfo"));
        QVERIFY(loaded.wait(30'000));
        const MeshPtr original = document.mesh();
        const MeshPtr other = ManifestLoader().loadFolder(test::samplePath("greeter").toStdString()).mesh;
        QSignalSpy changed(&document, &Document::changed);
        QSignalSpy modified(&document, &Document::modifiedChanged);

        document.undoStack()->push(new SwapMeshCommand(&document, other));
        QCOMPARE(document.mesh(), other);
        QVERIFY(document.isModified());
        QCOMPARE(modified.last().at(0).toBool(), true);
        document.undoStack()->undo();
        QCOMPARE(document.mesh(), original);
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(document.mesh(), other);
        QCOMPARE(changed.size(), 3);

        document.reload(); // a fresh load forgets the history
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
