#pragma once

#include "meshedit.h"
#include "mesheditcommand.h"

namespace meshlane::ui {

// Sets, changes or removes the mirror of one http route and its percentage.
// Steps of one percentage drag (same non-zero drag id, same route) merge.
class SetMirrorCommand : public MeshEditCommand
{
public:
    SetMirrorCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text, RouteRef route,
                           int dragId);

    int id() const override { return SetMirrorId; }
    bool mergeWith(const QUndoCommand *other) override;

    const RouteRef &route() const { return m_route; }
    int dragId() const { return m_dragId; }

private:
    RouteRef m_route;
    int m_dragId;
};

} // namespace meshlane::ui
