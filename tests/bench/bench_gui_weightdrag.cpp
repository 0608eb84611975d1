// From a slider move to the YAML pane and the graph's edge label showing the
// new weights, on the 1,000-service synthetic mesh (meshgen --services 1000
// --versions 3), with the real window, offscreen. 200 moves of one drag (real
// mouse events on the real QSlider); median and 95th percentile.
//
//   build/tests/bench/bench_gui_weightdrag [--benchmark_filter=...]
//
// Three figures per move: gui_* is the longest single event the GUI thread
// handled for it (the frame budget: on the large mesh the edit and the graph
// are computed on worker threads), yaml_* is until the document has the new
// snapshot (the YAML pane and the sliders are refreshed right then), and the
// benchmark time is until the graph's edge label shows it too. Baselines from the same run: the bare core
// edit (setRouteWeights) on the same mesh, and the same drag on the 5-file
// greeter sample. MESHLANE_BENCH_MESH=DIR uses an existing folder.

#include "appearance.h"
#include "destinationrow.h"
#include "document.h"
#include "editingdocks.h"
#include "generatedmesh.h"
#include "graphedgeitem.h"
#include "graphpanel.h"
#include "graphscene.h"
#include "mainwindow.h"
#include "manifestloader.h"
#include "meshedit.h"
#include "routeeditor.h"
#include "weightbalancer.h"
#include "weighteditor.h"
#include "yamlpane.h"

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
#include <memory>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

constexpr int kMoves = 200;

QString meshFolder()
{
    const QString given = qEnvironmentVariable("MESHLANE_BENCH_MESH");
    return given.isEmpty() ? QString::fromStdString(generatedMesh(1000)) : given;
}

QString greeterFolder()
{
    return QStringLiteral(MESHLANE_SOURCE_DIR "/samples/greeter");
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
                break;
            }
        }
        window->graphPanel()->selectVirtualService(vs);
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

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5));
    return values[index];
}

void report(benchmark::State &state, const std::vector<double> &endToEnd, const std::vector<double> &guiThread)
{
    state.counters["p50_ms"] = percentile(endToEnd, 0.5);
    state.counters["p95_ms"] = percentile(endToEnd, 0.95);
    if (!guiThread.empty()) {
        state.counters["gui_p50_ms"] = percentile(guiThread, 0.5);
        state.counters["gui_p95_ms"] = percentile(guiThread, 0.95);
    }
}

// The longest single event the GUI thread handled: while it runs, nothing
// else (painting, input) can; what a user would feel as a stutter.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0) { // sent from inside another event: part of its time
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        m_longest = std::max(m_longest, double(timer.nsecsElapsed()) / 1e6);
        return handled;
    }

    void resetLongest(double ms) { m_longest = ms; }
    double longest() const { return m_longest; }

private:
    int m_depth = 0;
    double m_longest = 0;
};

TimingApplication *timingApp()
{
    return static_cast<TimingApplication *>(QCoreApplication::instance());
}

// Runs the event loop (blocking while idle, as an application does) until `condition`.
bool runUntil(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

// One drag of 200 mouse moves; each move is timed until the YAML pane and the
// graph's edge label show its weights.
void dragMoves(benchmark::State &state, const QString &folder)
{
    Workbench bench(folder);
    if (!bench.route || bench.edgeId.isEmpty()) {
        state.SkipWithError("no VirtualService with a weighted route");
        return;
    }
    QSlider *slider = bench.route->rows().at(0)->slider();
    YamlPane *yaml = bench.window->editingDocks()->yamlPane();
    std::vector<double> endToEnd;
    std::vector<double> guiThread;
    QPoint at = handleCentre(*slider, slider->value());
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slider, &press);
    int move = 0;
    std::vector<double> editLanded; // per move: until the new snapshot is in the document
    QElapsedTimer *current = nullptr;
    QObject::connect(bench.window->document(), &Document::changed, yaml, [&] {
        if (current)
            editLanded.push_back(double(current->nsecsElapsed()) / 1e6);
    });
    for (auto _ : state) {
        // 20..78 and back: every move changes both weights and the label.
        const int value = 20 + (move % 60 < 30 ? (move % 30) * 2 : 60 - (move % 30) * 2);
        ++move;
        at = handleCentre(*slider, value);
        QMouseEvent drag(QEvent::MouseMove, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QElapsedTimer timer;
        timer.start();
        current = &timer;
        timingApp()->resetLongest(0);
        QApplication::sendEvent(slider, &drag); // as the event loop delivers it

        const QString expected = QStringLiteral("weight: %1\n").arg(slider->value());
        const double share = slider->value() / 100.0;
        const bool shown = runUntil([&] {
            return yaml->text().contains(expected) && std::abs(bench.edgeShare() - share) < 1e-9;
        }, 10'000);
        if (!shown) {
            state.SkipWithError("the YAML pane or the graph label did not follow the move");
            break;
        }
        QCoreApplication::processEvents(); // and paint it
        const double total = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(total / 1000.0);
        endToEnd.push_back(total);
        guiThread.push_back(timingApp()->longest());
        current = nullptr;
    }
    if (!editLanded.empty()) { // Document::changed: the YAML pane and the sliders are refreshed in it
        state.counters["yaml_p50_ms"] = percentile(editLanded, 0.5);
        state.counters["yaml_p95_ms"] = percentile(editLanded, 0.95);
    }
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(at), QPointF(slider->mapToGlobal(at)), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(slider, &release);
    runUntil([&] { return !bench.window->document()->isEditPending(); }, 10'000);
    if (bench.window->document()->undoStack()->count() != 1)
        state.SkipWithError("the drag did not merge into one undo step");
    report(state, endToEnd, guiThread);
}

void BM_SliderMove_Mesh1000(benchmark::State &state)
{
    dragMoves(state, meshFolder());
}

void BM_SliderMove_Greeter(benchmark::State &state)
{
    dragMoves(state, greeterFolder());
}

// The floor: the edit operation alone on the same mesh and route.
void BM_CoreSetWeights_Mesh1000(benchmark::State &state)
{
    const MeshPtr mesh = ManifestLoader().loadFolder(meshFolder().toStdString()).mesh;
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
        const EditResult result = setRouteWeights(mesh, ref, WeightBalancer::drag(even, {}, 0, value));
        benchmark::DoNotOptimize(result.mesh);
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(elapsed / 1000.0);
        times.push_back(elapsed);
    }
    report(state, times, {});
}

} // namespace

BENCHMARK(BM_CoreSetWeights_Mesh1000)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderMove_Greeter)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderMove_Mesh1000)->Iterations(kMoves)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    installBundledFonts();
    useReproducibleStyle();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
