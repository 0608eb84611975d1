// SPDX-License-Identifier: MIT
// From a slider move to the YAML pane, the graph's edge label and the live
// plot showing the new weights, on the 1,000-service synthetic mesh (meshgen
// --services 1000 --versions 3), with the real window, offscreen and the
// simulation running at 1x. 200 moves of one drag (real mouse events on the
// real QSlider); median and 95th percentile. The same on 9,999 services.
//
//   build/tests/bench/bench_gui_weightdrag [--benchmark_filter=...]
//
// Per move, from the mouse event: yaml_* until the YAML pane shows the new
// weight, graph_* until the edge label to the dragged subset does, plot_*
// until the first simulated sample drawn with the new weight is in the live
// plot and it has replotted; the benchmark time (p50_ms, p95_ms) until all
// three are there and painted. gui_* is the longest single event the GUI
// thread handled for the move (gui_max_ms over all moves): while it runs
// nothing else can, which is what a user feels as a stutter.
//
// Baselines from the same run, as ratios: x_core_edit is the end-to-end
// median over the bare core edit (setRouteWeights) on the same mesh,
// x_greeter over the same drag on the 5-file greeter sample; p95_frames is the
// 95th percentile in 60 Hz frames (16.7 ms). MESHLANE_BENCH_MESH=DIR uses an
// existing folder instead of the 1,000-service one.

#include "bench/generatedmesh.h"
#include "bench/guibench.h"
#include "document/document.h"
#include "edit/meshedit.h"
#include "edit/weightbalancer.h"
#include "editing/destinationrow.h"
#include "editing/routeeditor.h"
#include "editing/weighteditor.h"
#include "graph/graphedgeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "load/manifestloader.h"
#include "shell/editingdocks.h"
#include "shell/mainwindow.h"
#include "shell/simulationdocks.h"
#include "simulation/liveplotpanel.h"
#include "simulation/qcustomplotinclude.h"
#include "simulation/simulationrunner.h"
#include "support/testdata.h"
#include "yaml/yamlpane.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QThread>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

using namespace meshlane;
using namespace meshlane::ui;
using namespace guibench;

namespace {

constexpr int kMoves = 200;
constexpr double kFrameMs = 1000.0 / 60.0;

// Medians of the baselines, for the ratios of the large-mesh drags.
std::map<int64_t, double> g_coreEditMedian; // by services
double g_greeterMedian = 0;

QString greeterFolder()
{
    return meshlane::test::samplesDir(QStringLiteral("greeter"));
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 600'000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

QPoint handleCentre(const QSlider &slider, int value)
{
    QStyleOptionSlider option;
    option.initFrom(&slider);
    option.orientation = slider.orientation();
    option.minimum = slider.minimum();
    option.maximum = slider.maximum();
    option.sliderPosition = value;
    option.sliderValue = value;
    option.subControls = QStyle::SC_All;
    return slider.style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, &slider).center();
}

// A window on `folder`, showing the first VirtualService whose first route has
// two or more destinations; the first of them is the one dragged.
struct Workbench
{
    std::unique_ptr<MainWindow> window;
    QString vs;
    QString edgeId; // graph edge to the dragged destination's workload
    std::string host;   // the dragged destination, as the simulation names it
    std::string subset;
    RouteEditor *route = nullptr;

