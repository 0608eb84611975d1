// SPDX-License-Identifier: MIT
#pragma once

#include "load/compactnode.h"
#include "model/diagnostic.h"
#include "model/resourcemeta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// What a parser needs to report a finding against the right file and resource.
struct ParseContext
{
    std::string file;
    ResourceId resource;
    Diagnostics *diagnostics = nullptr;
    // The file's text, for a parser that needs yaml-cpp's own tree of its
    // document (DocumentTree::ofText); null where there is none.
    const std::string *text = nullptr;

    SourceLocation locationOf(const CompactNode &node) const;
    void report(Severity severity, const char *code, const CompactNode &at, std::string message,
                std::string fix = {}) const;
};

// Reads one YAML mapping field by field with Kubernetes' strictness: a value of
// the wrong type is a schema error (IST0106) naming its path, file and line;
// keys nobody asked for are reported as unknown fields when finish() runs.
// Missing keys are not errors here: each parser decides what is required.
class FieldReader
{
public:
    FieldReader(const ParseContext &context, const CompactNode &map, std::string path);

    bool isMap() const { return m_isMap; }
    const CompactNode &node() const { return m_map; }
    const std::string &path() const { return m_path; }
    SourceLocation location() const { return m_context.locationOf(m_map); }
    SourceLocation locationOf(const char *key) const; // of the value, or of the map

    bool has(const char *key) const;
    CompactNode value(const char *key); // marks the key known; undefined when absent or null
    void ignore(const char *key) { markKnown(m_map.pairIndex(key)); }

    std::optional<std::string> string(const char *key);
    std::optional<int64_t> integer(const char *key);
    std::optional<double> number(const char *key);
    std::optional<bool> boolean(const char *key);
    std::vector<std::string> stringList(const char *key);
    Labels stringMap(const char *key);
    std::optional<FieldReader> map(const char *key);
    // Each element as a mapping; elements of another type are reported and skipped.
    std::vector<FieldReader> mapList(const char *key);

    // Reports keys not read (typos like `weigth`, or fields newer than us).
    void finish();

    const ParseContext &context() const { return m_context; }

private:
    // Where a value sits (`base.key[index].subkey`), spelt out only when a
    // finding names it: building every path up front was a good part of
    // what reading a manifest cost.
    struct FieldPath
    {
        explicit FieldPath(const std::string &within, const char *field = nullptr, size_t item = size_t(-1),
                           const std::string *itemField = nullptr)
            : base(within)
            , key(field)
            , index(item)
            , subkey(itemField)
        {
        }
        std::string text() const;

        const std::string &base;
        const char *key;
        size_t index;               // size_t(-1): none
        const std::string *subkey; // null: none (an empty one is a key too)
    };

    std::optional<std::string> asString(const CompactNode &node, const FieldPath &path) const;
    std::optional<int64_t> asInteger(const CompactNode &node, const FieldPath &path) const;
    std::optional<double> asNumber(const CompactNode &node, const FieldPath &path) const;
    std::string childPath(const char *key) const;
    void wrongType(const CompactNode &node, const FieldPath &path, const char *expected) const;
    void markKnown(size_t pair);
    bool isKnown(size_t pair) const;

    const ParseContext &m_context;
    CompactNode m_map;
    std::string m_path;
    bool m_isMap = false;
    // The pairs of the mapping read so far, by index: a bit each for the
    // first 64, which is nearly every mapping, the rest beyond.
    uint64_t m_knownPairs = 0;
    std::vector<bool> m_knownBeyond;
};

// yaml-cpp's parser marks quoted scalars with the non-specific tag "!": Kubernetes reads
// `weight: "10"` as a string, so must we.
bool isQuotedScalar(const CompactNode &node);

// map[key], undefined when `map` is not a mapping or has no such key.
CompactNode childOf(const CompactNode &map, const char *key);

// Neither missing nor an explicit null (`key:` with no value).
bool isPresent(const CompactNode &node);

// map[key] when it is a scalar, else empty: for fields kept as written
// (wrong types are FieldReader's to report).
std::string scalarOf(const CompactNode &map, const char *key);

} // namespace meshlane
