// SPDX-License-Identifier: MIT
#include "graph/graphpanel.h"

#include "graph/graphfindbar.h"
#include "graph/graphminimap.h"
#include "graph/graphneighbourhood.h"
#include "graph/graphnodeitem.h"
#include "graph/graphquery.h"
#include "graph/graphscene.h"
#include "graph/graphupdater.h"
#include "graph/graphview.h"
#include "graph/namespaceboxitem.h"
#include "graph/namespacecollapse.h"

#include <QAction>
#include <QEvent>
#include <QLocale>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace meshlane::ui {

GraphPanel::GraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_scene(new GraphScene(m_style, this))
    , m_view(new GraphView(this))
    , m_updater(new GraphUpdater([this] { return measureWithCurrentStyle(); }, this))
    , m_toolBar(new QToolBar(this))
    , m_namespacesMenu(new QMenu(this))
    , m_findBar(new GraphFindBar(this))
{
    m_view->setGraphScene(m_scene);
    m_minimap = new GraphMinimap(m_view, m_scene);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_zoomIn = m_toolBar->addAction(QString(), this, [this] { m_view->zoomBy(1.25); });
    m_zoomOut = m_toolBar->addAction(QString(), this, [this] { m_view->zoomBy(0.8); });
    m_fit = m_toolBar->addAction(QString(), this, &GraphPanel::fit);
    m_boxNamespaces = m_namespacesMenu->addAction(QString(), this, &GraphPanel::setNamespaceBoxes);
    m_boxNamespaces->setCheckable(true);
    m_boxNamespaces->setChecked(m_style.boxNamespaces);
    m_namespacesMenu->addSeparator();
    m_collapseAll = m_namespacesMenu->addAction(QString(), this, &GraphPanel::collapseAllNamespaces);
    m_expandAll = m_namespacesMenu->addAction(QString(), this, &GraphPanel::expandAllNamespaces);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &GraphPanel::showContextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar->addWidget(m_findBar); // beside the zoom buttons: the graph keeps its height
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);
    retranslate();
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, m_findBar, &GraphFindBar::startTyping);
    addAction(find);
    connect(m_findBar, &GraphFindBar::changed, this, [this] {
        m_focusSeeds.clear(); // a new request: focus starts again from what it finds or what is selected
        applyFind();
    });

    connect(m_view, &GraphView::fitRequested, this, &GraphPanel::fit);
    connect(m_scene, &GraphScene::virtualServiceSelected, this, &GraphPanel::virtualServiceSelected);
    connect(m_scene, &GraphScene::collapseNamespaceRequested, this, [this](const QString &ns) {
        setNamespaceCollapsed(ns, true);
    });
    connect(m_scene, &GraphScene::expandNamespaceRequested, this, [this](const QString &ns) {
        setNamespaceCollapsed(ns, false);
    });
    connect(m_scene, &GraphScene::completed, this, &GraphPanel::onSceneCompleted);
    connect(m_updater, &GraphUpdater::busyChanged, this, [this](bool busy) {
        if (!busy)
            applyPendingSelection();
        Q_EMIT busyChanged(isBusy());
    });
    connect(m_updater, &GraphUpdater::layoutStarted, this, &GraphPanel::layoutStarted);
    connect(m_updater, &GraphUpdater::failed, this, &GraphPanel::failed);
    connect(m_updater, &GraphUpdater::graphLaidOut, this, &GraphPanel::showLaidOut);
    connect(m_updater, &GraphUpdater::graphUpdated, this, &GraphPanel::showUpdated);
}

GraphPanel::~GraphPanel() = default;

void GraphPanel::setMesh(MeshPtr mesh)
{
    m_mesh = mesh;
    m_updater->setMesh(std::move(mesh));
}

void GraphPanel::setRouterCache(RouterCachePtr routers)
{
    m_updater->setRouterCache(std::move(routers));
}

void GraphPanel::setNamespaceCollapsed(const QString &ns, bool collapsed)
{
    std::set<std::string> namespaces = m_updater->collapsedNamespaces();
    if (collapsed)
        namespaces.insert(ns.toStdString());
    else
        namespaces.erase(ns.toStdString());
    if (setCollapsedNamespaces(std::move(namespaces)))
        m_revealNamespace = ns; // the view goes there once laid out
}

void GraphPanel::collapseAllNamespaces()
{
    if (!m_fullGraph)
        return;
    const std::vector<std::string> namespaces = graphNamespaces(*m_fullGraph);
    setCollapsedNamespaces({namespaces.begin(), namespaces.end()});
}

void GraphPanel::expandAllNamespaces()
{
    setCollapsedNamespaces({});
}

