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

// `namespaces` meshgen folders (team-0, team-1...) of `servicesEach` services
// each, side by side in one folder: a mesh in several namespaces.
inline const std::string &generatedNamespaces(int namespaces, int servicesEach)
{
    static std::map<std::pair<int, int>, std::string> folders;
    const auto key = std::make_pair(namespaces, servicesEach);
    if (const auto it = folders.find(key); it != folders.end())
        return it->second;
    const std::filesystem::path folder = std::filesystem::temp_directory_path()
        / ("meshlane-bench-ns" + std::to_string(namespaces) + 'x' + std::to_string(servicesEach));
    std::filesystem::remove_all(folder);
    for (int i = 0; i < namespaces; ++i) {
        const std::string ns = "team-" + std::to_string(i);
        const std::string command = std::string(MESHGEN_PATH) + " --services " + std::to_string(servicesEach)
            + " --versions 3 --namespace " + ns + " --seed " + std::to_string(i) + " --out " + (folder / ns).string()
            + " > /dev/null";
        if (std::system(command.c_str()) != 0)
            std::abort();
    }
    return folders.emplace(key, folder.string()).first->second;
}
