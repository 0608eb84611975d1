// Graph layout on the 1,000-service synthetic mesh (meshgen --services 1000
// --versions 3), against the `dot` program on the same .dot text in the same run.
//
//   build/tests/bench/bench_layout [--benchmark_filter=...]
//
// MESHLANE_BENCH_MESH=DIR uses an existing folder instead of generating one.

#include "graphlayout.h"
#include "manifestloader.h"
#include "meshgraph.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

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

void counters(benchmark::State &state)
{
    state.counters["nodes"] = double(fixture().graph->nodes().size());
    state.counters["edges"] = double(fixture().graph->edges().size());
}

// Runs before every layout and after every edit (to compare topologies).
void BM_MeshGraphBuild(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state)
        benchmark::DoNotOptimize(MeshGraph::build(*f.mesh));
    counters(state);
}
BENCHMARK(BM_MeshGraphBuild)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the GUI runs: each connected part laid out on its own, then packed.
void BM_GraphLayoutCompute(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state) {
        GraphLayoutResult result = GraphLayout::compute(*f.graph, f.sizes);
        if (!result.ok())
            state.SkipWithError(result.error.c_str());
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
    for (auto _ : state) {
        std::string error;
        if (!GraphLayout::layoutDotText(dot, &error))
            state.SkipWithError(error.c_str());
    }
    counters(state);
}
BENCHMARK(BM_WholeGraphInProcess)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

// Baseline: `dot -Tdot` on the same text, as a user would run it.
void BM_DotProgram(benchmark::State &state)
{
    Fixture &f = fixture();
    const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (dot.isEmpty()) {
        state.SkipWithError("the dot program is not installed");
        return;
    }
    for (auto _ : state) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.start(dot, {QStringLiteral("-Tdot"), f.dotFile});
        if (!process.waitForFinished(-1) || process.exitCode() != 0)
            state.SkipWithError("dot failed");
    }
    counters(state);
}
BENCHMARK(BM_DotProgram)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

} // namespace

BENCHMARK_MAIN();
