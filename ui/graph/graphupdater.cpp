// SPDX-License-Identifier: MIT
#include "graph/graphupdater.h"

#include "base/backgroundjob.h"

#include "graph/routesharememo.h"


namespace meshlane::ui {

namespace {

struct BuiltGraph
{
    std::shared_ptr<const MeshGraph> graph;
    MeshPtr mesh;
    std::shared_ptr<RouteShareMemo> memo;
    bool sameTopology = false;
};

} // namespace

GraphUpdater::GraphUpdater(SizeFunction sizes, QObject *parent)
    : QObject(parent)
    , m_sizes(std::move(sizes))
    , m_routers(std::make_shared<RouterCache>())
{
}

void GraphUpdater::setRouterCache(RouterCachePtr routers)
{
    m_routers = std::move(routers);
}

void GraphUpdater::setMesh(MeshPtr mesh)
{
    m_mesh = mesh;
    m_pending = std::move(mesh);
    if (!m_running)
        startNext();
}

void GraphUpdater::relayout()
{
    if (!m_mesh)
        return;
    m_forceLayout = true;
    setMesh(m_mesh);
}

void GraphUpdater::startNext()
{
    if (!m_running) {
        m_running = true;
        Q_EMIT busyChanged(true);
    }
    MeshPtr mesh = std::move(m_pending);
    m_pending.reset();
    const bool forceLayout = std::exchange(m_forceLayout, false);
    // The graph replaced last time goes with this job: freeing thousands of
    // nodes and edges is the pool thread's work, not the GUI thread's (the
    // scene has let go of it by now; the job's captures die on the pool thread).
    auto build = [mesh, routers = m_routers, previous = m_graph, previousMesh = m_graphMesh,
                        previousMemo = m_memo, retired = std::exchange(m_retired, {})] {
        // Edge labels show what the routing engine does with a plain request.
        auto memo = std::make_shared<RouteShareMemo>(routers->routerFor(mesh), previousMemo.get());
        auto graph = std::make_shared<const MeshGraph>(previous ? MeshGraph::update(*previous, *previousMesh, *mesh, memo->model())
                                                                : MeshGraph::build(*mesh, memo->model()));
        const bool same = previous && (graph->isIncremental() || graph->sameTopology(*previous));
        return BuiltGraph{std::move(graph), mesh, std::move(memo), same};
    };
    runInBackground(this, std::move(build), [this, forceLayout](BuiltGraph built) {
        m_memo = std::move(built.memo);
        if (built.sameTopology && !forceLayout) {
            m_retired = std::exchange(m_graph, built.graph);
            m_graphMesh = std::move(built.mesh);
            Q_EMIT graphUpdated(built.graph);
            finish();
        } else {
            layOut(std::move(built.graph), std::move(built.mesh));
        }
    });
}

void GraphUpdater::layOut(std::shared_ptr<const MeshGraph> graph, MeshPtr mesh)
{
    Q_EMIT layoutStarted();
    std::vector<LayoutSize> sizes = m_sizes(*graph);
    const auto compute = [graph, sizes = std::move(sizes)] { return GraphLayout::compute(*graph, sizes); };
    runInBackground(this, compute, [this, graph, mesh = std::move(mesh)](Result<GraphGeometry> layout) {
        if (layout) {
            m_retired = std::exchange(m_graph, graph);
            m_graphMesh = mesh;
            Q_EMIT graphLaidOut(graph, std::make_shared<const GraphGeometry>(std::move(layout).value()));
        } else {
            Q_EMIT failed(QString::fromStdString(layout.error()));
        }
        finish();
    });
}

void GraphUpdater::finish()
{
    if (m_pending) {
        startNext();
        return;
    }
    m_running = false;
    Q_EMIT busyChanged(false);
}

} // namespace meshlane::ui
