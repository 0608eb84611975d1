// SPDX-License-Identifier: MIT
// libFuzzer: the exporter on a fuzzed file, under a fuzzed relative name,
// beside Bookinfo, with a weight edit where one applies. An export either is
// refused with a reason and writes nothing, or (1) leaves in the output folder
// exactly the mesh's files with exactly their text, (2) writes nothing outside
// it, and (3) is a no-op when repeated (nothing written, an empty diff).
//
// Input: "<relative name>\n<file text>"; a name longer than 96 bytes is cut.
// The output lives in /dev/shm when it exists: each export fsyncs its files,
// which a disk would make the slowest thing here.
#include "edit/meshedit.h"
#include "export/exporter.h"
#include "load/manifestloader.h"

#include "bookinfomesh.h"

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using namespace meshlane;

// <scratch>/out receives the export; <scratch>/sentinel must survive it.
// Never destroyed: the exit handler that removes it runs after static destructors.
const fs::path &scratch()
{
    static const fs::path &folder = *new fs::path([] {
        const fs::path shm("/dev/shm");
        const fs::path base = fs::is_directory(shm) ? shm : fs::temp_directory_path();
        const fs::path made = base / ("meshlane-fuzz-exporter-" + std::to_string(::getpid()));
        fs::create_directories(made);
        std::ofstream(made / "sentinel") << "untouched";
        std::atexit([] { fs::remove_all(scratch()); });
        return made;
    }());
    return folder;
}

std::string readFile(const fs::path &path)
{
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return std::move(buffer).str();
}

// Every regular file under `root`, relative, '/' separated.
std::set<std::string> filesUnder(const fs::path &root)
{
    std::set<std::string> files;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_directory())
            files.insert(fs::relative(entry.path(), root).generic_string());
    }
    return files;
}

// The scratch folder holds the output folder and the sentinel, nothing else.
bool scratchIntact()
{
    std::set<std::string> names;
    for (const auto &entry : fs::directory_iterator(scratch()))
        names.insert(entry.path().filename().string());
    return names == std::set<std::string>{"out", "sentinel"} && readFile(scratch() / "sentinel") == "untouched";
}

// The first route with two or more destinations gets weights drawn from the input.
MeshPtr withWeightEdit(const MeshPtr &mesh, const uint8_t *data, size_t size)
{
    for (const auto &vs : mesh->virtualServices) {
        for (size_t index = 0; index < vs->http.size(); ++index) {
            const size_t count = vs->http[index].route.size();
            if (count < 2)
                continue;
            std::vector<int> weights(count, 0);
            weights.front() = size ? int(data[size - 1]) % 101 : 50;
            weights.back() = 100 - weights.front();
            const Result<MeshChange> edited =
                setRouteWeights(mesh, RouteRef{vs->meta.ns, vs->meta.name, index}, weights);
            return edited.ok() ? edited->mesh : mesh;
        }
    }
    return mesh;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);
    const size_t newline = input.find('\n');
    std::string name = input.substr(0, std::min(newline, size_t(96)));
    const std::string text = newline == std::string::npos ? std::string() : input.substr(newline + 1);
    if (name.empty())
        name = "fuzz.yaml";

    const MeshPtr loaded = ManifestLoader().reloadFiles(bookinfoMesh(), {{name, text}}).mesh;
    const MeshPtr mesh = withWeightEdit(loaded, data, size);

    const fs::path out = scratch() / "out";
    fs::remove_all(out);
    fs::create_directory(out);
    ExportOptions options;
    options.copyOtherFiles = false;
    const Exporter exporter(mesh, options);
    const Result<ExportSummary> exported = exporter.exportTo(out.string());
    if (!scratchIntact())
        __builtin_trap(); // wrote beside the output folder
    if (!exported.ok()) {
        if (exported.error().empty() || !filesUnder(out).empty())
            __builtin_trap(); // a refusal says why and writes nothing
        return 0;
    }

    std::set<std::string> expected;
    for (const auto &file : mesh->files) {
        expected.insert(file->path);
        if (readFile(out / file->path) != file->text)
            __builtin_trap(); // a file is not what the mesh holds
    }
    if (filesUnder(out) != expected || exported->written.size() + exported->unchanged.size() != expected.size())
        __builtin_trap(); // a file too many, or one not accounted for

    const Result<ExportSummary> again = exporter.exportTo(out.string());
    if (!again.ok() || !again->written.empty() || !exporter.diff(out.string()).empty() || !scratchIntact())
        __builtin_trap(); // exporting the same mesh again changes something
    return 0;
}
