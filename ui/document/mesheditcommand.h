#pragma once

#include "mesh.h"

#include <QUndoCommand>

namespace meshlane::ui {

class Document;

// What every edit command is: two immutable snapshots. redo() shows `after`,
// undo() shows `before`; nothing is recomputed, so undo is exact and cheap.
// The subclasses name the edit (Verb+Noun) and decide what merges.
class MeshEditCommand : public QUndoCommand
{
public:
    // QUndoCommand::id() of the commands that merge (one per class).
    enum MergeId { SetRouteWeightsId = 1, SetMirrorId };

    MeshEditCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text,
                    QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

    MeshPtr before() const { return m_before; }
    MeshPtr after() const { return m_after; }

protected:
    // For mergeWith(): keeps the first `before`, takes the other's `after` and
    // text, and marks the command obsolete when the texts are back where they
    // started (a drag that ends where it began leaves no undo step).
    void absorb(const MeshEditCommand &later);

private:
    Document *m_document;
    MeshPtr m_before;
    MeshPtr m_after;
};

} // namespace meshlane::ui
