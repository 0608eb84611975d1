// SPDX-License-Identifier: MIT
#include "graph/graphscene.h"

#include "graph/appboxitem.h"
#include "graph/fanoutbadgeitem.h"
#include "graph/graphedgeitem.h"
#include "graph/graphnodeitem.h"
#include "graph/graphstyle.h"
#include "graph/namespaceboxitem.h"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace meshlane::ui {

namespace {

QRectF toRect(const LayoutRect &rect) { return {rect.x, rect.y, rect.width, rect.height}; }

} // namespace

GraphScene::GraphScene(const GraphStyle &style, QObject *parent)
    : QGraphicsScene(parent)
    , m_style(style)
{
    setBackgroundBrush(GraphStyle::background());
    // Without an index every paint, however small the changed area, walks
    // all items: ~25 ms a slider step at 10,000 services. Qt's own choice of
    // depth grows with the item count, and an edge across the graph lands in
    // thousands of leaves (seconds to build on the first paint); 256 leaves
    // cost ~0.1 s once there and keep a step's repaint to a few milliseconds.
    setItemIndexMethod(BspTreeIndex);
    setBspTreeDepth(8);
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

GraphScene::~GraphScene()
{
    // Deleting selected items changes the selection: nothing must react then.
    m_rebuilding = true;
    clear();
}

void GraphScene::setGraph(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout)
{
    const QString previousNode = selectedNodeId();
    const QString previousVirtualService = m_highlighted;
    m_rebuilding = true;
    clear();
    m_rebuilding = false;
    update(); // see addSlice()
    ++m_generation;
    m_layers.clear();
    m_paintOrder.clear();
    m_badges.clear();
    m_namespaceBoxes.clear();
    m_nodeItems.assign(graph->nodes().size(), nullptr);
    m_edgeItems.assign(graph->edges().size(), nullptr);
    m_madeNodes = 0;
    m_madeEdges = 0;
    m_graph = std::move(graph);
    m_layout = std::move(layout);
    m_fanOut = std::make_unique<GatewayFanOut>(*m_graph);
    m_attention = {};
    m_hidden.clear();
    m_dimmed.clear();
    m_highlighted.clear();
    m_restoreNode = previousNode;
    m_restoreVirtualService = previousVirtualService;
    for (const NamespaceBox &box : m_layout->namespaces) {
        const QString ns = QString::fromStdString(box.ns);
        auto *item = new NamespaceBoxItem(m_style, toRect(box.box), box.ns,
                                          [this, ns] { Q_EMIT collapseNamespaceRequested(ns); });
        m_namespaceBoxes.push_back(item);
        addStacked(item);
    }
    addFanOutBadges(*m_layout);
    m_bounds = QRectF(0, 0, m_layout->bounds.width, m_layout->bounds.height);
    setSceneRect(m_bounds.adjusted(-20, -20, 20, 20)); // as much as GraphView::fitGraph pads
    addSliceThenContinue();
}

void GraphScene::addSliceThenContinue()
{
    addSlice();
    if (m_madeNodes == m_nodeItems.size() && m_madeEdges == m_edgeItems.size())
        finishItems();
    else
        scheduleSlice();
}

void GraphScene::addSlice()
{
    // Asked for first, a whole repaint spares Qt marking each new item
    // dirty and walking them all in a queued pass (~60 ms for 80,000 items).
    // The view paints none of them before the last slice is in.
    update();
    size_t budget = kSliceItems;
    for (; m_madeNodes < m_nodeItems.size() && budget > 0; ++m_madeNodes, --budget) {
        const size_t i = m_madeNodes;
        const GraphNode &node = m_graph->nodes()[i];
        const QRectF box = toRect(m_layout->nodes[i]);
        if (node.kind == GraphNodeKind::App) {
            m_nodeItems[i] = new AppBoxItem(m_style, box, m_style.appTitle(node));
        } else {
            auto *item = new GraphNodeItem(m_style, box);
            item->setNode(node);
            m_nodeItems[i] = item;
        }
        addStacked(m_nodeItems[i]);
    }
    for (; m_madeEdges < m_edgeItems.size() && budget > 0; ++m_madeEdges, --budget) {
        const size_t i = m_madeEdges;
        auto *item = new GraphEdgeItem(m_style, m_layout->edges[i]);
        item->setEdge(m_graph->edges()[i]);
        item->setVisible(edgeShown(i));
        m_edgeItems[i] = item;
        addStacked(item);
    }
}

void GraphScene::scheduleSlice()
{
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation != m_generation || isComplete())
            return; // a newer graph, or completed on demand
        addSliceThenContinue();
    });
}

