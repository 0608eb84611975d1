// SPDX-License-Identifier: MIT
// Graph layout on the 1,000-service synthetic mesh (meshgen --services 1000
// --versions 3), against the `dot` program on the same .dot text in the same run.
//
//   build/tests/bench/bench_layout [--benchmark_filter=...]
//
// BM_DotProgram runs first (`dot -Tdot` on the whole graph, as a user would);
// the others report x_dot, their time over its: BM_WholeGraphInProcess is the
// same work with the Graphviz library in-process, BM_GraphLayoutCompute what
// the GUI runs (each connected part on its own, then packed).
//
// MESHLANE_BENCH_MESH=DIR uses an existing folder instead of generating one.
//
// Namespaces, on 10 meshgen namespaces of 999 services each (9,990
// services): BM_NamespaceLayout/0 is the layout unboxed, /1 with a box per
// namespace (x_unboxed: its time over /0's); BM_CollapseNamespaces folds 1
// or all 10 namespaces (x_build: its time over MeshGraph::build of the same
// mesh, BM_NamespacesBuild).

#include "bench/generatedmesh.h"
#include "graph/graphlayout.h"
#include "graph/meshgraph.h"
#include "graph/namespacecollapse.h"
#include "load/manifestloader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>

using namespace meshlane;

namespace {

struct Fixture
{
    QTemporaryDir scratch;
    MeshPtr mesh;
    std::unique_ptr<MeshGraph> graph;
    std::vector<LayoutSize> sizes;
    QString dotFile;
};

// Sizes like the GUI's: a 32 pt shape with its label under it.
std::vector<LayoutSize> typicalSizes(const MeshGraph &graph)
{
    std::vector<LayoutSize> sizes;
    for (const GraphNode &node : graph.nodes()) {
        const double label = 7.0 * double(node.label.size());
        sizes.push_back(node.kind == GraphNodeKind::App ? LayoutSize{label + 8, 16} : LayoutSize{std::max(40.0, label), 58});
    }
    return sizes;
}

Fixture &fixture()
{
    static Fixture *instance = [] {
        auto *f = new Fixture;
        QString folder = qEnvironmentVariable("MESHLANE_BENCH_MESH");
        if (folder.isEmpty()) {
            folder = f->scratch.filePath(QStringLiteral("mesh1000"));
            const int code = QProcess::execute(QStringLiteral(MESHGEN_PATH),
                                               {QStringLiteral("--services"), QStringLiteral("1000"), QStringLiteral("--versions"),
                                                QStringLiteral("3"), QStringLiteral("--out"), folder});
            if (code != 0)
                std::fprintf(stderr, "meshgen failed (%d)\n", code);
        }
        f->mesh = ManifestLoader().loadFolder(folder.toStdString()).mesh;
        f->graph = std::make_unique<MeshGraph>(MeshGraph::build(*f->mesh));
        f->sizes = typicalSizes(*f->graph);
        f->dotFile = f->scratch.filePath(QStringLiteral("mesh1000.dot"));
        QFile file(f->dotFile);
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray::fromStdString(GraphLayout::toDot(*f->graph, f->sizes)));
        return f;
    }();
    return *instance;
}

double g_dotProgramMs = 0; // mean, measured first

void counters(benchmark::State &state)
{
    state.counters["nodes"] = double(fixture().graph->nodes().size());
    state.counters["edges"] = double(fixture().graph->edges().size());
}

// Times each iteration by hand too, for the ratio to the dot program.
class RatioToDot
{
public:
    explicit RatioToDot(benchmark::State &state) : m_state(state) {}
    ~RatioToDot()
    {
        if (m_count > 0 && g_dotProgramMs > 0)
            m_state.counters["x_dot"] = m_totalMs / m_count / g_dotProgramMs;
    }
    void start() { m_start = std::chrono::steady_clock::now(); }
    void stop()
    {
        m_totalMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
        ++m_count;
    }

private:
    benchmark::State &m_state;
    std::chrono::steady_clock::time_point m_start;
    double m_totalMs = 0;
    int m_count = 0;
};

// Baseline: `dot -Tdot` on the same text, as a user would run it.
void BM_DotProgram(benchmark::State &state)
{
    Fixture &f = fixture();
    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (dot.isEmpty()) {
        state.SkipWithError("the dot program is not installed");
        return;
    }
    double totalMs = 0;
    int runs = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.start(dot, {QStringLiteral("-Tdot"), f.dotFile});
        if (!process.waitForFinished(-1) || process.exitCode() != 0)
            state.SkipWithError("dot failed");
        totalMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++runs;
    }
    g_dotProgramMs = runs > 0 ? totalMs / runs : 0;
    counters(state);
}

