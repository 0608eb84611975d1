// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "model/mesh.h"

#include <QMenu>

#include <string>
#include <utility>
#include <vector>

namespace meshlane::ui {

class Document;

// The "Add Destination" menu of a RouteEditor, filled each time it opens
// from the snapshot it was last given: for a VirtualService route (http, tcp
// or tls) the subsets of its hosts not in the route yet, and version labels
// without a subset (Kiali's rule: one click creates the subset too); for a
// Gateway API rule the Services of the route's namespace that are not
// backends yet. A choice goes straight to the Document.
class AddDestinationMenu : public QMenu
{
    Q_OBJECT

public:
    AddDestinationMenu(Document *document, QWidget *parent = nullptr);

    void setRoute(const MeshPtr &mesh, const HttpRoute &route, const RouteRef &ref);
    // `backends`: the rule's backendRefs as backendWeightsRoute() reads them.
    void setRule(const MeshPtr &mesh, const HttpRoute &backends, const GatewayRuleRef &rule);

    // The hosts a route sends to, in order, each once: (fqdn, as the route writes it).
    static std::vector<std::pair<std::string, std::string>> hostsOf(const HttpRoute &route);

private:
    void fill();
    void fillBackends();

    Document *m_document;
    MeshPtr m_mesh;
    HttpRoute m_route;
    RouteRef m_ref;
    GatewayRuleRef m_rule;
    bool m_gatewayRule = false;
};

} // namespace meshlane::ui
