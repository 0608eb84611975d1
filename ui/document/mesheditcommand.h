// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "model/mesh.h"

#include <QUndoCommand>

namespace meshlane::ui {

class Document;

// Which steps of one gesture become one undo step: the same kind of edit on
// the same route with the same non-zero drag id (the steps of a slider drag).
// BackendWeights names its Gateway API rule in `rule`, the others `route`.
struct MergeKey
{
    enum class Kind { None, RouteWeights, Mirror, BackendWeights };
    Kind kind = Kind::None;
    RouteRef route;
    int dragId = 0;
    GatewayRuleRef rule;

    bool mergesWith(const MergeKey &later) const;
};

// Every edit, whatever it changed: two immutable snapshots. redo() shows
// `after`, undo() shows `before`; nothing is recomputed, so undo is exact and
// cheap. One class serves all edits because they all swap a snapshot; the
// text names the edit and the merge key decides what merges.
class MeshEditCommand : public QUndoCommand
{
public:
    MeshEditCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text, MergeKey key = {},
                    QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    // Keeps the first `before`, takes the later `after` and text, and marks
    // the command obsolete when the files are back where they started (a drag
    // that ends where it began leaves no undo step).
    bool mergeWith(const QUndoCommand *other) override;

    MeshPtr before() const { return m_before; }
    MeshPtr after() const { return m_after; }
    const MergeKey &mergeKey() const { return m_key; }

private:
    Document *m_document;
    MeshPtr m_before;
    MeshPtr m_after;
    MergeKey m_key;
};

} // namespace meshlane::ui
