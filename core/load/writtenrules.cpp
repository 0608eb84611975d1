// SPDX-License-Identifier: MIT
#include "load/resourceparsers.h"

namespace meshlane {

namespace {

bool isUnset(const CompactNode &node)
{
    if (!isPresent(node))
        return true;
    if (node.IsScalar())
        return node.Scalar().empty() || node.Scalar() == "false" || node.Scalar() == "0";
    return node.size() == 0;
}

// A match as istioctl compares them (its JSON): keys sorted, unset values and
// the top-level name left out.
std::string canonical(const CompactNode &node, bool dropName)
{
    if (!node.IsDefined())
        return "null";
    if (node.IsScalar())
        return '"' + node.Scalar() + '"';
    if (node.IsSequence()) {
        std::string text = "[";
        for (const CompactNode &item : node)
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
std::string encode(const CompactNode &match, const std::string &absent = {})
{
    if (match.IsDefined() && match.IsMap()) {
        for (const char *kind : {"exact", "prefix"}) {
            const CompactNode value = childOf(match, kind);
            if (value.IsScalar())
                return std::string(kind) + ':' + value.Scalar();
        }
    }
    return absent;
}

std::map<std::string, std::string> encodeAll(const CompactNode &matches)
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

WrittenMatch writtenMatch(const ParseContext &context, const CompactNode &match, bool http)
{
    WrittenMatch written;
    written.canonical = canonical(match, true);
    written.name = scalarOf(match, "name");
    written.location = context.locationOf(match);
    const CompactNode prefix = http ? childOf(childOf(match, "uri"), "prefix") : CompactNode();
    if (prefix.IsScalar() && !prefix.Scalar().empty()) {
        written.uriPrefix = prefix.Scalar();
        written.port = scalarOf(match, "port");
        written.method = encode(childOf(match, "method"), "exact:GET");
        written.authority = encode(childOf(match, "authority"));
        written.headers = encodeAll(childOf(match, "headers"));
        written.queryParams = encodeAll(childOf(match, "queryParams"));
        written.withoutHeaders = encodeAll(childOf(match, "withoutHeaders"));
    }
    return written;
}

} // namespace

std::vector<WrittenRule> readWrittenRules(const ParseContext &context, const CompactNode &rules, bool http)
{
    std::vector<WrittenRule> written;
    if (!rules.IsSequence())
        return written;
    for (const CompactNode &rule : rules) {
        WrittenRule &item = written.emplace_back();
        item.location = context.locationOf(rule);
        if (!rule.IsDefined() || !rule.IsMap())
            continue;
        item.isMap = true;
        item.name = scalarOf(rule, "name");
        const CompactNode matches = childOf(rule, "match");
        for (size_t m = 0; matches.IsSequence() && m < matches.size(); ++m)
            item.matches.push_back(writtenMatch(context, matches[m], http));
    }
    return written;
}

} // namespace meshlane
