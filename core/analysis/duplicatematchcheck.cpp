// SPDX-License-Identifier: MIT
#include "analysis/duplicatematchcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/requestwitness.h"

#include <map>

namespace meshlane {

namespace {

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

struct PrefixMatch
{
    const WrittenMatch *written = nullptr;
    size_t rule = 0;
    size_t match = 0;
    std::string ruleName;
    std::string matchName;
};

bool sameOrNarrower(const std::string &earlier, const std::string &later)
{
    return earlier == later || startsWith(earlier, later);
}

bool mapCovered(const std::map<std::string, std::string> &earlier, const std::map<std::string, std::string> &later)
{
    if (earlier.size() != later.size())
        return false;
    for (const auto &[key, value] : earlier) {
        const auto it = later.find(key);
        if (it == later.end() || !sameOrNarrower(value, it->second))
            return false;
    }
    return true;
}

// istioctl's test: B's prefix extends A's and every other condition is the same.
bool prefixCovered(const WrittenMatch &a, const WrittenMatch &b)
{
    return startsWith(b.uriPrefix, a.uriPrefix) && a.port == b.port && sameOrNarrower(a.method, b.method)
        && sameOrNarrower(a.authority, b.authority) && mapCovered(a.headers, b.headers)
        && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

std::string ruleName(const WrittenRule &rule, size_t index)
{
    if (!rule.name.empty())
        return '"' + rule.name + '"';
    return '#' + std::to_string(index);
}

} // namespace

DuplicateMatchCheck::DuplicateMatchCheck(AnalysisContext &context)
    : m_context(context)
{
}

void DuplicateMatchCheck::run()
{
    for (const auto &vs : m_context.mesh().virtualServices) {
        for (const char *section : {"http", "tcp", "tls"})
            checkRoutes(*vs, section);
    }
}

void DuplicateMatchCheck::checkRoutes(const VirtualService &vs, const char *section)
{
    const bool http = std::string(section) == "http";
    const std::vector<WrittenRule> &routes = http ? vs.writtenHttp
        : std::string(section) == "tcp"            ? vs.writtenTcp
                                                   : vs.writtenTls;
    std::map<std::string, size_t> seen; // canonical match -> first rule
    std::vector<PrefixMatch> prefixes;
    long catchAll = -1;
    for (size_t n = 0; n < routes.size(); ++n) {
        const WrittenRule &rule = routes[n];
        if (!rule.isMap)
            continue;
        const std::string name = http ? ruleName(rule, n) : '#' + std::to_string(n);
        const size_t count = rule.matches.size();
        if (count == 0) {
            if (catchAll >= 0)
                unreachable(vs, section, n, name,
                            "it has no match, and rule #" + std::to_string(catchAll)
                                + " before it has none either: only the last rule may go without",
                            "give one of the two rules a match, or remove one", rule.location);
            catchAll = long(n);
            continue;
        }
        size_t duplicates = 0;
        for (size_t m = 0; m < count; ++m) {
            const WrittenMatch &match = rule.matches[m];
            if (catchAll >= 0) {
                unreachable(vs, section, n, name,
                            "rule #" + std::to_string(catchAll) + " before it has no match and takes every request",
                            "move rule #" + std::to_string(catchAll) + " to the end of " + section
                                + ", or give it a match",
                            rule.location);
                continue;
            }
            const std::string matchName = http && !match.name.empty() ? '"' + match.name + '"' : '#' + std::to_string(m);
            const auto [it, inserted] = seen.emplace(match.canonical, n);
            if (!inserted) {
                ineffective(vs, section, n, m,
                            "rule " + name + " match " + matchName + " is never used: it repeats a match of rule "
                                + (http ? ruleName(routes[it->second], it->second) : '#' + std::to_string(it->second))
                                + ", which takes those requests first",
                            match.location);
                ++duplicates;
                continue;
            }
            if (!match.uriPrefix.empty()) {
                prefixes.push_back(PrefixMatch{&match, n, m, name, matchName});
            }
        }
        if (duplicates == count)
            unreachable(vs, section, n, name, "every one of its matches repeats a match of an earlier rule",
                        "remove the rule, or change its matches", rule.location);
    }
    for (size_t a = 0; a < prefixes.size(); ++a) {
        for (size_t b = a + 1; b < prefixes.size(); ++b) {
            const PrefixMatch &earlier = prefixes[a];
            const PrefixMatch &later = prefixes[b];
            const std::string &earlierPrefix = earlier.written->uriPrefix;
            const std::string &laterPrefix = later.written->uriPrefix;
            if (earlierPrefix == laterPrefix || !prefixCovered(*earlier.written, *later.written))
                continue;
            ineffective(vs, section, later.rule, later.match,
                        "rule " + later.ruleName + " match " + later.matchName + " (prefix " + laterPrefix
                            + ") is never used: match " + earlier.matchName + " (prefix " + earlierPrefix
                            + ") of rule " + earlier.ruleName + " takes those requests first",
                        later.written->location);
        }
    }
}

namespace {

// The request showing that http rule `rule` (match `match`, or its first) is never used.
std::string witnessFor(const VirtualService &vs, const char *section, size_t rule, size_t match)
{
    if (std::string(section) != "http" || rule >= vs.http.size())
        return {};
    const HttpRoute &route = vs.http[rule];
    const HttpMatchRequest *block = match < route.match.size() ? &route.match[match] : nullptr;
    const std::optional<Witness> witness = RequestWitness::forMatch(vs, block);
    // Only a request an earlier rule takes shows it (the router has the last word).
    if (!witness || RequestWitness::firstRouteTaking(vs, witness->request) >= int(rule))
        return {};
    return witness->arguments;
}

} // namespace

void DuplicateMatchCheck::unreachable(const VirtualService &vs, const char *section, size_t rule,
                                      const std::string &name, const std::string &reason, const std::string &fix,
                                      const SourceLocation &at)
{
    const std::string text = std::string(section) + " rule " + name + " is never used: " + reason;
    if (!m_reported.insert(std::string(codes::UnreachableRule) + vs.meta.id().toString() + text).second)
        return;
    if (std::string(section) == "http")
        m_rules.insert({&vs, rule});
    m_context.report(codes::UnreachableRule, Severity::Warning, vs.meta, at, text, fix).witness
        = witnessFor(vs, section, rule, 0);
}

void DuplicateMatchCheck::ineffective(const VirtualService &vs, const char *section, size_t rule, size_t match,
                                      const std::string &text, const SourceLocation &at)
{
    const std::string message = std::string(section) + ' ' + text;
    if (!m_reported.insert(std::string(codes::IneffectiveMatch) + vs.meta.id().toString() + message).second)
        return;
    if (std::string(section) == "http")
        m_matches.insert({&vs, rule, match});
    m_context
        .report(codes::IneffectiveMatch, Severity::Info, vs.meta, at, message,
                "remove the match, or move its rule above the one that takes its requests")
        .witness = witnessFor(vs, section, rule, match);
}

} // namespace meshlane
