// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <re2/re2.h>

#include <memory>
#include <string>

namespace meshlane {

// Compiles `pattern` the way Envoy compiles route regexes: RE2, so no
// look-around and no back-references, and quietly (a bad pattern in a user's
// file is a finding, not a line on stderr). The one place that does it.
Result<std::shared_ptr<const RE2>> compileRegex(const std::string &pattern);

} // namespace meshlane
