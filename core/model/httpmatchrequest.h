// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"
#include "model/stringmatch.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// One `match` block of an http route. All its conditions must hold (AND); the
// route matches when any of its blocks does (OR).
struct HttpMatchRequest
{
    std::string name;
    std::optional<StringMatch> uri;
    std::optional<StringMatch> scheme;
    std::optional<StringMatch> method;
    std::optional<StringMatch> authority;
    std::vector<NamedStringMatch> headers;
    std::vector<NamedStringMatch> queryParams;
    std::vector<NamedStringMatch> withoutHeaders;
    bool ignoreUriCase = false;
    std::optional<uint32_t> port;
    Labels sourceLabels;
    std::string sourceNamespace;
    std::vector<std::string> gateways;
    SourceLocation location;

    // A block with no condition at all matches every request.
    bool isCatchAll() const;
    std::string describe() const; // "header end-user exact jason, uri prefix /api"
};

} // namespace meshlane
