#include "document.h"

#include "manifestloader.h"

#include <QDir>
#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace meshlane::ui {

Document::Document(QObject *parent)
    : QObject(parent)
    , m_mesh(std::make_shared<const Mesh>())
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::openFolder(const QString &folder)
{
    const QString absolute = QDir(folder).absolutePath();
    const int generation = ++m_loadGeneration;
    Q_EMIT loadingStarted(absolute);
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation, absolute] {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return; // a newer open superseded this one
        LoadResult result = watcher->result();
        m_finishedGeneration = generation;
        m_folder = absolute;
        m_loadDiagnostics = std::move(result.diagnostics);
        m_mesh = std::move(result.mesh);
        m_undoStack->clear();
        Q_EMIT loaded();
        Q_EMIT changed();
    });
    // Reading and parsing a large folder takes long enough to freeze the window.
    watcher->setFuture(QtConcurrent::run([path = absolute.toStdString()] {
        LoadResult result = ManifestLoader().loadFolder(path);
        sortDiagnostics(result.diagnostics);
        return result;
    }));
}

void Document::reload()
{
    if (!m_folder.isEmpty())
        openFolder(m_folder);
}

void Document::setMesh(MeshPtr mesh)
{
    Q_ASSERT(mesh);
    m_mesh = std::move(mesh);
    Q_EMIT changed();
}

} // namespace meshlane::ui
