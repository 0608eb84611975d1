// SPDX-License-Identifier: MIT
// What opening a folder costs, next to baselines measured in the same run on
// the same meshgen folder (1,000 and 9,999 services, 3 versions):
//   - BM_ReadFiles: reading the bytes (the floor);
//   - BM_YamlCppLoadAll: yaml-cpp building its node trees, one thread;
//   - BM_YamlCppEventsOnly: yaml-cpp's event parser (YAML::Parser with an
//     EventHandler that keeps nothing): what parsing costs without the trees.
// BM_LoadFolder/threads:1 vs /threads:0 (one per core) shows what parsing
// files in parallel buys; BM_LoadAndAnalyze is what `meshlane analyze` does.
// x_loadall is a benchmark's time over BM_YamlCppLoadAll's on the same folder.
#include "analysis/analyzer.h"
#include "load/manifestloader.h"

#include "bench/generatedmesh.h"

#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::map<int64_t, double> g_loadAllSeconds; // by services

std::vector<std::string> readAll(int services)
{
    std::vector<std::string> texts;
    for (const auto &entry : std::filesystem::directory_iterator(generatedMesh(services))) {
        std::ifstream stream(entry.path(), std::ios::binary);
        std::ostringstream buffer;
        buffer << stream.rdbuf();
        texts.push_back(std::move(buffer).str());
    }
    return texts;
}

void reportAgainstLoadAll(benchmark::State &state, double seconds)
{
    if (const auto it = g_loadAllSeconds.find(state.range(0)); it != g_loadAllSeconds.end() && it->second > 0)
        state.counters["x_loadall"] = seconds / it->second;
}

// Times each iteration itself, so the ratios use the same clock for every
// benchmark; returns the mean seconds.
template<typename Work>
double timed(benchmark::State &state, Work work)
{
    double total = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        state.SetIterationTime(seconds);
        total += seconds;
    }
    const double mean = total / double(state.iterations());
    reportAgainstLoadAll(state, mean);
    return mean;
}

void BM_ReadFiles(benchmark::State &state)
{
    timed(state, [&] { benchmark::DoNotOptimize(readAll(int(state.range(0)))); });
}

void BM_YamlCppLoadAll(benchmark::State &state)
{
    const std::vector<std::string> texts = readAll(int(state.range(0)));
    g_loadAllSeconds[state.range(0)] = timed(state, [&] {
        for (const std::string &text : texts)
            benchmark::DoNotOptimize(YAML::LoadAll(text));
    });
    int64_t bytes = 0;
    for (const std::string &text : texts)
        bytes += int64_t(text.size());
    state.SetBytesProcessed(bytes * int64_t(state.iterations()));
}

// Counts events and keeps nothing: the scanner and parser alone.
class CountingHandler : public YAML::EventHandler
{
public:
    size_t events = 0;

    void OnDocumentStart(const YAML::Mark &) override { ++events; }
    void OnDocumentEnd() override { ++events; }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override { ++events; }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        ++events;
    }
    void OnSequenceEnd() override { ++events; }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        ++events;
    }
    void OnMapEnd() override { ++events; }
};

void BM_YamlCppEventsOnly(benchmark::State &state)
{
    const std::vector<std::string> texts = readAll(int(state.range(0)));
    CountingHandler handler;
    timed(state, [&] {
        for (const std::string &text : texts) {
            std::istringstream stream(text);
            YAML::Parser parser(stream);
            while (parser.HandleNextDocument(handler)) {
            }
        }
    });
    state.counters["events"] = double(handler.events) / double(state.iterations());
}

void BM_LoadFolder(benchmark::State &state)
{
    meshlane::LoadOptions options;
    options.threads = unsigned(state.range(1));
    const meshlane::ManifestLoader loader(options);
    size_t resources = 0;
    timed(state, [&] {
        const meshlane::LoadResult result = loader.loadFolder(generatedMesh(int(state.range(0))));
        resources = result.mesh->virtualServices.size() + result.mesh->services.size() + result.mesh->workloads.size()
            + result.mesh->destinationRules.size();
    });
    state.counters["resources"] = double(resources);
}

void BM_LoadAndAnalyze(benchmark::State &state)
{
    meshlane::LoadOptions options;
    options.threads = unsigned(state.range(1));
    const meshlane::ManifestLoader loader(options);
    timed(state, [&] {
        const meshlane::LoadResult result = loader.loadFolder(generatedMesh(int(state.range(0))));
        benchmark::DoNotOptimize(meshlane::analyze(result));
    });
}

// Every benchmark of one size runs before the next size, after its LoadAll baseline.
void sizes(int64_t services)
{
    // A 9,999-service pass takes seconds: once is enough to read a ratio off.
    const int iterations = services > 2000 ? 1 : 3;
    const auto add = [&](const char *name, void (*function)(benchmark::State &)) {
        return benchmark::RegisterBenchmark(name, function)
            ->Unit(benchmark::kMillisecond)
            ->UseManualTime()
            ->Iterations(iterations);
    };
    add("BM_YamlCppLoadAll", BM_YamlCppLoadAll)->ArgName("services")->Arg(services);
    add("BM_ReadFiles", BM_ReadFiles)->ArgName("services")->Arg(services);
    add("BM_YamlCppEventsOnly", BM_YamlCppEventsOnly)->ArgName("services")->Arg(services);
    const auto oneAndAllThreads = [&](benchmark::internal::Benchmark *b) {
        b->ArgNames({"services", "threads"})->Args({services, 1})->Args({services, 0});
    };
    oneAndAllThreads(add("BM_LoadFolder", BM_LoadFolder));
    oneAndAllThreads(add("BM_LoadAndAnalyze", BM_LoadAndAnalyze));
}

} // namespace

int main(int argc, char **argv)
{
    sizes(1000);
    sizes(9999);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