// Runs before every layout and after every edit (to compare topologies).
void BM_MeshGraphBuild(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state)
        benchmark::DoNotOptimize(MeshGraph::build(*f.mesh));
    counters(state);
}

// Registered in this order so the dot program's time is known to the others.
BENCHMARK(BM_DotProgram)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK(BM_MeshGraphBuild)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the GUI runs: each connected part laid out on its own, then packed.
void BM_GraphLayoutCompute(benchmark::State &state)
{
    Fixture &f = fixture();
    RatioToDot ratio(state);
    for (auto _ : state) {
        ratio.start();
        Result<GraphGeometry> result = GraphLayout::compute(*f.graph, f.sizes);
        ratio.stop();
        if (!result.ok()) {
            state.SkipWithError(result.error().c_str());
            break; // a failure has no geometry to keep
        }
        benchmark::DoNotOptimize(result);
    }
    counters(state);
}
BENCHMARK(BM_GraphLayoutCompute)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same dot text as one graph, with the Graphviz library in-process.
void BM_WholeGraphInProcess(benchmark::State &state)
{
    Fixture &f = fixture();
    const std::string dot = GraphLayout::toDot(*f.graph, f.sizes);
    RatioToDot ratio(state);
    for (auto _ : state) {
        ratio.start();
        const Result<void> laidOut = GraphLayout::layoutDotText(dot);
        ratio.stop();
        if (!laidOut)
            state.SkipWithError(laidOut.error().c_str());
    }
    counters(state);
}
BENCHMARK(BM_WholeGraphInProcess)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

struct NamespacesFixture
{
    MeshPtr mesh;
    std::unique_ptr<MeshGraph> graph;
    std::vector<LayoutSize> sizes;
    LayoutOptions boxed;
};

NamespacesFixture &namespaces()
{
    static NamespacesFixture *instance = [] {
        auto *f = new NamespacesFixture;
        f->mesh = ManifestLoader().loadFolder(generatedNamespaces(10, 999)).mesh;
        f->graph = std::make_unique<MeshGraph>(MeshGraph::build(*f->mesh));
        f->sizes = typicalSizes(*f->graph);
        for (const std::string &ns : graphNamespaces(*f->graph))
            f->boxed.namespaceTitles[ns] = {7.0 * double(ns.size()) + 24, 22};
        return f;
    }();
    return *instance;
}

double g_unboxedMs = 0;
double g_namespacesBuildMs = 0;

double meanMs(const std::vector<double> &times)
{
    double total = 0;
    for (double t : times)
        total += t;
    return times.empty() ? 0 : total / double(times.size());
}

template<typename Work>
std::vector<double> timedRuns(benchmark::State &state, Work work)
{
    std::vector<double> times;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return times;
}

void BM_NamespaceLayout(benchmark::State &state)
{
    NamespacesFixture &f = namespaces();
    const bool boxed = state.range(0) != 0;
    const LayoutOptions options = boxed ? f.boxed : LayoutOptions{};
    size_t boxes = 0;
    const std::vector<double> times = timedRuns(state, [&] {
        Result<GraphGeometry> result = GraphLayout::compute(*f.graph, f.sizes, options);
        if (!result.ok())
            state.SkipWithError(result.error().c_str());
        else
            boxes = result->namespaces.size();
    });
    state.counters["nodes"] = double(f.graph->nodes().size());
    state.counters["boxes"] = double(boxes);
    if (!boxed)
        g_unboxedMs = meanMs(times);
    else if (g_unboxedMs > 0)
        state.counters["x_unboxed"] = meanMs(times) / g_unboxedMs;
}
BENCHMARK(BM_NamespaceLayout)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_NamespacesBuild(benchmark::State &state)
{
    NamespacesFixture &f = namespaces();
    g_namespacesBuildMs = meanMs(timedRuns(state, [&] { benchmark::DoNotOptimize(MeshGraph::build(*f.mesh)); }));
    state.counters["nodes"] = double(f.graph->nodes().size());
}
BENCHMARK(BM_NamespacesBuild)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_CollapseNamespaces(benchmark::State &state)
{
    NamespacesFixture &f = namespaces();
    const std::vector<std::string> all = graphNamespaces(*f.graph);
    const std::set<std::string> folded(all.begin(), all.begin() + state.range(0));
    size_t nodes = 0;
    const std::vector<double> times = timedRuns(state, [&] { nodes = collapseNamespaces(*f.graph, folded).nodes().size(); });
    state.counters["nodes"] = double(nodes);
    if (g_namespacesBuildMs > 0)
        state.counters["x_build"] = meanMs(times) / g_namespacesBuildMs;
}
BENCHMARK(BM_CollapseNamespaces)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

} // namespace

BENCHMARK_MAIN();
