// SPDX-License-Identifier: MIT
#pragma once

#include "model/sourcelocation.h"

#include <string>

namespace meshlane {

// Istio StringMatch: exactly one of exact | prefix | regex. `Present` is the
// empty match (`{}`) that only asks for the header to exist. `PathPrefix` is the
// Gateway API's element-wise path prefix (Envoy path_separated_prefix): `/foo`
// matches `/foo` and `/foo/x`, not `/foobar`; only Gateway API routes use it.
struct StringMatch
{
    enum class Kind { Exact, Prefix, Regex, Present, PathPrefix };
    Kind kind = Kind::Exact;
    std::string value;
    SourceLocation location;

    std::string describe() const; // "exact jason", "prefix /api", "regex ^v[0-9]+$"
};

// A named StringMatch (headers, queryParams, withoutHeaders). Header names are
// stored lower-cased because HTTP header names compare case-insensitively.
struct NamedStringMatch
{
    std::string name;
    StringMatch match;
};

} // namespace meshlane
