// SPDX-License-Identifier: MIT
// What one slider step costs next to a load. A weight edit re-reads only the
// document it changed, so with every VirtualService in one file (meshgen
// --files-per-kind, the worst layout for an edit) BM_SetWeights should stay a
// small fraction of BM_LoadFolder; BM_AddDestination adds a line, which makes
// the rest of the file move, so it re-reads the whole file (the slow path).
#include "edit/meshedit.h"
#include "edit/weightbalancer.h"
#include "load/manifestloader.h"

#include "bench/generatedmesh.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

namespace {

meshlane::LoadOptions singleThread()
{
    meshlane::LoadOptions options;
    options.threads = 1; // the edit re-reads on one thread: compare like with like
    return options;
}

// The VirtualService in the middle of the file and its weighted route.
meshlane::RouteRef middleRoute(const meshlane::Mesh &mesh)
{
    const meshlane::VirtualService &vs = *mesh.virtualServices[mesh.virtualServices.size() / 2];
    return {vs.meta.ns, vs.meta.name, meshlane::defaultWeightedRoute(vs)};
}

void BM_LoadFolder(benchmark::State &state)
{
    const std::string &folder = generatedMesh(int(state.range(0)), 3, true);
    const meshlane::ManifestLoader loader(singleThread());
    for (auto _ : state)
        benchmark::DoNotOptimize(loader.loadFolder(folder).mesh);
}

void BM_SetWeights(benchmark::State &state)
{
    const meshlane::MeshPtr mesh = meshlane::ManifestLoader(singleThread()).loadFolder(generatedMesh(int(state.range(0)), 3, true)).mesh;
    const meshlane::RouteRef ref = middleRoute(*mesh);
    const size_t destinations = mesh->findVirtualService(ref.ns, ref.name)->http[ref.index].route.size();
    int step = 0;
    for (auto _ : state) {
        std::vector<int64_t> current(destinations, 1);
        const std::vector<int> weights = meshlane::WeightBalancer::drag(current, {}, 0, 10 + step++ % 80);
        meshlane::Result<meshlane::MeshChange> result = meshlane::setRouteWeights(mesh, ref, weights);
        if (!result.ok()) {
            state.SkipWithError(result.error().c_str());
            break; // a failure has no snapshot to keep
        }
        benchmark::DoNotOptimize(result->mesh);
    }
}

void BM_AddDestination(benchmark::State &state)
{
    const meshlane::MeshPtr mesh = meshlane::ManifestLoader(singleThread()).loadFolder(generatedMesh(int(state.range(0)), 3, true)).mesh;
    const meshlane::RouteRef ref = middleRoute(*mesh);
    meshlane::Destination destination;
    destination.subset = "canary";
    for (auto _ : state) {
        meshlane::Result<meshlane::MeshChange> result = meshlane::addDestination(mesh, ref, destination);
        if (!result.ok()) {
            state.SkipWithError(result.error().c_str());
            break; // a failure has no snapshot to keep
        }
        benchmark::DoNotOptimize(result->mesh);
    }
}

} // namespace

BENCHMARK(BM_LoadFolder)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SetWeights)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AddDestination)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