void GraphScene::completeNow()
{
    if (isComplete())
        return;
    while (m_madeNodes < m_nodeItems.size() || m_madeEdges < m_edgeItems.size())
        addSlice();
    finishItems();
}

void GraphScene::finishItems()
{
    m_layout.reset();
    separateTaggedLabels(); // each edge was made shown or hidden as edgeShown() says
    const QString node = std::exchange(m_restoreNode, QString());
    const QString virtualService = std::exchange(m_restoreVirtualService, QString());
    if (nodeItem(node))
        selectNode(node);
    else if (!virtualService.isEmpty())
        selectVirtualService(virtualService);
    Q_EMIT completed();
}

void GraphScene::addStacked(QGraphicsItem *item)
{
    addItem(item);
    // Qt stacks top-level items by z, then in the order they were added;
    // our items' z is set as they are made and never changes. Kept as they
    // are added (sorting 80,000 items by z later read each item's private
    // data twice per comparison: a third of a first paint).
    m_layers[item->zValue()].push_back(item);
    m_paintOrder.clear();
}

void GraphScene::paintItems(QPainter *painter, const QRectF &exposed, QWidget *widget)
{
    completeNow(); // GraphView paints nothing of an incomplete scene; anyone else gets every item
    if (m_paintOrder.empty()) {
        for (const auto &[z, items] : m_layers)
            m_paintOrder.insert(m_paintOrder.end(), items.begin(), items.end());
    }
    const QTransform view = painter->worldTransform();
    QStyleOptionGraphicsItem option;
    for (size_t i = 0; i < m_paintOrder.size(); ++i) {
        QGraphicsItem *item = m_paintOrder[i];
        // A whole view's items are each a cache miss away (80,000 of them
        // spread over ~50 MB); fetching a few ahead made a whole repaint
        // ~5% faster.
        if (i + 8 < m_paintOrder.size())
            __builtin_prefetch(m_paintOrder[i + 8]);
        // What QGraphicsScene's own drawing skips: hidden, all but
        // transparent (its threshold), or wholly outside the exposed area.
        const qreal opacity = item->effectiveOpacity();
        if (!item->isVisible() || opacity < 0.001)
            continue;
        const QRectF box = item->boundingRect();
        const QTransform transform = item->sceneTransform();
        if (!transform.mapRect(box).intersects(exposed))
            continue;
        // Setting a transform makes the raster engine recompute its state;
        // the edges (30,000 at 9,999 services) all share the view's own.
        const QTransform itemToDevice = transform * view;
        if (painter->worldTransform() != itemToDevice)
            painter->setWorldTransform(itemToDevice);
        painter->setOpacity(opacity);
        option.state = QStyle::State_None;
        if (item->isEnabled())
            option.state |= QStyle::State_Enabled;
        if (item->isSelected())
            option.state |= QStyle::State_Selected;
        option.rect = box.toRect();
        option.exposedRect = box;
        item->paint(painter, &option, widget);
    }
}

void GraphScene::separateTaggedLabels()
{
    // Edges that cross put their labels on the same midpoint; a "TCP 80%"
    // badge is wide enough to hide a neighbour's label, or to be hidden.
    // Only tagged edges move (along their own path), so HTTP graphs look as
    // they always did.
    std::vector<GraphEdgeItem *> placed;
    for (GraphEdgeItem *item : m_edgeItems) {
        if (item->tag().isEmpty())
            placed.push_back(item);
    }
    const auto overlaps = [&placed](const GraphEdgeItem *item) {
        return std::any_of(placed.begin(), placed.end(), [item](const GraphEdgeItem *other) {
            return other->badgeRect().intersects(item->badgeRect());
        });
    };
    for (GraphEdgeItem *item : m_edgeItems) {
        if (item->tag().isEmpty())
            continue;
        for (double position : {0.5, 0.65, 0.35, 0.75, 0.25}) {
            item->setLabelPosition(position);
            if (!overlaps(item))
                break;
        }
        if (overlaps(item))
            item->setLabelPosition(0.5); // nowhere free: where a reader looks first
        placed.push_back(item);
    }
}

