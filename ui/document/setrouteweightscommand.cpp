#include "setrouteweightscommand.h"

namespace meshlane::ui {

SetRouteWeightsCommand::SetRouteWeightsCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text,
                                               RouteRef route, int dragId)
    : MeshEditCommand(document, std::move(before), std::move(after), text)
    , m_route(std::move(route))
    , m_dragId(dragId)
{
}

bool SetRouteWeightsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *later = static_cast<const SetRouteWeightsCommand *>(other); // same id(): same class
    if (m_dragId == 0 || later->m_dragId != m_dragId || later->m_route.ns != m_route.ns
        || later->m_route.name != m_route.name || later->m_route.index != m_route.index)
        return false;
    absorb(*later);
    return true;
}

} // namespace meshlane::ui
