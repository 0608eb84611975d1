#pragma once

#include "diagnostic.h"
#include "mesh.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace meshlane::ui {

// The open folder: the current immutable Mesh snapshot, the loader's findings
// and the undo history. Views read from it and refresh on changed(); they never
// modify the mesh. Edits are QUndoCommands pushed on undoStack() that swap in a
// new snapshot with setMesh() (one command class per edit, Verb+Noun, slider
// drags merged by command id).
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);

    MeshPtr mesh() const { return m_mesh; } // never null: empty before the first load
    const Diagnostics &loadDiagnostics() const { return m_loadDiagnostics; }
    QString folder() const { return m_folder; }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool isLoading() const { return m_loadGeneration != m_finishedGeneration; }
    bool isModified() const;

    // Reads the folder on a worker thread; loadingStarted() now, loaded() and
    // changed() when done. Opening again before that drops the older result.
    void openFolder(const QString &folder);
    // Re-reads the current folder (drops the undo history).
    void reload();

    // For undo commands: makes `mesh` the current snapshot and emits changed().
    void setMesh(MeshPtr mesh);

Q_SIGNALS:
    void loadingStarted(const QString &folder);
    void loaded(); // a folder was (re)loaded: views should reset their selection
    void changed(); // the snapshot changed: after a load, an edit, an undo or a redo
    void modifiedChanged(bool modified);

private:
    MeshPtr m_mesh;
    Diagnostics m_loadDiagnostics;
    QString m_folder;
    QUndoStack *m_undoStack;
    int m_loadGeneration = 0;
    int m_finishedGeneration = 0;
};

} // namespace meshlane::ui
