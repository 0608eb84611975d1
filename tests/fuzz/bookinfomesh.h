// SPDX-License-Identifier: MIT
#pragma once

#include "load/manifestloader.h"

#include <string>

// The good sample the fuzzers put their fuzzed file beside, read once per process.
inline const meshlane::Mesh &bookinfoMesh()
{
    static const meshlane::MeshPtr mesh =
        meshlane::ManifestLoader().loadFolder(std::string(MESHLANE_PROJECT_DIR) + "/samples/bookinfo").mesh;
    return *mesh;
}
