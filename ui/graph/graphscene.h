// SPDX-License-Identifier: MIT
#pragma once

#include "graph/gatewayfanout.h"
#include "graph/graphlayout.h"
#include "graph/meshgraph.h"

#include <QGraphicsScene>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace meshlane::ui {

class FanOutBadgeItem;
class GraphEdgeItem;
class GraphNodeItem;
class GraphStyle;
class NamespaceBoxItem;

// The items for one laid out MeshGraph. Selecting a node or an edge selects
// its VirtualService: every node and edge it draws is highlighted. The edges
// of a gateway in front of many services are collapsed (GatewayFanOut) into
// a badge, and drawn where the selection, the find bar or a click asks.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(const GraphStyle &style, QObject *parent = nullptr);
    ~GraphScene() override;

    // Replaces every item; the selection is kept when its node still exists.
    // A large graph's items are made a slice per event (see kSliceItems):
    // completed() says when the last is in. Until then a call that reads or
    // changes items other than by a click makes the rest at once.
    void setGraph(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout);
    bool isComplete() const { return !m_layout; }
    // For a graph with the same topology (sameTopology()): texts and colours only.
    void updateGraph(std::shared_ptr<const MeshGraph> graph);
    // Re-reads every text (after a language change).
    void refreshTexts();
    std::shared_ptr<const MeshGraph> graph() const { return m_graph; }
    QRectF graphBounds() const { return m_bounds; }

    // Find (GraphPanel's find bar): nodes whose `dimmed` entry is set are
    // drawn faint, those whose `hidden` entry is set are not drawn, nor any
    // edge touching them. Indexed like graph()->nodes(); empty means none.
    // A new graph shows everything until this is called again.
    // `found` nodes are ringed.
    void setNodeFilter(const std::vector<char> &found, const std::vector<char> &dimmed, const std::vector<char> &hidden);
    // The bounds of the nodes drawn (graphBounds() when none is hidden).
    QRectF visibleBounds() const;
    // Every node drawn, box and all (the minimap's dots).
    struct ShownNode
    {
        QRectF box; // in the scene
        bool isAppBox = false;
        bool broken = false;
        bool found = false; // ringed by the find bar
    };
    void forEachShownNode(const std::function<void(const ShownNode &)> &visit) const;
    // The bounds of the nodes whose entry is set (graphBounds() when none is).
    QRectF nodesBounds(const std::vector<char> &nodes) const;

    void selectNode(const QString &nodeId);
    void selectVirtualService(const QString &nsName);
    QString selectedNodeId() const;
    QString selectedVirtualService() const { return m_highlighted; }
    GraphNodeItem *nodeItem(const QString &nodeId);
    GraphEdgeItem *edgeItem(const QString &edgeId);
    // The badges of the gateways whose edges are collapsed, in node order.
    const std::vector<FanOutBadgeItem *> &fanOutBadges() const { return m_badges; }
    void setFanOutExpanded(int gateway, bool expanded); // as a click on its badge does
    // The layout's namespace boxes, in its order.
    const std::vector<NamespaceBoxItem *> &namespaceBoxes() const { return m_namespaceBoxes; }

    // Paints the items that reach into `exposed` (scene coordinates) as
    // QGraphicsView would, in the same stacking order and state, without
    // asking its index and sorting what it found: both touch every item
    // again, and a whole view of 80,000 items took twice as long through
    // them. GraphView paints this way when most of the graph is exposed.
    // The painter is set up as QGraphicsView sets it up for items.
    void paintItems(QPainter *painter, const QRectF &exposed, QWidget *widget);

Q_SIGNALS:
    void nodeSelected(const QString &nodeId);                 // empty: nothing selected
    void virtualServiceSelected(const QString &nsName);       // "ns/name", empty when none
    void collapseNamespaceRequested(const QString &ns);       // its box's title was clicked
    void expandNamespaceRequested(const QString &ns);         // its collapsed node was double-clicked
    void completed(); // every item of the graph set last is in the scene

protected:
    // Tooltips are made for the item under the mouse when asked, not for
    // every item when the graph is set (a large mesh has thousands).
    void helpEvent(QGraphicsSceneHelpEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override; // far out: the namespaces' names

private:
    // Items a slice makes: ~30 ms of the GUI thread here, Qt's indexing of
    // them included.
    static constexpr size_t kSliceItems = 6144;
    void addSlice();
    void addSliceThenContinue(); // the next slice scheduled, or the items finished
    void addStacked(QGraphicsItem *item); // to the scene and m_layers
    void scheduleSlice();
    void completeNow(); // something needs every item: make the rest now
    void finishItems();
    bool edgeShown(size_t edge) const;
    void onSelectionChanged();
    // Under the pointer, topmost first; `viewport`: the event's widget.
    QList<QGraphicsItem *> itemsUnder(const QPointF &scenePos, const QWidget *viewport) const;
    void separateTaggedLabels();
    void highlight(const QString &nsName);
    void addFanOutBadges(const GraphGeometry &layout);
    void updateEdgeVisibility();

    const GraphStyle &m_style;
    std::shared_ptr<const MeshGraph> m_graph;
    std::vector<QGraphicsItem *> m_nodeItems; // per node index (AppBoxItem or GraphNodeItem)
    std::vector<GraphEdgeItem *> m_edgeItems; // per edge index
    std::unique_ptr<GatewayFanOut> m_fanOut;
    std::vector<FanOutBadgeItem *> m_badges; // per m_fanOut->collapsedGateways()
    std::vector<NamespaceBoxItem *> m_namespaceBoxes;
    std::map<qreal, std::vector<QGraphicsItem *>> m_layers; // every item by z, in the order added
    std::vector<QGraphicsItem *> m_paintOrder; // m_layers bottom to top; made when first painted
    GatewayFanOut::Attention m_attention;    // expanded and found; the rest is read when needed
    std::vector<char> m_hidden;              // per node: by setNodeFilter()
    std::vector<char> m_dimmed;              // per node: by setNodeFilter()
    bool m_updatingEdges = false;
    QRectF m_bounds;
    QString m_highlighted;
    bool m_rebuilding = false;
    // While items are still being made (null when complete): the layout they
    // are made from, where the next slice starts, and the selection to restore.
    std::shared_ptr<const GraphGeometry> m_layout;
    size_t m_madeNodes = 0;
    size_t m_madeEdges = 0;
    QString m_restoreNode;
    QString m_restoreVirtualService;
    // A slice scheduled for an older graph does nothing: two chains of slices
    // would make two slices per event loop pass, and Qt's pass over them twice
    // as long.
    unsigned m_generation = 0;
};

} // namespace meshlane::ui
