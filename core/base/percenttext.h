// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

// 0.1 -> "10 %", 1.0/3 -> "33.33 %", 0.005 -> "0.5 %". Locale-independent
// (std::to_chars), so explanations read the same under any LC_NUMERIC.
std::string percentText(double probability);

} // namespace meshlane
