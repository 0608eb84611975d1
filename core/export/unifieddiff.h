// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <string>

namespace meshlane {

// A unified diff from `oldText` to `newText` as `diff -u` writes it (Myers'
// shortest edit script, `context` lines around each change, "\ No newline at
// end of file" where a text ends without one), so `patch` and `git apply`
// accept it. Empty when the texts are equal. Use "/dev/null" as the label of
// a file that does not exist on that side.
std::string unifiedDiff(const std::string &oldText, const std::string &newText, const std::string &oldLabel,
                        const std::string &newLabel, int context = 3);

// Every file that differs between two snapshots of one folder, in path order,
// labelled "a/<path>" and "b/<path>" like git (apply with `git apply` or
// `patch -p1` inside the folder). Files only one side has come from or go to
// /dev/null.
std::string meshDiff(const Mesh &before, const Mesh &after);

} // namespace meshlane
