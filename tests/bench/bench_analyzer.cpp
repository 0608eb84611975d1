// The analyzer's cost next to the loader's on meshgen's synthetic meshes: the
// analyzer runs after every edit in the workbench, so it must stay a small
// fraction of a load. Compare BM_Analyze with BM_LoadFolder at the same size.
#include "analyzer.h"
#include "manifestloader.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

namespace {

// Generated once per size and process; meshgen output depends only on its arguments.
const std::string &meshFolder(int services)
{
    static std::map<int, std::string> folders;
    auto it = folders.find(services);
    if (it != folders.end())
        return it->second;
    const std::filesystem::path folder = std::filesystem::temp_directory_path()
        / ("meshlane-bench-analyzer-" + std::to_string(services));
    std::filesystem::remove_all(folder);
    const std::string command = std::string(MESHGEN_PATH) + " --services " + std::to_string(services)
        + " --versions 3 --out " + folder.string() + " > /dev/null";
    if (std::system(command.c_str()) != 0)
        std::abort();
    return folders.emplace(services, folder.string()).first->second;
}

void BM_LoadFolder(benchmark::State &state)
{
    const std::string &folder = meshFolder(int(state.range(0)));
    const meshlane::ManifestLoader loader;
    for (auto _ : state) {
        meshlane::LoadResult result = loader.loadFolder(folder);
        benchmark::DoNotOptimize(result.mesh);
    }
}

void BM_Analyze(benchmark::State &state)
{
    const meshlane::LoadResult loaded = meshlane::ManifestLoader().loadFolder(meshFolder(int(state.range(0))));
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