void GraphPanel::revealNamespace(const QString &ns)
{
    QRectF bounds;
    if (const GraphNodeItem *folded = m_scene->nodeItem(QString::fromStdString(namespaceNodeId(ns.toStdString()))))
        bounds = folded->sceneBoundingRect();
    for (const NamespaceBoxItem *box : m_scene->namespaceBoxes()) {
        if (box->ns() == ns.toStdString())
            bounds |= box->sceneBoundingRect();
    }
    m_view->reveal(bounds); // nothing when it has neither
}

bool GraphPanel::setCollapsedNamespaces(std::set<std::string> namespaces)
{
    if (!m_updater->setCollapsedNamespaces(std::move(namespaces)))
        return false;
    m_fitPending = true; // a new layout: where the view was means nothing in it
    m_expandAll->setEnabled(!m_updater->collapsedNamespaces().empty());
    return true;
}

void GraphPanel::setNamespaceBoxes(bool boxed)
{
    m_boxNamespaces->setChecked(boxed);
    if (m_style.boxNamespaces == boxed)
        return;
    m_style.boxNamespaces = boxed;
    m_fitPending = true;
    m_updater->relayout();
}

void GraphPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu;
    // The namespace under the pointer: a collapsed node, or a node or box inside an expanded one.
    for (QGraphicsItem *item : m_view->items(pos)) {
        std::string ns;
        bool collapsed = false;
        if (const auto *node = dynamic_cast<const GraphNodeItem *>(item)) {
            ns = node->node().ns;
            collapsed = node->node().kind == GraphNodeKind::Namespace;
        } else if (const auto *box = dynamic_cast<const NamespaceBoxItem *>(item)) {
            ns = box->ns();
        }
        if (ns.empty())
            continue;
        const QString name = QString::fromStdString(ns);
        if (collapsed)
            menu.addAction(tr("Expand Namespace %1").arg(name), this, [this, name] { setNamespaceCollapsed(name, false); });
        else
            menu.addAction(tr("Collapse Namespace %1").arg(name), this, [this, name] { setNamespaceCollapsed(name, true); });
        menu.addSeparator();
        break;
    }
    menu.addActions(m_namespacesMenu->actions());
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void GraphPanel::resetView()
{
    setCollapsedNamespaces({}); // another folder's namespaces
    m_fitPending = true;
    m_focusSeeds.clear();
    m_pendingVirtualService.clear();
    m_pendingResource = {};
    m_scene->clearSelection();
}

bool GraphPanel::isBusy() const { return m_updater->isBusy() || m_focusLayoutRunning || !m_scene->isComplete(); }

bool GraphPanel::isLayingOut() const
{
    return m_updater->isLayingOut() || m_focusLayoutRunning;
}

void GraphPanel::fit()
{
    m_view->fitGraph(m_scene->visibleBounds());
}

void GraphPanel::selectVirtualService(const QString &nsName)
{
    m_pendingVirtualService = nsName;
    m_pendingResource = {};
    applyPendingSelection();
}

void GraphPanel::selectResource(const ResourceId &resource)
{
    m_pendingResource = resource;
    m_pendingVirtualService.clear();
    applyPendingSelection();
}

void GraphPanel::applyPendingSelection()
{
    const auto graph = m_scene->graph();
    if (!graph || m_updater->isBusy() || !m_scene->isComplete())
        return; // done once the graph for the current mesh is shown
    if (!m_pendingVirtualService.isEmpty()) {
        m_scene->selectVirtualService(std::exchange(m_pendingVirtualService, QString()));
    } else if (!m_pendingResource.kind.empty()) {
        const ResourceId resource = std::exchange(m_pendingResource, ResourceId());
        if (resource.kind == "VirtualService") {
            m_scene->selectVirtualService(QString::fromStdString(resource.ns + '/' + resource.name));
        } else if (m_mesh) {
            int node = graph->nodeForResource(*m_mesh, resource);
            if (node < 0) // in a collapsed namespace: its node stands for it
                node = graph->nodeIndex(namespaceNodeId(resource.ns));
            if (node >= 0)
                m_scene->selectNode(QString::fromStdString(graph->nodes()[size_t(node)].id));
        }
    } else {
        return;
    }
    QRectF selection;
    for (QGraphicsItem *item : m_scene->selectedItems())
        selection |= item->sceneBoundingRect();
    m_view->reveal(selection);
}

void GraphPanel::showLaidOut(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout)
{
    m_fullGraph = std::move(graph);
    m_fullLayout = std::move(layout);
    m_focusKept.clear();
    if (m_findBar->focusMode() && m_scene->graph()) {
        applyFind(); // lays the focused part of the new graph out
        return;
    }
    showWholeGraph();
    applyFind();
}

