// SPDX-License-Identifier: MIT
#include "load/fieldreader.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

namespace meshlane {

namespace {

const char *typeName(const CompactNode &node)
{
    if (node.IsMap())
        return "a mapping";
    if (node.IsSequence())
        return "a list";
    if (node.IsNull())
        return "null";
    if (node.IsScalar())
        return isQuotedScalar(node) ? "a string" : "a scalar";
    return "nothing";
}

std::string shortValue(const CompactNode &node)
{
    if (!node.IsScalar())
        return typeName(node);
    std::string text = node.Scalar();
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return '"' + text + '"';
}

// What YAML 1.1, which Kubernetes' parser (go-yaml v2) speaks, reads as a
// boolean: more than YAML 1.2's true/false.
std::optional<bool> yaml11Boolean(std::string_view text)
{
    // Every such word starts with one of these letters: most keys and values
    // (names, labels, hosts) are told apart by their first byte.
    if (text.empty() || text.size() > 5 || std::string_view("yYnNtTfFoO").find(text[0]) == std::string_view::npos)
        return std::nullopt;
    static constexpr std::string_view yes[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
    static constexpr std::string_view no[] = {"n",     "N",     "no",  "No",  "NO", "false",
                                              "False", "FALSE", "off", "Off", "OFF"};
    for (const std::string_view word : yes) {
        if (text == word)
            return true;
    }
    for (const std::string_view word : no) {
        if (text == word)
            return false;
    }
    return std::nullopt;
}

bool looksLikeNonString(const std::string &text)
{
    // Plain scalars YAML 1.1 reads as non-strings: booleans, nulls, numbers,
    // and the special floats (which JSON, so kubectl, cannot carry either).
    // A text starting with any other letter is none of them (nor anything
    // from_chars reads as a number: it reads "inf" and "nan" too).
    if (!text.empty() && std::isalpha(static_cast<unsigned char>(text[0]))
        && std::string_view("yYnNtTfFoOiI").find(text[0]) == std::string_view::npos)
        return false;
    static constexpr std::string_view keywords[] = {"null",  "Null",  "NULL",  "~",    ".nan",  ".NaN",
                                                    ".NAN",  ".inf",  ".Inf",  ".INF", "+.inf", "+.Inf",
                                                    "+.INF", "-.inf", "-.Inf", "-.INF"};
    if (yaml11Boolean(text))
        return true;
    for (const std::string_view keyword : keywords) {
        if (text == keyword)
            return true;
    }
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

CompactNode childOf(const CompactNode &map, const char *key)
{
    return map.child(key);
}

bool isPresent(const CompactNode &node)
{
    return node.IsDefined() && !node.IsNull();
}

std::string scalarOf(const CompactNode &map, const char *key)
{
    const CompactNode value = childOf(map, key);
    return value.IsScalar() ? value.Scalar() : std::string();
}

bool isQuotedScalar(const CompactNode &node)
{
    return node.IsScalar() && node.Tag() == "!";
}

SourceLocation ParseContext::locationOf(const CompactNode &node) const
{
    SourceLocation location;
    location.file = file;
    const YAML::Mark mark = node.Mark();
    if (!mark.is_null()) {
        location.line = mark.line + 1;
        location.column = mark.column + 1;
    }
    return location;
}

void ParseContext::report(Severity severity, const char *code, const CompactNode &at, std::string message,
                          std::string fix) const
{
    if (!diagnostics)
        return;
    Diagnostic diagnostic;
    diagnostic.code = code;
    diagnostic.severity = severity;
    diagnostic.resource = resource;
    diagnostic.location = locationOf(at);
    diagnostic.message = std::move(message);
    diagnostic.fix = std::move(fix);
    diagnostics->push_back(std::move(diagnostic));
}

FieldReader::FieldReader(const ParseContext &context, const CompactNode &map, std::string path)
    : m_context(context)
    , m_map(map)
    , m_path(std::move(path))
    , m_isMap(map.IsMap())
{
    if (!m_isMap && map.IsDefined() && !map.IsNull())
        wrongType(map, FieldPath{m_path}, "a mapping");
}

std::string FieldReader::FieldPath::text() const
{
    std::string path = base;
    if (key)
        path += (path.empty() ? "" : ".") + std::string(key);
    if (index != size_t(-1))
        path += '[' + std::to_string(index) + ']';
    if (subkey)
        path += '.' + *subkey;
    return path;
}

std::string FieldReader::childPath(const char *key) const { return FieldPath{m_path, key}.text(); }

void FieldReader::wrongType(const CompactNode &node, const FieldPath &path, const char *expected) const
{
    m_context.report(Severity::Error, codes::SchemaError, node,
                     path.text() + ": expected " + expected + ", got " + shortValue(node));
}

void FieldReader::markKnown(size_t pair)
{
    if (pair == CompactNode::npos)
        return;
    if (pair < 64) {
        m_knownPairs |= uint64_t(1) << pair;
        return;
    }
    if (m_knownBeyond.size() <= pair - 64)
        m_knownBeyond.resize(pair - 64 + 1);
    m_knownBeyond[pair - 64] = true;
}

bool FieldReader::isKnown(size_t pair) const
{
    if (pair < 64)
        return (m_knownPairs >> pair) & 1;
    return pair - 64 < m_knownBeyond.size() && m_knownBeyond[pair - 64];
}

bool FieldReader::has(const char *key) const
{
    return isPresent(childOf(m_map, key));
}

CompactNode FieldReader::value(const char *key)
{
    const size_t pair = m_map.pairIndex(key);
    if (pair == CompactNode::npos)
        return CompactNode();
    markKnown(pair);
    const CompactNode child = m_map.pairValue(pair);
    return isPresent(child) ? child : CompactNode();
}

SourceLocation FieldReader::locationOf(const char *key) const
{
    const CompactNode child = childOf(m_map, key);
    return child.IsDefined() ? m_context.locationOf(child) : location();
}

std::optional<std::string> FieldReader::asString(const CompactNode &node, const FieldPath &path) const
{
    if (!isPresent(node))
        return std::nullopt;
    if (!node.IsScalar()) {
        wrongType(node, path, "a string");
        return std::nullopt;
    }
    if (!isQuotedScalar(node) && looksLikeNonString(node.Scalar())) {
        m_context.report(Severity::Error, codes::SchemaError, node,
                         path.text() + ": expected a string, got " + shortValue(node)
                             + " (a number or boolean to YAML)",
                         "quote it: \"" + node.Scalar() + '"');
        return node.Scalar(); // keep going with the text: the intent is clear
    }
    return node.Scalar();
}

std::optional<int64_t> FieldReader::asInteger(const CompactNode &node, const FieldPath &path) const
{
    if (!isPresent(node))
        return std::nullopt;
    if (node.IsScalar() && !isQuotedScalar(node)) {
        const std::string &text = node.Scalar();
        int64_t value = 0;
        const char *begin = text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size())
            return value;
    }
    wrongType(node, path, "an integer");
    return std::nullopt;
}

std::optional<double> FieldReader::asNumber(const CompactNode &node, const FieldPath &path) const
{
    if (!isPresent(node))
        return std::nullopt;
    if (node.IsScalar() && !isQuotedScalar(node)) {
        const std::string &text = node.Scalar();
        double value = 0;
        const char *begin = text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
        // from_chars also reads "nan" and "inf", which are strings to YAML and
        // which JSON (so kubectl) cannot carry: not numbers here either.
        if (error == std::errc() && end == text.data() + text.size() && std::isfinite(value))
            return value;
    }
    wrongType(node, path, "a number");
    return std::nullopt;
}

std::optional<std::string> FieldReader::string(const char *key) { return asString(value(key), FieldPath{m_path, key}); }

std::optional<int64_t> FieldReader::integer(const char *key) { return asInteger(value(key), FieldPath{m_path, key}); }

std::optional<double> FieldReader::number(const char *key) { return asNumber(value(key), FieldPath{m_path, key}); }

std::optional<bool> FieldReader::boolean(const char *key)
{
    const CompactNode node = value(key);
    if (!isPresent(node))
        return std::nullopt;
    if (node.IsScalar() && !isQuotedScalar(node)) {
        const std::string &text = node.Scalar();
        if (text == "true" || text == "True" || text == "TRUE")
            return true;
        if (text == "false" || text == "False" || text == "FALSE")
            return false;
    }
    wrongType(node, FieldPath{m_path, key}, "true or false");
    return std::nullopt;
}

std::vector<std::string> FieldReader::stringList(const char *key)
{
    std::vector<std::string> result;
    const CompactNode node = value(key);
    if (!isPresent(node))
        return result;
    if (!node.IsSequence()) {
        wrongType(node, FieldPath{m_path, key}, "a list of strings");
        return result;
    }
    for (size_t i = 0; i < node.size(); ++i) {
        if (auto text = asString(node[i], FieldPath{m_path, key, i}))
            result.push_back(*text);
    }
    return result;
}

Labels FieldReader::stringMap(const char *key)
{
    Labels result;
    const CompactNode node = value(key);
    if (!isPresent(node))
        return result;
    if (!node.IsMap()) {
        wrongType(node, FieldPath{m_path, key}, "a mapping of strings");
        return result;
    }
    for (const auto &entry : node) {
        if (!entry.first.IsScalar())
            continue;
        std::string name = entry.first.Scalar();
        // kubectl turns a boolean key into JSON's "true"/"false": a label
        // written `on: x` is the label `true` on the cluster. Read it so too.
        if (const std::optional<bool> flag = isQuotedScalar(entry.first) ? std::nullopt : yaml11Boolean(name)) {
            const std::string asKubectl = *flag ? "true" : "false";
            m_context.report(Severity::Warning, codes::SchemaError, entry.first,
                             childPath(key) + ": the key " + name + " is a YAML 1.1 boolean; kubectl reads it as \""
                                 + asKubectl + '"',
                             "quote it: \"" + name + "\": ...");
            name = asKubectl;
        }
        if (auto text = asString(entry.second, FieldPath{m_path, key, size_t(-1), &name}))
            result[name] = *text;
    }
    return result;
}

std::optional<FieldReader> FieldReader::map(const char *key)
{
    const CompactNode node = value(key);
    if (!isPresent(node))
        return std::nullopt;
    FieldReader child(m_context, node, childPath(key));
    if (!child.isMap())
        return std::nullopt;
    return child;
}

std::vector<FieldReader> FieldReader::mapList(const char *key)
{
    std::vector<FieldReader> result;
    const CompactNode node = value(key);
    if (!isPresent(node))
        return result;
    if (!node.IsSequence()) {
        wrongType(node, FieldPath{m_path, key}, "a list");
        return result;
    }
    result.reserve(node.size());
    for (size_t i = 0; i < node.size(); ++i) {
        FieldReader child(m_context, node[i], FieldPath{m_path, key, i}.text());
        if (child.isMap())
            result.push_back(std::move(child));
    }
    return result;
}

void FieldReader::finish()
{
    if (!m_isMap)
        return;
    for (size_t pair = 0; pair < m_map.size(); ++pair) {
        const CompactNode key = m_map.pairKey(pair);
        if (!key.IsScalar() || isKnown(pair))
            continue;
        m_context.report(Severity::Warning, codes::SchemaError, key,
                         "unknown field " + childPath(key.Scalar().c_str())
                             + " (kept as written, ignored by Meshlane)");
    }
}

} // namespace meshlane
