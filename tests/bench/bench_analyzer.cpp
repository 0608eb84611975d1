// SPDX-License-Identifier: MIT
// The analyzer's cost next to the loader's on meshgen's synthetic meshes: the
// analyzer runs after every edit in the workbench, so it must stay a small
// fraction of a load. Compare BM_Analyze with BM_LoadFolder at the same size.
#include "analysis/analyzer.h"
#include "load/manifestloader.h"

#include "bench/generatedmesh.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

namespace {

void BM_LoadFolder(benchmark::State &state)
{
    const std::string &folder = generatedMesh(int(state.range(0)));
    const meshlane::ManifestLoader loader;
    for (auto _ : state) {
        meshlane::LoadResult result = loader.loadFolder(folder);
        benchmark::DoNotOptimize(result.mesh);
    }
}

void BM_Analyze(benchmark::State &state)
{
    const meshlane::LoadResult loaded = meshlane::ManifestLoader().loadFolder(generatedMesh(int(state.range(0))));
    size_t findings = 0;
    for (auto _ : state) {
        meshlane::Diagnostics diagnostics = meshlane::analyze(*loaded.mesh);
        findings = diagnostics.size();
        benchmark::DoNotOptimize(diagnostics);
    }
    state.counters["findings"] = double(findings);
    state.counters["resources"] = double(loaded.mesh->services.size() + loaded.mesh->workloads.size()
                                         + loaded.mesh->virtualServices.size()
                                         + loaded.mesh->destinationRules.size());
}

} // namespace

BENCHMARK(BM_LoadFolder)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