void GraphPanel::showWholeGraph()
{
    m_focusKept.clear();
    showGraph(m_fullGraph, m_fullLayout);
    if (m_fitPending || m_view->followsFit()) {
        m_fitPending = false;
        fit();
    }
    // Where the user's click was: on a graph too large to read when fitted, at a size to read.
    if (!m_revealNamespace.isEmpty())
        revealNamespace(std::exchange(m_revealNamespace, QString()));
    announceShown();
}

void GraphPanel::showGraph(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const GraphGeometry> layout)
{
    m_style.adaptToGraphSize(graph->nodes().size());
    m_scene->setGraph(std::move(graph), std::move(layout)); // the minimap is refreshed on completed()
}

void GraphPanel::announceShown()
{
    if (m_scene->isComplete())
        Q_EMIT graphShown();
    else
        m_shownWhenComplete = true;
}

void GraphPanel::onSceneCompleted()
{
    m_minimap->refresh();
    applyPendingSelection();
    if (std::exchange(m_shownWhenComplete, false))
        Q_EMIT graphShown();
    Q_EMIT busyChanged(isBusy());
}

void GraphPanel::showUpdated(std::shared_ptr<const MeshGraph> graph)
{
    m_fullGraph = std::move(graph);
    if (m_focusKept.empty()) {
        m_scene->updateGraph(m_fullGraph);
    } else {
        // The same nodes with new shares: the focused layout still fits.
        auto focused = std::make_shared<const MeshGraph>(m_fullGraph->subgraph(m_focusKept));
        if (!focused->sameTopology(*m_scene->graph())) {
            m_focusKept.clear(); // lay the focused part out again
            applyFind();
            return;
        }
        m_scene->updateGraph(std::move(focused));
    }
    applyFind();
    Q_EMIT graphShown();
}

std::vector<int> GraphPanel::selectedNodes() const
{
    std::vector<int> nodes;
    const int selected = m_fullGraph->nodeIndex(m_scene->selectedNodeId().toStdString());
    if (selected >= 0)
        nodes.push_back(selected);
    else if (!m_scene->selectedVirtualService().isEmpty())
        nodes = m_fullGraph->nodesOfVirtualService(m_scene->selectedVirtualService().toStdString());
    return nodes;
}

void GraphPanel::applyFind()
{
    if (!m_fullGraph || !m_mesh || !m_scene->graph())
        return;
    const FindMatches matches = runQuery();
    if (applyFocus(matches))
        applyFilter(matches);
}

GraphPanel::FindMatches GraphPanel::runQuery()
{
    FindMatches matches;
    const QString text = m_findBar->query().trimmed();
    if (text.isEmpty()) {
        m_findBar->showResult(QString(), false);
        return matches;
    }
    const Result<GraphQuery> query = GraphQuery::parse(text.toStdString());
    if (!query) {
        m_findBar->showResult(QString::fromStdString(query.error()), true);
        return matches;
    }
    matches.nodes = query->select(*m_fullGraph, *m_mesh);
    matches.active = true;
    const int total = int(m_fullGraph->nodes().size());
    const QString found = QLocale().toString(qlonglong(matches.nodes.size()));
    m_findBar->showResult(tr("%1 of %Ln node(s)", nullptr, total).arg(found), false);
    return matches;
}

bool GraphPanel::applyFocus(const FindMatches &matches)
{
    if (!m_findBar->focusMode()) {
        if (!m_focusKept.empty()) {
            showWholeGraph();
            fit();
        }
        return true;
    }
    if (m_focusSeeds.empty()) { // what focus starts from: found, else selected
        for (const int node : matches.active ? matches.nodes : selectedNodes())
            m_focusSeeds.push_back(m_fullGraph->nodes()[size_t(node)].id);
    }
    std::vector<int> seeds;
    for (const std::string &id : m_focusSeeds) {
        if (const int node = m_fullGraph->nodeIndex(id); node >= 0)
            seeds.push_back(node);
    }
    if (seeds.empty()) {
        m_findBar->showResult(tr("Select a node or find something to focus on"), true);
        if (m_scene->graph() != m_fullGraph)
            showWholeGraph(); // nothing to focus on (a new folder, say): all of it
        return true;
    }
    std::vector<int> keep = graphNeighbourhood(*m_fullGraph, seeds, m_findBar->hops());
    if (keep == m_focusKept)
        return true;
    layOutFocus(std::move(keep));
    return false; // applyFind() runs again once it is laid out
}

