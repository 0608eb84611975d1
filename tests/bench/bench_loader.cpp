// SPDX-License-Identifier: MIT
// What opening a folder costs, next to two baselines measured in the same run:
// reading the same bytes (the floor) and yaml-cpp parsing them on one thread
// (the library we cannot beat per file). BM_LoadFolder/threads:1 vs /threads:0
// shows what parsing files in parallel buys.
#include "load/manifestloader.h"

#include "bench/generatedmesh.h"

#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> readAll()
{
    std::vector<std::string> texts;
    for (const auto &entry : std::filesystem::directory_iterator(generatedMesh(1000))) {
        std::ifstream stream(entry.path(), std::ios::binary);
        std::ostringstream buffer;
        buffer << stream.rdbuf();
        texts.push_back(std::move(buffer).str());
    }
    return texts;
}

void BM_ReadFiles(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(readAll());
}

void BM_YamlCppParseOnly(benchmark::State &state)
{
    const std::vector<std::string> texts = readAll();
    for (auto _ : state) {
        for (const std::string &text : texts)
            benchmark::DoNotOptimize(YAML::LoadAll(text));
    }
}

void BM_LoadFolder(benchmark::State &state)
{
    meshlane::LoadOptions options;
    options.threads = unsigned(state.range(0));
    const meshlane::ManifestLoader loader(options);
    size_t resources = 0;
    for (auto _ : state) {
        const meshlane::LoadResult result = loader.loadFolder(generatedMesh(1000));
        resources = result.mesh->virtualServices.size() + result.mesh->services.size() + result.mesh->workloads.size()
            + result.mesh->destinationRules.size();
    }
    state.counters["resources"] = double(resources);
}

} // namespace

BENCHMARK(BM_ReadFiles)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_YamlCppParseOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LoadFolder)->ArgName("threads")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
