// SPDX-License-Identifier: MIT
#pragma once

#include "load/manifestloader.h"
#include "model/diagnostic.h"
#include "model/mesh.h"

#include <cstddef>

namespace meshlane {

// Finds broken or surprising routing the way `istioctl analyze` and Kiali do,
// with their codes (see analyzercodes.h), on a loaded mesh: no cluster needed.
// Pure and read-only: safe to run on a shared snapshot from any thread.
// Returns the findings sorted by file and line (sortDiagnostics).
Diagnostics analyze(const Mesh &mesh);

// What a user should see for a load: the loader's own findings (syntax, schema,
// unknown fields) merged with the analyzer's, sorted by file and line.
Diagnostics analyze(const LoadResult &loaded);

// How many findings are at `threshold` or more severe (Error > Warning > Info).
size_t countAtOrAbove(const Diagnostics &diagnostics, Severity threshold);

} // namespace meshlane
