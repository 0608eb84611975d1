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

#include <QAction>
#include <QLocale>
#include <QEvent>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace meshlane::ui {

GraphPanel::GraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_scene(new GraphScene(m_style, this))
    , m_view(new GraphView(this))
    , m_updater(new GraphUpdater([this](const MeshGraph &graph) { return m_style.layoutSizes(graph); }, this))
    , m_toolBar(new QToolBar(this))
    , m_findBar(new GraphFindBar(this))
{
    m_view->setScene(m_scene);
    m_minimap = new GraphMinimap(m_view, m_scene);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_zoomIn = m_toolBar->addAction(QString(), this, [this] { m_view->zoomBy(1.25); });
    m_zoomOut = m_toolBar->addAction(QString(), this, [this] { m_view->zoomBy(0.8); });
    m_fit = m_toolBar->addAction(QString(), this, &GraphPanel::fit);
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
    connect(m_updater, &GraphUpdater::busyChanged, this, [this](bool busy) {
        if (!busy)
            applyPendingSelection();
        Q_EMIT busyChanged(busy);
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

void GraphPanel::resetView()
{
    m_fitPending = true;
    m_focusSeeds.clear();
    m_pendingVirtualService.clear();
    m_pendingResource = {};
    m_scene->clearSelection();
}

bool GraphPanel::isBusy() const
{
    return m_updater->isBusy() || m_focusLayoutRunning;
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
    if (!graph || m_updater->isBusy())
        return; // done once the graph for the current mesh is shown
    if (!m_pendingVirtualService.isEmpty()) {
        m_scene->selectVirtualService(std::exchange(m_pendingVirtualService, QString()));
    } else if (!m_pendingResource.kind.empty()) {
        const ResourceId resource = std::exchange(m_pendingResource, ResourceId());
        if (resource.kind == "VirtualService") {
            m_scene->selectVirtualService(QString::fromStdString(resource.ns + '/' + resource.name));
        } else if (m_mesh) {
            const int node = graph->nodeForResource(*m_mesh, resource);
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
    m_style.adaptToGraphSize(m_fullGraph->nodes().size());
    m_scene->setGraph(m_fullGraph, *m_fullLayout);
    m_minimap->refresh();
    if (m_fitPending || m_view->followsFit()) {
        m_fitPending = false;
        fit();
    }
    Q_EMIT graphShown();
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
    const int total = int(m_fullGraph->nodes().size());
    const QString text = m_findBar->query().trimmed();
    std::vector<int> found;
    bool finding = false;
    if (!text.isEmpty()) {
        const Result<GraphQuery> query = GraphQuery::parse(text.toStdString());
        if (query) {
            found = query->select(*m_fullGraph, *m_mesh);
            finding = true;
            m_findBar->showResult(tr("%1 of %Ln node(s)", nullptr, total).arg(QLocale().toString(qlonglong(found.size()))),
                                  false);
        } else {
            m_findBar->showResult(QString::fromStdString(query.error()), true);
        }
    } else {
        m_findBar->showResult(QString(), false);
    }

    if (m_findBar->focusMode()) {
        if (m_focusSeeds.empty()) { // what focus starts from: found, else selected
            for (const int node : finding ? found : selectedNodes())
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
        } else if (std::vector<int> keep = graphNeighbourhood(*m_fullGraph, seeds, m_findBar->hops());
                   keep != m_focusKept) {
            layOutFocus(std::move(keep));
            return; // applyFind() again once it is laid out
        }
    } else if (!m_focusKept.empty()) {
        showWholeGraph();
        fit();
    }

    // The scene shows the whole graph or a subgraph: find by node id.
    const MeshGraph &shown = *m_scene->graph();
    std::vector<char> isFound(shown.nodes().size(), 0);
    for (const int node : found) {
        if (const int index = shown.nodeIndex(m_fullGraph->nodes()[size_t(node)].id); index >= 0)
            isFound[size_t(index)] = 1;
    }
    std::vector<char> dimmed, hidden;
    if (finding) {
        switch (m_findBar->mode()) {
        case GraphFindBar::Mode::Highlight:
            if (!m_focusKept.empty())
                break; // focus already shows what was found, with its neighbours at full strength
            dimmed.resize(isFound.size());
            for (size_t i = 0; i < isFound.size(); ++i)
                dimmed[i] = !isFound[i];
            break;
        case GraphFindBar::Mode::ShowOnly:
        case GraphFindBar::Mode::Hide: {
            const bool keepFound = m_findBar->mode() == GraphFindBar::Mode::ShowOnly;
            hidden.resize(isFound.size());
            for (size_t i = 0; i < isFound.size(); ++i)
                hidden[i] = isFound[i] != keepFound;
            // An app box is shown while one of its versions is.
            for (size_t i = 0; i < hidden.size(); ++i) {
                if (const int parent = shown.nodes()[i].parent; parent >= 0 && !hidden[i])
                    hidden[size_t(parent)] = 0;
            }
            break;
        }
        }
    }
    m_scene->setNodeFilter(m_findBar->mode() == GraphFindBar::Mode::Highlight ? isFound : std::vector<char>(),
                           dimmed, hidden);
    const bool wasHidden = std::exchange(m_someHidden, !hidden.empty());
    if (wasHidden || m_someHidden || m_findBar->query() != m_shownQuery)
        m_minimap->refresh(); // not on every drag step: only when what it draws changed
    if (!hidden.empty()) {
        fit();
    } else if (!dimmed.empty() && m_findBar->query() != m_shownQuery) {
        // A new find goes to what it found, as a text editor's does (on a
        // fitted 10,000-node graph the found nodes are dots among dots).
        m_view->fitGraph(m_scene->nodesBounds(isFound));
    }
    m_shownQuery = m_findBar->query();
}

void GraphPanel::layOutFocus(std::vector<int> keep)
{
    auto focused = std::make_shared<const MeshGraph>(m_fullGraph->subgraph(keep));
    std::vector<LayoutSize> sizes = m_style.layoutSizes(*focused);
    const int ticket = m_focusLayouts.next();
    m_focusLayoutRunning = true;
    Q_EMIT busyChanged(true);
    runInBackground(
        this, [focused, sizes = std::move(sizes)] { return GraphLayout::compute(*focused, sizes); },
        [this, ticket, focused, keep = std::move(keep)](Result<GraphGeometry> layout) {
            if (!m_focusLayouts.isLatest(ticket))
                return;
            m_focusLayoutRunning = false;
            if (!layout) {
                Q_EMIT failed(QString::fromStdString(layout.error()));
            } else if (m_findBar->focusMode()) {
                m_focusKept = keep;
                m_style.adaptToGraphSize(focused->nodes().size());
                m_scene->setGraph(focused, layout.value());
                m_minimap->refresh();
                fit();
                applyFind();
                Q_EMIT graphShown();
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
}

} // namespace meshlane::ui
