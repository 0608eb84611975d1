// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

// A manifest file as read from disk. The text is kept so export can patch it
// surgically and views can mark lines changed against what is on disk.
struct SourceFile
{
    std::string path;         // relative to the opened folder, '/' separated
    std::string absolutePath;
    std::string text;
    int documentCount = 0;
    bool parsed = false;      // false when the file could not be parsed at all
};

} // namespace meshlane