void GraphScene::updateGraph(std::shared_ptr<const MeshGraph> graph)
{
    Q_ASSERT(m_graph && graph->sameTopology(*m_graph));
    completeNow();
    // An edit touches a few edges; re-measuring thousands of labels would not fit in a frame.
    const auto sameNode = [](const GraphNode &a, const GraphNode &b) {
        return a.label == b.label && a.podCount == b.podCount && a.foldedServices == b.foldedServices
            && a.problem == b.problem
            && a.splitsTraffic == b.splitsTraffic && a.virtualService == b.virtualService && a.resource == b.resource;
    };
    const auto sameEdge = [](const GraphEdge &a, const GraphEdge &b) {
        return a.share == b.share && a.conditional == b.conditional && a.condition == b.condition
            && a.problem == b.problem && a.virtualService == b.virtualService && a.route == b.route
            && a.merged == b.merged;
    };
    const std::shared_ptr<const MeshGraph> previous = std::exchange(m_graph, std::move(graph));
    const auto refreshNode = [this, &previous, &sameNode](size_t i) {
        const GraphNode &node = m_graph->nodes()[i];
        if (sameNode(node, previous->nodes()[i]))
            return;
        if (node.kind == GraphNodeKind::App)
            static_cast<AppBoxItem *>(m_nodeItems[i])->setTitle(m_style.appTitle(node));
        else
            static_cast<GraphNodeItem *>(m_nodeItems[i])->setNode(node);
    };
    const auto refreshEdge = [this, &previous, &sameEdge](size_t i) {
        if (!sameEdge(m_graph->edges()[i], previous->edges()[i]))
            m_edgeItems[i]->setEdge(m_graph->edges()[i]);
    };
    if (m_graph->isIncremental() && m_graph->updatedFrom() == previous->serial()) {
        // Made from the graph on screen: only what update() redid can differ.
        for (int i : m_graph->redoneNodes())
            refreshNode(size_t(i));
        for (int i : m_graph->redoneEdges())
            refreshEdge(size_t(i));
        return;
    }
    for (size_t i = 0; i < m_nodeItems.size(); ++i)
        refreshNode(i);
    for (size_t i = 0; i < m_edgeItems.size(); ++i)
        refreshEdge(i);
}

void GraphScene::setNodeFilter(const std::vector<char> &found, const std::vector<char> &dimmed,
                               const std::vector<char> &hidden)
{
    constexpr qreal kDimmedOpacity = 0.18;
    const auto isSet = [](const std::vector<char> &flags, size_t i) { return i < flags.size() && flags[i]; };
    const auto same = [&isSet, count = m_nodeItems.size()](const std::vector<char> &a, const std::vector<char> &b) {
        for (size_t i = 0; i < count; ++i) {
            if (isSet(a, i) != isSet(b, i))
                return false;
        }
        return true;
    };
    // The panel re-applies the find after every edit: with tens of thousands
    // of items, touching each one would make a slider step miss its frame.
    if (same(found, m_attention.found) && same(dimmed, m_dimmed) && same(hidden, m_hidden))
        return;
    completeNow();
    for (size_t i = 0; i < m_nodeItems.size(); ++i) {
        m_nodeItems[i]->setVisible(!isSet(hidden, i));
        m_nodeItems[i]->setOpacity(isSet(dimmed, i) ? kDimmedOpacity : 1.0);
        if (auto *node = dynamic_cast<GraphNodeItem *>(m_nodeItems[i]))
            node->setFound(isSet(found, i));
    }
    for (size_t i = 0; i < m_edgeItems.size(); ++i) {
        const GraphEdge &edge = m_graph->edges()[i];
        const bool faint = isSet(dimmed, size_t(edge.from)) || isSet(dimmed, size_t(edge.to));
        m_edgeItems[i]->setOpacity(faint ? kDimmedOpacity : 1.0);
    }
    for (size_t i = 0; i < m_badges.size(); ++i) {
        const size_t gateway = size_t(m_fanOut->collapsedGateways()[i]);
        m_badges[i]->setVisible(!isSet(hidden, gateway));
        m_badges[i]->setOpacity(isSet(dimmed, gateway) ? kDimmedOpacity : 1.0);
    }
    m_hidden = hidden;
    m_dimmed = dimmed;
    m_attention.found = found;
    updateEdgeVisibility();
}

void GraphScene::addFanOutBadges(const GraphGeometry &layout)
{
    for (int gateway : m_fanOut->collapsedGateways()) {
        const LayoutRect &box = layout.nodes[size_t(gateway)];
        const QPointF anchor(box.x + (box.width + m_style.shapeSize) / 2, box.y + m_style.shapeSize / 2);
        const size_t index = m_badges.size();
        auto *badge = new FanOutBadgeItem(m_style, anchor, m_fanOut->edgeCount(gateway), [this, gateway, index] {
            setFanOutExpanded(gateway, !m_badges[index]->isExpanded());
        });
        m_badges.push_back(badge);
        addStacked(badge);
    }
}

