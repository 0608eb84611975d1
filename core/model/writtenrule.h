// SPDX-License-Identifier: MIT
#pragma once

#include "model/sourcelocation.h"

#include <map>
#include <string>
#include <vector>

namespace meshlane {

// One item of a route rule's `match` list as written. istioctl finds
// duplicate and shadowed matches by comparing what is written, not what a
// router makes of it, so the analyzer reads these, kept while loading.
struct WrittenMatch
{
    std::string canonical; // as istioctl compares matches: keys sorted, unset values and the name left out
    std::string name;      // as written, empty when none
    SourceLocation location;
    // For the prefix test (http only): empty unless uri.prefix is a non-empty scalar.
    std::string uriPrefix;
    std::string port;      // the scalar as written
    std::string method;    // "exact:v" or "prefix:v"; "exact:GET" when not written (istioctl's default)
    std::string authority; // "exact:v", "prefix:v", empty for regex or none
    std::map<std::string, std::string> headers;
    std::map<std::string, std::string> queryParams;
    std::map<std::string, std::string> withoutHeaders;
};

// One item of a VirtualService's http, tcp or tls list as written.
struct WrittenRule
{
    bool isMap = false; // other items are not rules, but they keep their place
    std::string name;   // as written, empty when none
    SourceLocation location;
    std::vector<WrittenMatch> matches; // every item of `match`, mappings or not
};

} // namespace meshlane
