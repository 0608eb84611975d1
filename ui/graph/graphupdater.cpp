// SPDX-License-Identifier: MIT
#include "graph/graphupdater.h"

#include "base/backgroundjob.h"
#include "graph/namespacecollapse.h"
#include "graph/routesharememo.h"

namespace meshlane::ui {

namespace {

struct BuiltGraph
{
    std::shared_ptr<const MeshGraph> graph; // folded
    std::shared_ptr<const MeshGraph> whole;
    MeshPtr mesh;
    std::shared_ptr<RouteShareMemo> memo;
    bool sameTopology = false;
};

} // namespace

GraphUpdater::GraphUpdater(MeasureFactory measure, QObject *parent)
    : QObject(parent)
    , m_measure(std::move(measure))
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

bool GraphUpdater::setCollapsedNamespaces(std::set<std::string> namespaces)
{
    if (namespaces == m_collapsed)
        return false;
    m_collapsed = std::move(namespaces);
    if (m_mesh)
        setMesh(m_mesh); // the same snapshot: an update with nothing to redo, then folded anew
    return true;
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
    auto build = [mesh, routers = m_routers, previous = m_graph, previousWhole = m_whole, previousMesh = m_graphMesh,
                  previousMemo = m_memo, collapsed = m_collapsed, retired = std::exchange(m_retired, {})] {
        // Edge labels show what the routing engine does with a plain request.
        auto memo = std::make_shared<RouteShareMemo>(routers->routerFor(mesh), previousMemo.get());
        std::shared_ptr<const MeshGraph> whole;
        if (previousWhole) {
            const std::optional<std::vector<char>> ask = memo->rulesToAsk(*previousMesh, *mesh);
            whole = std::make_shared<const MeshGraph>(
                MeshGraph::update(*previousWhole, *previousMesh, *mesh, memo->model(), ask ? &*ask : nullptr));
        } else {
            whole = std::make_shared<const MeshGraph>(MeshGraph::build(*mesh, memo->model()));
        }
        auto graph = collapsed.empty() ? whole : std::make_shared<const MeshGraph>(collapseNamespaces(*whole, collapsed));
        // Incremental from the graph handed out last (not when that one was folded otherwise).
        const bool same = previous
            && ((graph->isIncremental() && graph->updatedFrom() == previous->serial()) || graph->sameTopology(*previous));
        return BuiltGraph{std::move(graph), std::move(whole), mesh, std::move(memo), same};
    };
    runInBackground(
        this, std::move(build),
        [this, forceLayout](BuiltGraph built) {
            m_memo = std::move(built.memo);
            if (built.sameTopology && !forceLayout) {
                m_retired = std::exchange(m_graph, built.graph);
                m_whole = std::move(built.whole);
                m_graphMesh = std::move(built.mesh);
                Q_EMIT graphUpdated(built.graph);
                finish();
            } else {
                layOut(std::move(built.graph), std::move(built.whole), std::move(built.mesh));
            }
        },
        JobPriority::Foreground);
}

void GraphUpdater::layOut(std::shared_ptr<const MeshGraph> graph, std::shared_ptr<const MeshGraph> whole, MeshPtr mesh)
{
    m_layingOut = true;
    Q_EMIT layoutStarted();
    const auto compute = [graph, measure = m_measure()] {
        const LayoutInput input = measure(*graph);
        return GraphLayout::compute(*graph, input.sizes, input.options);
    };
    runInBackground(
        this, compute,
        [this, graph, whole = std::move(whole), mesh = std::move(mesh)](Result<GraphGeometry> layout) {
            m_layingOut = false;
            if (layout) {
                m_retired = std::exchange(m_graph, graph);
                m_whole = whole;
                m_graphMesh = mesh;
                Q_EMIT graphLaidOut(graph, std::make_shared<const GraphGeometry>(std::move(layout).value()));
            } else {
                Q_EMIT failed(QString::fromStdString(layout.error()));
            }
            finish();
        },
        JobPriority::Foreground);
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
