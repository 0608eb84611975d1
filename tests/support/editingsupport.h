// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the editing and export tests (header-only: each test is
// its own executable).

#include "support/testdata.h"
#include <QDir>
#include <QString>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace editingtest {

inline std::string samplesDir()
{
    return meshlane::test::samplePath({});
}

inline std::string dataDir()
{
    return meshlane::test::testDataPath("editing");
}

inline std::string readFile(const std::filesystem::path &path)
{
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

inline void writeFile(const std::filesystem::path &path, const std::string &text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream stream(path, std::ios::binary);
    stream << text;
}

// Every regular file under `root` (hidden ones too), relative path -> bytes.
inline std::map<std::string, std::string> snapshotTree(const std::filesystem::path &root)
{
    std::map<std::string, std::string> files;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file())
            files[std::filesystem::relative(entry.path(), root).generic_string()] = readFile(entry.path());
    }
    return files;
}

inline void copyTree(const std::filesystem::path &from, const std::filesystem::path &to)
{
    std::filesystem::create_directories(to);
    std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
}

inline std::vector<std::string> sampleFolders()
{
    std::vector<std::string> folders;
    for (const auto &entry : std::filesystem::directory_iterator(samplesDir())) {
        if (entry.is_directory())
            folders.push_back(entry.path().string());
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

// Root ignores file permissions (CAP_DAC_OVERRIDE), which would make a
// read-only folder writable and the failure tests meaningless. Drop the
// capability from this process's effective set; returns false when that is
// impossible (the caller then skips).
inline bool dropPermissionOverride()
{
    if (geteuid() != 0)
        return true;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    if (syscall(SYS_capget, &header, data) != 0)
        return false;
    for (const int capability : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER})
        data[capability / 32].effective &= ~(1u << (capability % 32));
    return syscall(SYS_capset, &header, data) == 0;
}

} // namespace editingtest
