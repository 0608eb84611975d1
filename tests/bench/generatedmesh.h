// SPDX-License-Identifier: MIT
#pragma once

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>

// A meshgen folder for benchmarks, written once per shape and process under the
// temporary folder (meshgen's output depends only on its arguments).
inline const std::string &generatedMesh(int services, int versions = 3, bool filesPerKind = false)
{
    static std::map<std::tuple<int, int, bool>, std::string> folders;
    const auto key = std::make_tuple(services, versions, filesPerKind);
    if (const auto it = folders.find(key); it != folders.end())
        return it->second;
    const std::filesystem::path folder = std::filesystem::temp_directory_path()
        / ("meshlane-bench-" + std::to_string(services) + 'x' + std::to_string(versions) + (filesPerKind ? "-kinds" : ""));
    std::filesystem::remove_all(folder);
    const std::string command = std::string(MESHGEN_PATH) + " --services " + std::to_string(services) + " --versions "
        + std::to_string(versions) + (filesPerKind ? " --files-per-kind" : "") + " --out " + folder.string()
        + " > /dev/null";
    if (std::system(command.c_str()) != 0)
        std::abort();
    return folders.emplace(key, folder.string()).first->second;
}
