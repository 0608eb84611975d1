// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <map>
#include <string>

namespace meshlane {

// A Kubernetes Secret, as a Gateway's credentialName refers to it.
struct Secret
{
    ResourceMeta meta;
    std::string type;
    std::map<std::string, std::string> data;       // base64, as written
    std::map<std::string, std::string> stringData; // plain text, as written
};

} // namespace meshlane