GraphPanel::NodeFilter GraphPanel::nodeFilter(const FindMatches &matches) const
{
    // The scene shows the whole graph or a subgraph: find by node id.
    const MeshGraph &shown = *m_scene->graph();
    NodeFilter filter;
    filter.found.assign(shown.nodes().size(), 0);
    for (const int node : matches.nodes) {
        if (const int index = shown.nodeIndex(m_fullGraph->nodes()[size_t(node)].id); index >= 0)
            filter.found[size_t(index)] = 1;
    }
    if (!matches.active)
        return filter;
    const size_t count = filter.found.size();
    switch (m_findBar->mode()) {
    case GraphFindBar::Mode::Highlight:
        if (m_focusKept.empty()) { // focus shows what was found, with its neighbours at full strength
            filter.dimmed.resize(count);
            for (size_t i = 0; i < count; ++i)
                filter.dimmed[i] = !filter.found[i];
        }
        break;
    case GraphFindBar::Mode::ShowOnly:
    case GraphFindBar::Mode::Hide: {
        const bool keepFound = m_findBar->mode() == GraphFindBar::Mode::ShowOnly;
        filter.hidden.resize(count);
        for (size_t i = 0; i < count; ++i)
            filter.hidden[i] = filter.found[i] != keepFound;
        // An app box is shown while one of its versions is.
        for (size_t i = 0; i < count; ++i) {
            if (const int parent = shown.nodes()[i].parent; parent >= 0 && !filter.hidden[i])
                filter.hidden[size_t(parent)] = 0;
        }
        break;
    }
    }
    return filter;
}

void GraphPanel::applyFilter(const FindMatches &matches)
{
    const NodeFilter filter = nodeFilter(matches);
    const bool highlight = m_findBar->mode() == GraphFindBar::Mode::Highlight;
    m_scene->setNodeFilter(highlight ? filter.found : std::vector<char>(), filter.dimmed, filter.hidden);
    const bool wasHidden = std::exchange(m_someHidden, !filter.hidden.empty());
    const bool newQuery = m_findBar->query() != m_shownQuery;
    if (wasHidden || m_someHidden || newQuery)
        m_minimap->refresh(); // not on every drag step: only when what it draws changed
    if (!filter.hidden.empty()) {
        fit();
    } else if (!filter.dimmed.empty() && newQuery) {
        // A new find goes to what it found, as a text editor's does (on a
        // fitted 10,000-node graph the found nodes are dots among dots).
        m_view->fitGraph(m_scene->nodesBounds(filter.found));
    }
    m_shownQuery = m_findBar->query();
}

GraphUpdater::Measure GraphPanel::measureWithCurrentStyle() const
{
    // Qt measures text on any thread; the copy keeps the GUI thread's later
    // changes (namespace boxes, a language) out of a layout already running.
    return [style = m_style](const MeshGraph &graph) { return style.layoutInput(graph); };
}

void GraphPanel::layOutFocus(std::vector<int> keep)
{
    auto focused = std::make_shared<const MeshGraph>(m_fullGraph->subgraph(keep));
    const int ticket = m_focusLayouts.next();
    m_focusLayoutRunning = true;
    Q_EMIT busyChanged(true);
    runInBackground(
        this,
        [focused, measure = measureWithCurrentStyle()] {
            const LayoutInput input = measure(*focused);
            return GraphLayout::compute(*focused, input.sizes, input.options);
        },
        [this, ticket, focused, keep = std::move(keep)](Result<GraphGeometry> layout) {
            if (!m_focusLayouts.isLatest(ticket))
                return;
            m_focusLayoutRunning = false;
            if (!layout) {
                Q_EMIT failed(QString::fromStdString(layout.error()));
            } else if (m_findBar->focusMode()) {
                m_focusKept = keep;
                showGraph(focused, std::make_shared<const GraphGeometry>(std::move(layout).value()));
                fit();
                applyFind();
                announceShown();
            }
            Q_EMIT busyChanged(isBusy());
        });
}

void GraphPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_scene->refreshTexts();
        m_updater->relayout(); // translated subtitles change node widths
    }
    QWidget::changeEvent(event);
}

void GraphPanel::retranslate()
{
    m_zoomIn->setText(tr("Zoom In"));
    m_zoomIn->setToolTip(tr("Zoom in (+)"));
    m_zoomOut->setText(tr("Zoom Out"));
    m_zoomOut->setToolTip(tr("Zoom out (-)"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole graph (0)"));
    m_namespacesMenu->setTitle(tr("&Namespaces"));
    m_boxNamespaces->setText(tr("Namespace Boxes"));
    m_collapseAll->setText(tr("Collapse All"));
    m_expandAll->setText(tr("Expand All"));
    m_expandAll->setEnabled(!m_updater->collapsedNamespaces().empty());
}

} // namespace meshlane::ui
