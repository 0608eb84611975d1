// SPDX-License-Identifier: MIT
#include "base/buildinfo.h"

#include <QtGlobal>

#include <graphviz/graphviz_version.h>

namespace meshlane {

std::vector<std::pair<std::string, std::string>> engineLibraryVersions()
{
    // yaml-cpp and RE2 have no version in their headers: CMake passes what
    // their package configuration said (core/CMakeLists.txt).
    return {
        {"Qt", qVersion()},
        {"yaml-cpp", MESHLANE_YAML_CPP_VERSION},
        {"RE2", MESHLANE_RE2_VERSION},
        {"Graphviz", PACKAGE_VERSION},
    };
}

} // namespace meshlane
