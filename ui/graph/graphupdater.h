// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphlayout.h"
#include "graph/meshgraph.h"
#include "graph/routesharememo.h"
#include "model/mesh.h"
#include "routing/routercache.h"

#include <QObject>

#include <functional>
#include <memory>
#include <set>
#include <string>

namespace meshlane::ui {

// Turns Mesh snapshots into laid out graphs off the GUI thread. Only one job
// runs at a time and only the newest waiting snapshot is kept, so a burst of
// edits (a slider drag) costs one job per finished job, not one per edit.
// An edit that leaves the topology alone skips the layout entirely, and one
// that only moved weights redoes just the moved rule's shares: the Router
// comes from the shared RouterCache (derived from the previous snapshot's),
// the shares from a RouteShareMemo, the graph from MeshGraph::update.
// The graph handed out has the collapsed namespaces folded (collapseNamespaces).
class GraphUpdater : public QObject
{
    Q_OBJECT

public:
    // Measures a graph for its layout: the node sizes and the layout's
    // options. Runs in the layout's pool job (measuring 50,000 labels took
    // the GUI thread ~0.1 s), so it must read only what it holds, copies of
    // what the GUI thread may change meanwhile.
    using Measure = std::function<LayoutInput(const MeshGraph &)>;
    // Called on the GUI thread as each layout starts: the Measure for it.
    using MeasureFactory = std::function<Measure()>;

    explicit GraphUpdater(MeasureFactory measure, QObject *parent = nullptr);

    // The cache the Routers for edge labels come from (by default, one of its
    // own); share the Document's so the simulation routes with the same ones.
    void setRouterCache(RouterCachePtr routers);
    void setMesh(MeshPtr mesh);
    void relayout(); // node sizes changed (e.g. the language): lay the current mesh out again
    // Each drawn as one node from the next graph on; laid out again only when
    // that changes the graph. False when they were collapsed already.
    bool setCollapsedNamespaces(std::set<std::string> namespaces);
    const std::set<std::string> &collapsedNamespaces() const { return m_collapsed; }
    bool isBusy() const { return m_running; }
    bool isLayingOut() const { return m_layingOut; } // Graphviz runs: busy for a while, not a slider step
    std::shared_ptr<const MeshGraph> graph() const { return m_graph; }

Q_SIGNALS:
    void busyChanged(bool busy);
    void layoutStarted(); // a new layout is being computed (for large meshes this takes a while)
    void graphUpdated(std::shared_ptr<const MeshGraph> graph); // same topology: refresh texts only
    void graphLaidOut(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout);
    void failed(const QString &message);

private:
    void startNext();
    void layOut(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const MeshGraph> whole, MeshPtr mesh);
    void finish();

    MeasureFactory m_measure;
    RouterCachePtr m_routers;
    MeshPtr m_mesh;    // newest snapshot asked for
    MeshPtr m_pending; // waiting for the running job to finish
    bool m_forceLayout = false;
    bool m_running = false;
    bool m_layingOut = false;
    std::set<std::string> m_collapsed;
    std::shared_ptr<const MeshGraph> m_graph; // last one handed out
    std::shared_ptr<const MeshGraph> m_whole; // what m_graph was folded from (itself when nothing is collapsed)
    std::shared_ptr<const MeshGraph> m_retired; // the one before: released by the next job
    MeshPtr m_graphMesh;                      // what m_graph shows
    std::shared_ptr<RouteShareMemo> m_memo; // of the last graph built
};

} // namespace meshlane::ui
