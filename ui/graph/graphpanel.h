// SPDX-License-Identifier: MIT
#pragma once

#include "base/backgroundjob.h"
#include "graph/graphstyle.h"
#include "graph/graphupdater.h"
#include "model/mesh.h"
#include "routing/routercache.h"

#include <QWidget>

#include <memory>
#include <set>
#include <string>

class QAction;
class QMenu;
class QToolBar;

namespace meshlane::ui {

class GraphFindBar;
class GraphMinimap;
class GraphScene;
class GraphView;

// The graph dock's contents: a small toolbar and the view. Graphs are built
// and laid out off the GUI thread; results are applied as they arrive.
class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GraphPanel(QWidget *parent = nullptr);
    ~GraphPanel() override;

    void setMesh(MeshPtr mesh);
    // Where the Routers behind the edge labels come from (see GraphUpdater).
    void setRouterCache(RouterCachePtr routers);
    // For a new folder: forget the selection, fit the view once laid out.
    void resetView();
    // Applied as soon as a graph is shown when none is yet.
    void selectVirtualService(const QString &nsName);
    void selectResource(const ResourceId &resource);
    void fit();
    GraphFindBar *findBar() const { return m_findBar; }
    GraphMinimap *minimap() const { return m_minimap; }
    // Focus mode shows a subgraph of the mesh's: this is the whole one, with
    // the collapsed namespaces folded.
    std::shared_ptr<const MeshGraph> fullGraph() const { return m_fullGraph; }

    // Namespaces: a box's title collapses one, a double-click on its node
    // expands it; this menu (in View, and the graph's context menu) does the rest.
    void setNamespaceCollapsed(const QString &ns, bool collapsed);
    void collapseAllNamespaces();
    void expandAllNamespaces();
    void setNamespaceBoxes(bool boxed);
    QMenu *namespacesMenu() const { return m_namespacesMenu; }

    bool isBusy() const;
    bool isLayingOut() const; // a layout is being computed, not only the labels updated
    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    const GraphStyle &style() const { return m_style; }

Q_SIGNALS:
    void virtualServiceSelected(const QString &nsName);
    void busyChanged(bool busy);
    void layoutStarted();
    void graphShown(); // a new layout or an update reached the screen
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showLaidOut(std::shared_ptr<const class MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout);
    void applyPendingSelection();
    void showUpdated(std::shared_ptr<const MeshGraph> graph);
    // Runs the find bar's request on the graph shown: focus, then find.
    void applyFind();
    struct FindMatches
    {
        std::vector<int> nodes; // in fullGraph()
        bool active = false;    // a query that parsed (empty field or an error: none)
    };
    FindMatches runQuery(); // and says how many it found, or what is wrong
    // Focus mode: false while the neighbourhood is being laid out (applyFind() runs again then).
    bool applyFocus(const FindMatches &matches);
    struct NodeFilter
    {
        std::vector<char> found, dimmed, hidden; // per node of the graph shown
    };
    NodeFilter nodeFilter(const FindMatches &matches) const;
    void applyFilter(const FindMatches &matches); // and goes to what a new query found
    void layOutFocus(std::vector<int> keep);
    // Measures with a copy of the style as it is now, on a layout's pool thread.
    GraphUpdater::Measure measureWithCurrentStyle() const;
    void showWholeGraph();
    void showGraph(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout);
    void announceShown(); // graphShown() now, or once the scene has made every item
    void onSceneCompleted();
    bool setCollapsedNamespaces(std::set<std::string> namespaces); // false: no change
    void showContextMenu(const QPoint &pos); // in the view's coordinates
    void revealNamespace(const QString &ns); // its folded node or its boxes
    std::vector<int> selectedNodes() const; // in fullGraph()

    GraphStyle m_style;
    GraphScene *m_scene;
    GraphView *m_view;
    GraphUpdater *m_updater;
    QToolBar *m_toolBar;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    QMenu *m_namespacesMenu;
    QAction *m_boxNamespaces;
    QAction *m_collapseAll;
    QAction *m_expandAll;
    GraphFindBar *m_findBar;
    GraphMinimap *m_minimap;
    bool m_someHidden = false; // the last find hid nodes: the minimap must redraw when that changes
    MeshPtr m_mesh;
    std::shared_ptr<const MeshGraph> m_fullGraph; // the updater's latest
    std::shared_ptr<const GraphGeometry> m_fullLayout;
    // Focus mode: the node ids it started from (found or selected) and the
    // nodes of fullGraph() on screen; empty when the whole graph is.
    std::vector<std::string> m_focusSeeds;
    std::vector<int> m_focusKept;
    JobTicket m_focusLayouts;
    bool m_focusLayoutRunning = false;
    bool m_shownWhenComplete = false;
    QString m_shownQuery; // the find last applied: the view goes to its results once
    bool m_fitPending = true;
    QString m_revealNamespace; // collapsed or expanded by the user: the view goes to it once laid out
    QString m_pendingVirtualService;
    ResourceId m_pendingResource;
};

} // namespace meshlane::ui
