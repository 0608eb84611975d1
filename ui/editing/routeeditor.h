// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "model/mesh.h"

#include <QFrame>
#include <QHash>

#include <cstdint>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace meshlane::ui {

class AddDestinationMenu;
class DestinationRow;
class Document;
class MirrorEditor;

// One route in the weight editor: what it matches, a DestinationRow per
// destination, "distribute evenly", adding a destination and, for the http
// routes of a VirtualService, the mirror (a MirrorEditor) and the route's place in the list.
// The same editor serves a VirtualService's tcp and tls routes and the rules
// of a Gateway API route (HTTPRoute, GRPCRoute: its backendRefs are the
// destinations); those have no mirror or match controls here (Istio has no
// mirror for L4; a Gateway API mirror is a filter, edited in the YAML).
//
// The arithmetic is WeightBalancer's, so every state it can send sums to 100
// and is never negative; every change goes through a Document method. When the
// document changes, setRoute() updates the widgets in place (a slider being
// dragged keeps its grab and focus); only a change of destinations rebuilds them.
class RouteEditor : public QFrame
{
    Q_OBJECT

public:
    // `locks` is shared by the editors of one weight editor and outlives them:
    // a lock survives undo, redo and rebuilds.
    RouteEditor(Document *document, QHash<QString, bool> *locks, QWidget *parent = nullptr);

    // Route `ref.index` of `ref.section` ("http", "tcp", "tls") of `vs`.
    void setRoute(const MeshPtr &mesh, const VirtualService &vs, const RouteRef &ref);
    // Rule `index` of a Gateway API route.
    void setRule(const MeshPtr &mesh, const GatewayApiRoute &route, size_t index);
    const RouteRef &routeRef() const { return m_ref; }
    const GatewayRuleRef &ruleRef() const { return m_rule; }
    bool isGatewayRule() const { return m_source == Source::GatewayRule; }
    QLabel *titleLabel() const { return m_title; }
    void retranslate();

    // For tests and the screenshot mode.
    const std::vector<DestinationRow *> &rows() const { return m_rows; }
    QPushButton *distributeButton() const { return m_distribute; }
    QToolButton *addButton() const { return m_add; }
    QMenu *addMenu() const;
    QComboBox *mirrorTarget() const;
    QDoubleSpinBox *mirrorPercentage() const;
    QLabel *matchLabel() const { return m_match; }
    bool isDragging() const { return m_dragIndex >= 0; }

private:
    enum class Source { Http, Connection, GatewayRule }; // a VirtualService http or tcp/tls route, a Gateway API rule

    static QString structureOf(const Mesh &mesh, const HttpRoute &route);
    void rebuild();
    void update();
    std::vector<int64_t> currentWeights() const;
    std::vector<bool> lockedFlags() const;
    QString lockKey(size_t index) const;
    void updateAdjustable();
    void startDrag(size_t index);
    void drag(size_t index, int value);
    void finishDrag();
    void enter(size_t index, int value);
    void distributeEvenly();
    // Through the Document method of what this editor edits; a drag step when dragId != 0.
    bool sendWeights(const std::vector<int> &weights, int dragId = 0);
    void removeDestination(size_t index);
    QString title() const;
    QString colorKey(const Destination &destination) const; // for subsetColor()

    Document *m_document;
    QHash<QString, bool> *m_locks;
    MeshPtr m_mesh;
    HttpRoute m_route; // for tcp/tls routes and Gateway API rules: their destinations, as an http route's
    Source m_source = Source::Http;
    RouteRef m_ref;
    GatewayRuleRef m_rule;
    std::vector<L4Match> m_connectionMatch; // tcp/tls
    std::string m_ruleName;                  // Gateway API
    size_t m_routeCount = 0;
    QString m_structure;
    bool m_built = false;

    QLabel *m_title;
    QToolButton *m_moveUp;
    QToolButton *m_moveDown;
    QToolButton *m_removeRoute;
    QLabel *m_match;
    QVBoxLayout *m_rowsLayout;
    std::vector<DestinationRow *> m_rows;
    QLabel *m_noWeights;
    QPushButton *m_distribute;
    QToolButton *m_add;
    AddDestinationMenu *m_addMenu;
    MirrorEditor *m_mirror;

    // While a slider is held: its weights when pressed (each step re-balances
    // from there, so crossing 0 and back keeps the others' proportions) and the
    // drag id every step of it shares.
    int m_dragIndex = -1;
    int m_dragId = 0;
    std::vector<int64_t> m_dragBasis;
};

} // namespace meshlane::ui