    explicit Workbench(const QString &folder)
        : window(std::make_unique<MainWindow>(MainWindow::Options{.persistent = false}))
    {
        window->resize(1280, 800);
        window->show();
        window->openFolder(folder);
        if (!waitFor([this] { return !window->document()->folder().isEmpty() && !window->isBusy(); }))
            std::abort();
        const Mesh &mesh = *window->document()->mesh();
        for (const auto &candidate : mesh.virtualServices) {
            if (!candidate->http.empty() && candidate->http.front().route.size() >= 2) {
                vs = QString::fromStdString(candidate->meta.ns + '/' + candidate->meta.name);
                host = candidate->http.front().route.front().destination.fqdn;
                subset = candidate->http.front().route.front().destination.subset;
                break;
            }
        }
        window->graphPanel()->selectVirtualService(vs);
        // The simulation of the selected rule runs, its plot has points.
        SimulationRunner *runner = window->simulationDocks()->runner();
        if (!waitFor([&] { return runner->isSimulating() && runner->history().samples().size() > 2 && !window->isBusy(); }))
            std::abort();
        route = window->editingDocks()->weightEditor()->routeEditors().at(0);
        // The edge from the service to the workload of the dragged subset.
        const auto graph = window->graphPanel()->scene()->graph();
        const std::string ref = vs.toStdString();
        for (int index : graph->edgesOfVirtualService(ref)) {
            const GraphEdge &edge = graph->edges()[size_t(index)];
            if (edge.kind == GraphEdgeKind::Route && !edge.conditional) {
                edgeId = QString::fromStdString(edge.id);
                break;
            }
        }
    }

    double edgeShare() const
    {
        GraphEdgeItem *edge = window->graphPanel()->scene()->edgeItem(edgeId);
        return edge ? edge->edge().share : -1;
    }
};

// What one move is waiting for; the connections below fill it in as the
// views follow.
struct MoveProbe
{
    QElapsedTimer clock;
    bool active = false;
    QString yamlNeedle;
    double share = 0;
    bool sampleArrived = false; // a sample drawn with the new weight, added to the plot
    std::optional<double> yaml, graph, plot;

