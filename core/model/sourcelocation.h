// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

// Where a resource or a field was written. Lines and columns are 1-based, as
// editors and compilers print them; 0 means "unknown".
struct SourceLocation
{
    std::string file; // path relative to the opened folder
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    std::string toString() const;
};

} // namespace meshlane