void GraphScene::setFanOutExpanded(int gateway, bool expanded)
{
    if (!m_fanOut || !m_fanOut->isCollapsed(gateway))
        return;
    m_attention.expanded.resize(m_nodeItems.size(), 0);
    m_attention.expanded[size_t(gateway)] = expanded; // what GatewayFanOut reads; the badge shows it
    const auto &gateways = m_fanOut->collapsedGateways();
    m_badges[size_t(std::find(gateways.begin(), gateways.end(), gateway) - gateways.begin())]->setExpanded(expanded);
    updateEdgeVisibility();
}

// An edge is drawn unless the find bar hid one of its ends, or it leaves a
// collapsed gateway nobody asked about.
void GraphScene::updateEdgeVisibility()
{
    if (!m_graph || m_updatingEdges)
        return;
    m_updatingEdges = true; // hiding a selected edge changes the selection
    m_attention.selectedNode = m_graph->nodeIndex(selectedNodeId().toStdString());
    m_attention.highlightedVirtualService = m_highlighted.toStdString();
    for (size_t i = 0; i < m_edgeItems.size(); ++i) {
        if (m_edgeItems[i]) // not made yet: made with edgeShown()
            m_edgeItems[i]->setVisible(edgeShown(i));
    }
    m_updatingEdges = false;
}

bool GraphScene::edgeShown(size_t i) const
{
    const auto hidden = [this](int node) { return size_t(node) < m_hidden.size() && m_hidden[size_t(node)]; };
    const GraphEdge &edge = m_graph->edges()[i];
    return !hidden(edge.from) && !hidden(edge.to) && m_fanOut->shows(*m_graph, int(i), m_attention);
}

QRectF GraphScene::visibleBounds() const
{
    if (std::find(m_hidden.begin(), m_hidden.end(), 1) == m_hidden.end())
        return m_bounds; // nothing hidden
    QRectF bounds;
    for (const QGraphicsItem *item : m_nodeItems) {
        if (item && item->isVisible())
            bounds |= item->sceneBoundingRect();
    }
    return bounds.isNull() ? m_bounds : bounds;
}

void GraphScene::forEachShownNode(const std::function<void(const ShownNode &)> &visit) const
{
    for (size_t i = 0; i < m_nodeItems.size(); ++i) {
        if (!m_nodeItems[i] || !m_nodeItems[i]->isVisible())
            continue; // not made yet, or hidden
        const GraphNode &node = m_graph->nodes()[i];
        const auto *item = dynamic_cast<const GraphNodeItem *>(m_nodeItems[i]);
        visit({m_nodeItems[i]->sceneBoundingRect(), node.kind == GraphNodeKind::App, node.broken(),
               item && item->isFound()});
    }
}

QRectF GraphScene::nodesBounds(const std::vector<char> &nodes) const
{
    QRectF bounds;
    for (size_t i = 0; i < m_nodeItems.size() && i < nodes.size(); ++i) {
        if (nodes[i] && m_nodeItems[i])
            bounds |= m_nodeItems[i]->sceneBoundingRect();
    }
    return bounds.isNull() ? m_bounds : bounds;
}

void GraphScene::refreshTexts()
{
    if (!m_graph)
        return;
    completeNow();
    for (size_t i = 0; i < m_nodeItems.size(); ++i) {
        const GraphNode &node = m_graph->nodes()[i];
        if (node.kind == GraphNodeKind::App)
            static_cast<AppBoxItem *>(m_nodeItems[i])->setTitle(m_style.appTitle(node));
        else
            static_cast<GraphNodeItem *>(m_nodeItems[i])->setNode(node);
    }
    for (size_t i = 0; i < m_edgeItems.size(); ++i)
        m_edgeItems[i]->setEdge(m_graph->edges()[i]);
    for (NamespaceBoxItem *box : m_namespaceBoxes)
        box->retranslate();
}

QList<QGraphicsItem *> GraphScene::itemsUnder(const QPointF &scenePos, const QWidget *viewport) const
{
    // As the view the pointer is over transforms them.
    const auto *view = viewport ? qobject_cast<const QGraphicsView *>(viewport->parentWidget()) : nullptr;
    return items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder, view ? view->transform() : QTransform());
}

void GraphScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    QString text;
    for (QGraphicsItem *item : itemsUnder(event->scenePos(), event->widget())) {
        if (const auto *node = dynamic_cast<const GraphNodeItem *>(item))
            text = node->toolTipText();
        else if (const auto *edge = dynamic_cast<const GraphEdgeItem *>(item); edge && m_graph)
            text = edge->toolTipText(*m_graph);
        else
            text = item->toolTip(); // badges and namespace boxes set theirs
        if (!text.isEmpty())
            break;
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

void GraphScene::drawForeground(QPainter *painter, const QRectF &rect)
{
    const double detail = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (detail >= m_style.outlineDetail)
        return; // near, each box's title is drawn by the box
    for (const NamespaceBoxItem *box : m_namespaceBoxes) {
        if (box->isVisible() && box->sceneBoundingRect().intersects(rect))
            box->paintFarTitle(painter, detail);
    }
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : itemsUnder(event->scenePos(), event->widget())) {
        const auto *node = dynamic_cast<const GraphNodeItem *>(item);
        if (node && node->node().kind == GraphNodeKind::Namespace) {
            event->accept();
            Q_EMIT expandNamespaceRequested(QString::fromStdString(node->node().ns));
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

GraphNodeItem *GraphScene::nodeItem(const QString &nodeId)
{
    if (!m_graph || nodeId.isEmpty())
        return nullptr;
    const int index = m_graph->nodeIndex(nodeId.toStdString());
    if (index < 0 || m_graph->nodes()[size_t(index)].kind == GraphNodeKind::App)
        return nullptr;
    completeNow();
    return static_cast<GraphNodeItem *>(m_nodeItems[size_t(index)]);
}

GraphEdgeItem *GraphScene::edgeItem(const QString &edgeId)
{
    const int index = m_graph ? m_graph->edgeIndex(edgeId.toStdString()) : -1;
    if (index < 0)
        return nullptr;
    completeNow();
    return m_edgeItems[size_t(index)];
}

QString GraphScene::selectedNodeId() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *node = dynamic_cast<GraphNodeItem *>(item))
            return QString::fromStdString(node->nodeId());
    }
    return {};
}

void GraphScene::selectNode(const QString &nodeId)
{
    GraphNodeItem *item = nodeItem(nodeId);
    clearSelection();
    if (item)
        item->setSelected(true);
}

void GraphScene::selectVirtualService(const QString &nsName)
{
    if (!m_graph)
        return;
    // Select the node the rule is written for (its host or gateway), so the
    // selection shows where the rule applies.
    const std::string ref = nsName.toStdString();
    for (int node : m_graph->nodesOfVirtualService(ref)) {
        const GraphNode &candidate = m_graph->nodes()[size_t(node)];
        if (candidate.virtualService == ref && candidate.kind != GraphNodeKind::Version) {
            selectNode(QString::fromStdString(candidate.id));
            return;
        }
    }
    clearSelection();
    highlight(nsName);
    Q_EMIT virtualServiceSelected(m_highlighted);
}

void GraphScene::onSelectionChanged()
{
    if (m_rebuilding)
        return;
    QString nodeId;
    QString virtualService;
    const QList<QGraphicsItem *> selected = selectedItems();
    if (!selected.isEmpty()) {
        if (auto *node = dynamic_cast<GraphNodeItem *>(selected.front())) {
            nodeId = QString::fromStdString(node->nodeId());
            virtualService = QString::fromStdString(node->node().virtualService);
        } else if (auto *edge = dynamic_cast<GraphEdgeItem *>(selected.front())) {
            virtualService = QString::fromStdString(edge->edge().virtualService);
        }
    }
    highlight(virtualService);
    Q_EMIT nodeSelected(nodeId);
    Q_EMIT virtualServiceSelected(virtualService);
}

void GraphScene::highlight(const QString &nsName)
{
    m_highlighted = nsName;
    if (!m_graph)
        return;
    completeNow();
    const std::string ref = nsName.toStdString();
    std::vector<char> nodeOn(m_nodeItems.size(), 0);
    if (!ref.empty()) {
        for (int node : m_graph->nodesOfVirtualService(ref))
            nodeOn[size_t(node)] = 1;
    }
    for (size_t i = 0; i < m_nodeItems.size(); ++i) {
        if (auto *node = dynamic_cast<GraphNodeItem *>(m_nodeItems[i]))
            node->setHighlighted(nodeOn[i]);
    }
    for (GraphEdgeItem *edge : m_edgeItems)
        edge->setHighlighted(!ref.empty() && edge->edge().virtualService == ref);
    updateEdgeVisibility();
}

} // namespace meshlane::ui