    double now() const { return double(clock.nsecsElapsed()) / 1e6; }
    bool done() const { return yaml && graph && plot; }
};

// One drag of 200 mouse moves; each move is timed until the YAML pane, the
// graph's edge label and the live plot show its weights. Returns the median.
double dragMoves(benchmark::State &state, const QString &folder)
{
    Workbench bench(folder);
    if (!bench.route || bench.edgeId.isEmpty()) {
        state.SkipWithError("no VirtualService with a weighted route");
        return 0;
    }
    QSlider *slider = bench.route->rows().at(0)->slider();
    YamlPane *yaml = bench.window->editingDocks()->yamlPane();
    SimulationDocks *simulation = bench.window->simulationDocks();
    MoveProbe probe;
    // Connected after the views' own connections, so each runs once the view has followed.
    QObject::connect(bench.window->document(), &Document::changed, yaml, [&] {
        if (probe.active && !probe.yaml && yaml->text().contains(probe.yamlNeedle))
            probe.yaml = probe.now();
    });
    QObject::connect(bench.window->graphPanel(), &GraphPanel::graphShown, yaml, [&] {
        if (probe.active && !probe.graph && std::abs(bench.edgeShare() - probe.share) < 1e-9)
            probe.graph = probe.now();
    });
    QObject::connect(simulation->runner(), &SimulationRunner::sampled, yaml, [&](const SimulationSample &sample) {
        if (probe.active && std::abs(sample.expected.destinationProbability(bench.host, bench.subset) - probe.share) < 1e-9)
            probe.sampleArrived = true;
    });
    QObject::connect(simulation->livePlotPanel()->plot(), &QCustomPlot::afterReplot, yaml, [&] {
        if (probe.active && probe.sampleArrived && !probe.plot)
            probe.plot = probe.now();
    });

    std::vector<double> endToEnd, yamlTimes, graphTimes, plotTimes, guiThread;
    QPoint at = handleCentre(*slider, slider->value());
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slider, &press);
    int move = 0;
    for (auto _ : state) {
        // 20..80 and back: every move changes both weights and the label.
        const int value = 20 + (move % 60 < 30 ? (move % 30) * 2 : 60 - (move % 30) * 2);
        ++move;
        at = handleCentre(*slider, value);
        QMouseEvent drag(QEvent::MouseMove, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        probe = MoveProbe{};
        probe.yamlNeedle = QStringLiteral("weight: %1\n").arg(value);
        probe.share = value / 100.0;
        probe.active = true;
        probe.clock.start();
        timingApp()->resetLongest();
        QApplication::sendEvent(slider, &drag); // as the event loop delivers it
        if (!probe.yaml && yaml->text().contains(probe.yamlNeedle))
            probe.yaml = probe.now(); // a synchronous edit refreshed the pane inside the event

        if (slider->value() != value || !runUntil([&] { return probe.done(); }, 10'000)) {
            state.SkipWithError("the YAML pane, the graph label or the plot did not follow the move");
            break;
        }
        QCoreApplication::processEvents(); // and paint it
        const double total = probe.now();
        probe.active = false;
        state.SetIterationTime(total / 1000.0);
        endToEnd.push_back(total);
        yamlTimes.push_back(*probe.yaml);
        graphTimes.push_back(*probe.graph);
        plotTimes.push_back(*probe.plot);
        guiThread.push_back(timingApp()->longest());
    }
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(slider, &release);
    runUntil([&] { return !bench.window->document()->isEditPending(); }, 10'000);
    if (bench.window->document()->undoStack()->count() != 1)
        state.SkipWithError("the drag did not merge into one undo step");
    if (endToEnd.empty())
        return 0;
    state.counters["p50_ms"] = percentile(endToEnd, 0.5);
    state.counters["p95_ms"] = percentile(endToEnd, 0.95);
    state.counters["p95_frames"] = percentile(endToEnd, 0.95) / kFrameMs;
    percentiles(state, "yaml", yamlTimes);
    percentiles(state, "graph", graphTimes);
    percentiles(state, "plot", plotTimes);
    percentiles(state, "gui", guiThread);
    state.counters["gui_max_ms"] = *std::max_element(guiThread.begin(), guiThread.end());
    return percentile(endToEnd, 0.5);
}

void BM_SliderMove(benchmark::State &state)
{
    const double median = dragMoves(state, meshFolder(int(state.range(0))));
    if (median > 0 && g_coreEditMedian[state.range(0)] > 0)
        state.counters["x_core_edit"] = median / g_coreEditMedian[state.range(0)];
    if (median > 0 && g_greeterMedian > 0)
        state.counters["x_greeter"] = median / g_greeterMedian;
}

void BM_SliderMove_Greeter(benchmark::State &state)
{
    g_greeterMedian = dragMoves(state, greeterFolder());
}

// The floor: the edit operation alone on the same mesh and route.
void BM_CoreSetWeights(benchmark::State &state)
{
    const MeshPtr mesh = ManifestLoader().loadFolder(meshFolder(int(state.range(0))).toStdString()).mesh;
    const VirtualService *vs = nullptr;
    for (const auto &candidate : mesh->virtualServices) {
        if (!candidate->http.empty() && candidate->http.front().route.size() >= 2) {
            vs = candidate.get();
            break;
        }
    }
    const RouteRef ref{vs->meta.ns, vs->meta.name, 0};
    const size_t destinations = vs->http.front().route.size();
    std::vector<double> times;
    int move = 0;
    for (auto _ : state) {
        const int value = 20 + (move++ % 60);
        QElapsedTimer timer;
        timer.start();
        std::vector<int64_t> even(destinations, 1);
        const Result<MeshChange> result = setRouteWeights(mesh, ref, WeightBalancer::drag(even, {}, 0, value));
        benchmark::DoNotOptimize(result->mesh);
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(elapsed / 1000.0);
        times.push_back(elapsed);
    }
    state.counters["p50_ms"] = percentile(times, 0.5);
    state.counters["p95_ms"] = percentile(times, 0.95);
    g_coreEditMedian[state.range(0)] = percentile(times, 0.5);
}

} // namespace

BENCHMARK(BM_CoreSetWeights)->Arg(1000)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderMove_Greeter)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderMove)->Arg(1000)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);
// 9,999 services: meshgen's largest.
BENCHMARK(BM_CoreSetWeights)->Arg(9999)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderMove)->Arg(9999)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    return runGuiBenchmarks(argc, argv);
}
