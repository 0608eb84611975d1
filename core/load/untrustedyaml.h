// SPDX-License-Identifier: MIT
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace meshlane {

// YAML::Load and YAML::LoadAll for a file the user names (a traffic mix, a
// rollout plan, an Argo Rollout, a Flagger Canary, behaviour profiles), with
// the protections the manifest loader has: yaml-cpp 0.7 loops without bound
// on a stray ',' and misreads an unclosed quote (textchecks), recurses per
// nesting level, and a parse runs under an AllocationBudget. Whatever it
// refuses is thrown as a YAML::ParserException at the offending line, so
// callers report it as they report any syntax error.
class UntrustedYaml
{
public:
    static constexpr int kMaxNestingDepth = 200; // as ManifestLoader::Options

    static YAML::Node load(const std::string &text);
    static std::vector<YAML::Node> loadAll(const std::string &text);
};

} // namespace meshlane
