#pragma once

#include "meshedit.h"
#include "mesheditcommand.h"

namespace meshlane::ui {

// New weights for the destinations of one http route. The steps of one slider
// drag (same non-zero drag id, same route) merge into a single undo step.
class SetRouteWeightsCommand : public MeshEditCommand
{
public:
    SetRouteWeightsCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text, RouteRef route,
                           int dragId);

    int id() const override { return SetRouteWeightsId; }
    bool mergeWith(const QUndoCommand *other) override;

    const RouteRef &route() const { return m_route; }
    int dragId() const { return m_dragId; }

private:
    RouteRef m_route;
    int m_dragId;
};

} // namespace meshlane::ui
