// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

// True when `path` can name a file inside an output folder and nowhere else:
// relative, '/' separated, no empty, "." or ".." component, no backslash or
// control character. Export and edit operations check every path they build
// or receive with this before it meets the file system.
bool isSafeRelativePath(const std::string &path, std::string *why = nullptr);

} // namespace meshlane
