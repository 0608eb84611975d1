// SPDX-License-Identifier: MIT
#include "analysis/matchcoverage.h"

#include "base/regex.h"
#include "model/hostname.h"

#include <algorithm>

namespace meshlane {

namespace {

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool regexFullyMatches(const std::string &pattern, const std::string &text)
{
    const auto regex = compileRegex(pattern);
    return regex && RE2::FullMatch(text, **regex);
}

bool optionalCovers(const std::optional<StringMatch> &earlier, const std::optional<StringMatch> &later,
                    bool foldCase = false)
{
    if (!earlier)
        return true; // no condition: anything passes
    return later && stringMatchCovers(*earlier, *later, foldCase);
}

bool namedCovers(const std::vector<NamedStringMatch> &earlier, const std::vector<NamedStringMatch> &later)
{
    return std::all_of(earlier.begin(), earlier.end(), [&later](const NamedStringMatch &condition) {
        return std::any_of(later.begin(), later.end(), [&condition](const NamedStringMatch &other) {
            return other.name == condition.name && stringMatchCovers(condition.match, other.match);
        });
    });
}

bool sameNamedMatch(const NamedStringMatch &a, const NamedStringMatch &b)
{
    return a.name == b.name && a.match.kind == b.match.kind && a.match.value == b.match.value;
}

} // namespace

bool stringMatchCovers(const StringMatch &earlier, const StringMatch &later, bool foldCase)
{
    using Kind = StringMatch::Kind;
    const std::string earlierValue = foldCase ? toLower(earlier.value) : earlier.value;
    const std::string laterValue = foldCase ? toLower(later.value) : later.value;
    switch (earlier.kind) {
    case Kind::Present:
        return true; // any condition on the same field implies it is present
    case Kind::Exact:
        return later.kind == Kind::Exact && laterValue == earlierValue;
    case Kind::Prefix:
        if (earlierValue.empty())
            return later.kind != Kind::Present; // "" prefixes every value, but presence alone is weaker
        return (later.kind == Kind::Exact || later.kind == Kind::Prefix) && startsWith(laterValue, earlierValue);
    case Kind::PathPrefix: {
        // Element-wise (Gateway API): "/a" covers "/a" and "/a/b", not "/ab".
        std::string prefix = earlierValue;
        while (!prefix.empty() && prefix.back() == '/')
            prefix.pop_back();
        if (prefix.empty())
            return later.kind != Kind::Present;
        return (later.kind == Kind::Exact || later.kind == Kind::PathPrefix)
            && (laterValue == prefix || startsWith(laterValue, prefix + '/'));
    }
    case Kind::Regex:
        if (later.kind == Kind::Regex)
            return laterValue == earlierValue;
        if (later.kind == Kind::Exact && !foldCase)
            return regexFullyMatches(earlier.value, later.value);
        return false;
    }
    return false;
}

bool matchCovers(const HttpMatchRequest &earlier, const HttpMatchRequest &later)
{
    if (earlier.uri) {
        // ignoreUriCase on the earlier block alone only widens it; on the later alone,
        // the later block matches spellings the earlier one refuses.
        if (!later.uri || (later.ignoreUriCase && !earlier.ignoreUriCase))
            return false;
        if (!stringMatchCovers(*earlier.uri, *later.uri, earlier.ignoreUriCase))
            return false;
    }
    if (!optionalCovers(earlier.scheme, later.scheme) || !optionalCovers(earlier.method, later.method)
        || !optionalCovers(earlier.authority, later.authority))
        return false;
    if (!namedCovers(earlier.headers, later.headers) || !namedCovers(earlier.queryParams, later.queryParams))
        return false;
    // Negated conditions: only an identical one in the later block is provably as strict.
    for (const NamedStringMatch &condition : earlier.withoutHeaders) {
        if (std::none_of(later.withoutHeaders.begin(), later.withoutHeaders.end(),
                         [&condition](const NamedStringMatch &other) { return sameNamedMatch(condition, other); }))
            return false;
    }
    if (earlier.port && later.port != earlier.port)
        return false;
    if (!labelsMatch(earlier.sourceLabels, later.sourceLabels))
        return false;
    if (!earlier.sourceNamespace.empty() && earlier.sourceNamespace != later.sourceNamespace)
        return false;
    if (!earlier.gateways.empty()) {
        // The earlier block applies on its gateways only: it covers the later block
        // when that one is limited to a subset of them.
        if (later.gateways.empty())
            return false;
        for (const std::string &gateway : later.gateways) {
            if (std::find(earlier.gateways.begin(), earlier.gateways.end(), gateway) == earlier.gateways.end())
                return false;
        }
    }
    return true;
}

} // namespace meshlane
