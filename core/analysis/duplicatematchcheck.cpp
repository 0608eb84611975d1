// SPDX-License-Identifier: MIT
#include "analysis/duplicatematchcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/requestwitness.h"
#include "load/fieldreader.h"

#include <map>

namespace meshlane {

namespace {

SourceLocation locationOf(const ResourceMeta &meta, const YAML::Node &node)
{
    if (!node.IsDefined() || node.Mark().is_null())
        return meta.location;
    return {meta.location.file, node.Mark().line + 1, node.Mark().column + 1};
}

bool isUnset(const YAML::Node &node)
{
    if (!isPresent(node))
        return true;
    if (node.IsScalar())
        return node.Scalar().empty() || node.Scalar() == "false" || node.Scalar() == "0";
    return node.size() == 0;
}

// A match as istioctl compares them (its JSON): keys sorted, unset values and
// the top-level name left out.
std::string canonical(const YAML::Node &node, bool dropName)
{
    if (!node.IsDefined())
        return "null";
    if (node.IsScalar())
        return '"' + node.Scalar() + '"';
    if (node.IsSequence()) {
        std::string text = "[";
        for (const YAML::Node &item : node)
            text += canonical(item, false) + ',';
        return text + ']';
    }
    if (!node.IsMap())
        return "null";
    std::map<std::string, std::string> fields;
    for (const auto &entry : node) {
        if (!entry.first.IsScalar() || isUnset(entry.second))
            continue;
        if (dropName && entry.first.Scalar() == "name")
            continue;
        fields[entry.first.Scalar()] = canonical(entry.second, false);
    }
    std::string text = "{";
    for (const auto &[key, value] : fields)
        text += key + ':' + value + ',';
    return text + '}';
}

// "exact:v" / "prefix:v" for a StringMatch; regex and absent give `absent`.
std::string encode(const YAML::Node &match, const std::string &absent = {})
{
    if (match.IsDefined() && match.IsMap()) {
        for (const char *kind : {"exact", "prefix"}) {
            const YAML::Node value = childOf(match, kind);
            if (value.IsScalar())
                return std::string(kind) + ':' + value.Scalar();
        }
    }
    return absent;
}

std::map<std::string, std::string> encodeAll(const YAML::Node &matches)
{
    std::map<std::string, std::string> encoded;
    if (matches.IsDefined() && matches.IsMap()) {
        for (const auto &entry : matches) {
            if (entry.first.IsScalar())
                encoded[entry.first.Scalar()] = encode(entry.second);
        }
    }
    return encoded;
}

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

struct PrefixMatch
{
    std::string prefix;
    std::string port;
    std::string method;
    std::string authority;
    std::map<std::string, std::string> headers;
    std::map<std::string, std::string> queryParams;
    std::map<std::string, std::string> withoutHeaders;
    size_t rule = 0;
    size_t match = 0;
    std::string ruleName;
    std::string matchName;
    SourceLocation location;
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
bool prefixCovered(const PrefixMatch &a, const PrefixMatch &b)
{
    return startsWith(b.prefix, a.prefix) && a.port == b.port && sameOrNarrower(a.method, b.method)
        && sameOrNarrower(a.authority, b.authority) && mapCovered(a.headers, b.headers)
        && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

std::string ruleName(const YAML::Node &rule, size_t index)
{
    const YAML::Node name = childOf(rule, "name");
    if (name.IsScalar() && !name.Scalar().empty())
        return '"' + name.Scalar() + '"';
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
    // Const lookups only: raw nodes are shared between snapshots and threads.
    const YAML::Node routes = childOf(childOf(vs.meta.raw, "spec"), section);
    if (!routes.IsSequence())
        return;
    const bool http = std::string(section) == "http";
    std::map<std::string, size_t> seen; // canonical match -> first rule
    std::vector<PrefixMatch> prefixes;
    long catchAll = -1;
    for (size_t n = 0; n < routes.size(); ++n) {
        const YAML::Node rule = routes[n];
        if (!rule.IsDefined() || !rule.IsMap())
            continue;
        const std::string name = http ? ruleName(rule, n) : '#' + std::to_string(n);
        const YAML::Node matches = childOf(rule, "match");
        const size_t count = matches.IsSequence() ? matches.size() : 0;
        if (count == 0) {
            if (catchAll >= 0)
                unreachable(vs, section, n, name,
                            "it has no match, and rule #" + std::to_string(catchAll)
                                + " before it has none either: only the last rule may go without",
                            "give one of the two rules a match, or remove one", locationOf(vs.meta, rule));
            catchAll = long(n);
            continue;
        }
        size_t duplicates = 0;
        for (size_t m = 0; m < count; ++m) {
            const YAML::Node match = matches[m];
            if (catchAll >= 0) {
                unreachable(vs, section, n, name,
                            "rule #" + std::to_string(catchAll) + " before it has no match and takes every request",
                            "move rule #" + std::to_string(catchAll) + " to the end of " + section
                                + ", or give it a match",
                            locationOf(vs.meta, rule));
                continue;
            }
            const std::string key = canonical(match, true);
            const YAML::Node matchNameNode = childOf(match, "name");
            const std::string matchName = http && matchNameNode.IsScalar() && !matchNameNode.Scalar().empty()
                ? '"' + matchNameNode.Scalar() + '"'
                : '#' + std::to_string(m);
            const auto [it, inserted] = seen.emplace(key, n);
            if (!inserted) {
                ineffective(vs, section, n, m,
                            "rule " + name + " match " + matchName + " is never used: it repeats a match of rule "
                                + (http ? ruleName(routes[it->second], it->second) : '#' + std::to_string(it->second))
                                + ", which takes those requests first",
                            locationOf(vs.meta, match));
                ++duplicates;
                continue;
            }
            const YAML::Node prefix = http ? childOf(childOf(match, "uri"), "prefix") : YAML::Node();
            if (prefix.IsScalar() && !prefix.Scalar().empty()) {
                PrefixMatch entry;
                entry.prefix = prefix.Scalar();
                const YAML::Node port = childOf(match, "port");
                entry.port = port.IsScalar() ? port.Scalar() : std::string();
                entry.method = encode(childOf(match, "method"), "exact:GET"); // istioctl's default
                entry.authority = encode(childOf(match, "authority"));
                entry.headers = encodeAll(childOf(match, "headers"));
                entry.queryParams = encodeAll(childOf(match, "queryParams"));
                entry.withoutHeaders = encodeAll(childOf(match, "withoutHeaders"));
                entry.rule = n;
                entry.match = m;
                entry.ruleName = name;
                entry.matchName = matchName;
                entry.location = locationOf(vs.meta, match);
                prefixes.push_back(std::move(entry));
            }
        }
        if (duplicates == count)
            unreachable(vs, section, n, name, "every one of its matches repeats a match of an earlier rule",
                        "remove the rule, or change its matches", locationOf(vs.meta, rule));
    }
    for (size_t a = 0; a < prefixes.size(); ++a) {
        for (size_t b = a + 1; b < prefixes.size(); ++b) {
            const PrefixMatch &earlier = prefixes[a];
            const PrefixMatch &later = prefixes[b];
            if (earlier.prefix == later.prefix || !prefixCovered(earlier, later))
                continue;
            ineffective(vs, section, later.rule, later.match,
                        "rule " + later.ruleName + " match " + later.matchName + " (prefix " + later.prefix
                            + ") is never used: match " + earlier.matchName + " (prefix " + earlier.prefix
                            + ") of rule " + earlier.ruleName + " takes those requests first",
                        later.location);
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
