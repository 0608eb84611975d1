// SPDX-License-Identifier: MIT
#pragma once

#include "model/sourcelocation.h"

#include <string>

namespace meshlane {

// A deprecated field found while loading, as written: the analyzer warns
// about it without the document's tree.
struct DeprecatedField
{
    std::string path;  // relative to what holds it: "fault.delay.percent", "mirrorPercent"
    std::string value; // the scalar as written, empty when not a scalar
    SourceLocation location;
};

} // namespace meshlane
