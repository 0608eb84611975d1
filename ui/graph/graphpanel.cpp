// SPDX-License-Identifier: MIT
#include "graph/graphpanel.h"

#include "graph/graphnodeitem.h"
#include "graph/graphscene.h"
#include "graph/graphupdater.h"
#include "graph/graphview.h"

#include <QAction>
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
{
    m_view->setScene(m_scene);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_zoomIn = m_toolBar->addAction(QString(), this, [this] { m_view->zoomBy(1.25); });
    m_zoomOut = m_toolBar->addAction(QString(), this, [this] { m_view->zoomBy(0.8); });
    m_fit = m_toolBar->addAction(QString(), this, &GraphPanel::fit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);
    retranslate();

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
    connect(m_updater, &GraphUpdater::graphUpdated, this, [this](std::shared_ptr<const MeshGraph> graph) {
        m_scene->updateGraph(std::move(graph));
        Q_EMIT graphShown();
    });
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
    m_pendingVirtualService.clear();
    m_pendingResource = {};
    m_scene->clearSelection();
}

bool GraphPanel::isBusy() const
{
    return m_updater->isBusy();
}

void GraphPanel::fit()
{
    m_view->fitGraph(m_scene->graphBounds());
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
    m_style.adaptToGraphSize(graph->nodes().size());
    m_scene->setGraph(std::move(graph), *layout);
    if (m_fitPending || m_view->followsFit()) {
        m_fitPending = false;
        fit();
    }
    Q_EMIT graphShown();
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
