// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <string>

namespace meshlane {

// Succeeds when `path` can name a file inside an output folder and nowhere
// else: relative, '/' separated, no empty, "." or ".." component, no
// backslash or control character. Export and edit operations check every path
// they build or receive with this before it meets the file system.
Result<void> checkSafeRelativePath(const std::string &path);

} // namespace meshlane
