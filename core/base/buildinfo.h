// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace meshlane {

// The libraries the engine was built against, as (name, version), for an
// About box or a bug report: yaml-cpp, RE2, Graphviz and Qt.
std::vector<std::pair<std::string, std::string>> engineLibraryVersions();

} // namespace meshlane
