// SPDX-License-Identifier: MIT
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace meshlane {

// What CompactNode reads: one node of a document CompactYaml built.
struct CompactNodeData
{
    enum class Type : uint8_t { Null, Scalar, Sequence, Map };
    Type type = Type::Null;
    YAML::Mark mark;
    std::string scalar;
    std::string tag; // "!" for a quoted scalar (yaml-cpp's non-specific tag), "?" or empty when plain
    uint64_t expandedSize = 1; // this node and everything under it, aliases expanded; saturates
    // Sequence items, or a mapping's keys and values in turn (key, value, key, ...).
    std::vector<const CompactNodeData *> children;
};

class CompactEntry;

// A read-only handle on one node of a manifest as the loader reads it, with
// the part of yaml-cpp's YAML::Node interface the parsers use (IsMap,
// Scalar, Mark, size, items, key lookup, iteration). It is yaml-cpp's node
// without its cost: a pointer into the document, a mapping's keys found by a
// scan without allocating, nothing reference-counted. Valid while the
// CompactYaml::Documents it came from lives. A default one is undefined
// (a missing key); an alias is the node its anchor names.
class CompactNode
{
public:
    CompactNode() = default;
    explicit CompactNode(const CompactNodeData *data)
        : m_data(data)
    {
    }

    bool IsDefined() const { return m_data != nullptr; }
    bool IsNull() const { return m_data && m_data->type == CompactNodeData::Type::Null; }
    bool IsScalar() const { return m_data && m_data->type == CompactNodeData::Type::Scalar; }
    bool IsSequence() const { return m_data && m_data->type == CompactNodeData::Type::Sequence; }
    bool IsMap() const { return m_data && m_data->type == CompactNodeData::Type::Map; }
    const std::string &Scalar() const; // empty unless a scalar
    const std::string &Tag() const;
    YAML::Mark Mark() const { return m_data ? m_data->mark : YAML::Mark::null_mark(); }
    // The nodes a consumer visits from here following every alias, keys
    // included; saturates. An alias bomb's text is tiny, its expansion exponential.
    uint64_t expandedSize() const { return m_data ? m_data->expandedSize : 0; }

    // Items of a sequence, pairs of a mapping, 0 otherwise.
    size_t size() const;
    // Item `index` of a sequence; undefined past its end or on anything else.
    CompactNode operator[](size_t index) const;
    // The value of the first scalar key equal to `key`; undefined when none.
    CompactNode child(std::string_view key) const;
    // Where child(key) is: the index of its pair in a mapping, or npos.
    static constexpr size_t npos = size_t(-1);
    size_t pairIndex(std::string_view key) const;
    // The key and the value of pair `index` of a mapping (index < size()).
    CompactNode pairKey(size_t index) const { return CompactNode(m_data->children[2 * index]); }
    CompactNode pairValue(size_t index) const { return CompactNode(m_data->children[2 * index + 1]); }

    class Iterator;
    Iterator begin() const;
    Iterator end() const;

private:
    const CompactNodeData *m_data = nullptr;
};

// What iterating a node yields, as in yaml-cpp: a sequence's item is the
// entry itself; a mapping's pair is `first` (the key) and `second`.
class CompactEntry : public CompactNode
{
public:
    CompactEntry(CompactNode item, CompactNode key, CompactNode value)
        : CompactNode(item)
        , first(key)
        , second(value)
    {
    }
    CompactNode first;
    CompactNode second;
};

class CompactNode::Iterator
{
public:
    Iterator(const CompactNodeData *node, size_t index)
        : m_node(node)
        , m_index(index)
    {
    }
    CompactEntry operator*() const;
    Iterator &operator++();
    bool operator!=(const Iterator &other) const { return m_index != other.m_index || m_node != other.m_node; }

private:
    const CompactNodeData *m_node;
    size_t m_index; // into m_node->children
};

} // namespace meshlane
