// SPDX-License-Identifier: MIT
#include "load/compactyaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <limits>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace meshlane {

namespace {

class TreeBuilder : public YAML::EventHandler
{
public:
    explicit TreeBuilder(CompactYaml::Documents &documents)
        : m_documents(documents)
    {
    }

    void OnDocumentStart(const YAML::Mark &) override
    {
        m_root = nullptr;
        m_anchors.clear(); // anchors name nodes of their own document only
    }

    void OnDocumentEnd() override
    {
        if (!m_root)
            m_root = make(CompactNodeData::Type::Null, YAML::Mark::null_mark(), {});
        m_documents.roots.emplace_back(m_root);
        m_documents.duplicates.push_back(std::move(m_duplicate));
        m_duplicate.reset();
        m_open.clear();
        m_pending.clear();
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        attach(make(CompactNodeData::Type::Null, mark, {}), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        // yaml-cpp's parser refuses an alias to an unknown anchor before it gets here.
        if (anchor >= m_anchors.size() || !m_anchors[anchor])
            return;
        // `a: &x [1, *x]` would make the tree a cycle, which every walk over
        // it follows until the stack runs out. go-yaml, so kubectl, refuses
        // an anchor that contains itself; so do we.
        for (const Open &open : m_open) {
            if (open.node == m_anchors[anchor])
                throw YAML::ParserException(mark, "an alias inside the collection its anchor names (the "
                                                  "collection would contain itself)");
        }
        attach(m_anchors[anchor], YAML::NullAnchor);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        CompactNodeData *node = make(CompactNodeData::Type::Scalar, mark, tag);
        node->scalar = value;
        attach(node, anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(make(CompactNodeData::Type::Sequence, mark, tag), anchor);
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(make(CompactNodeData::Type::Map, mark, tag), anchor);
    }

    void OnMapEnd() override { close(); }

private:
    CompactNodeData *make(CompactNodeData::Type type, const YAML::Mark &mark, const std::string &tag)
    {
        CompactNodeData &node = m_documents.nodes.emplace_back();
        node.type = type;
        node.mark = mark;
        node.tag = tag;
        return &node;
    }

    void attach(const CompactNodeData *node, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor) {
            if (m_anchors.size() <= anchor)
                m_anchors.resize(anchor + 1, nullptr);
            m_anchors[anchor] = node;
        }
        if (m_open.empty())
            m_root = node;
        else
            m_pending.push_back(node);
    }

    // A collection's children wait on one shared stack until it closes, then
    // move into it in one allocation of the right size: growing each node's
    // own vector item by item was most of what building the trees cost.
    void open(CompactNodeData *node, YAML::anchor_t anchor)
    {
        attach(node, anchor);
        m_open.push_back(Open{node, m_pending.size()});
    }

    void close()
    {
        if (m_open.empty())
            return;
        const Open &open = m_open.back();
        CompactNodeData &node = *open.node;
        node.children.assign(m_pending.begin() + std::ptrdiff_t(open.firstPending), m_pending.end());
        m_pending.resize(open.firstPending);
        m_open.pop_back();
        // An alias adds its anchor's whole size: an anchor is complete before
        // any alias to it (one inside it was refused above).
        for (const CompactNodeData *child : node.children)
            node.expandedSize = saturatingSum(node.expandedSize, child->expandedSize);
        if (node.type == CompactNodeData::Type::Map)
            findDuplicateKey(node.children);
    }

    static uint64_t saturatingSum(uint64_t a, uint64_t b)
    {
        return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max() : a + b;
    }

    static bool isComparableKey(const CompactNodeData *key)
    {
        return key->type == CompactNodeData::Type::Scalar && key->scalar != "<<";
    }

    // Keys and values alternate in `pairs`. Most mappings hold a handful of
    // keys: comparing each with those before it needs no allocation.
    void findDuplicateKey(const std::vector<const CompactNodeData *> &pairs)
    {
        const size_t count = pairs.size() / 2;
        if (count <= 16) {
            for (size_t j = 1; j < count; ++j) {
                const CompactNodeData *second = pairs[2 * j];
                if (!isComparableKey(second))
                    continue;
                for (size_t i = 0; i < j; ++i) {
                    const CompactNodeData *first = pairs[2 * i];
                    if (isComparableKey(first) && first->scalar == second->scalar)
                        return noteDuplicate(*first, *second);
                }
            }
            return;
        }
        std::unordered_map<std::string_view, const CompactNodeData *> seen;
        seen.reserve(count);
        for (size_t j = 0; j < count; ++j) {
            const CompactNodeData *key = pairs[2 * j];
            if (!isComparableKey(key))
                continue;
            if (const auto [at, added] = seen.emplace(key->scalar, key); !added)
                return noteDuplicate(*at->second, *key);
        }
    }

    // Inner mappings close before outer ones: keep the duplicate written first.
    void noteDuplicate(const CompactNodeData &first, const CompactNodeData &second)
    {
        if (m_duplicate && m_duplicate->secondPosition <= second.mark.pos)
            return;
        m_duplicate =
            CompactYaml::DuplicateKey{second.scalar, first.mark.line + 1, second.mark.line + 1, second.mark.pos};
    }

    struct Open
    {
        CompactNodeData *node;
        size_t firstPending; // where its children start in m_pending
    };

    CompactYaml::Documents &m_documents;
    const CompactNodeData *m_root = nullptr;
    std::vector<Open> m_open;
    std::vector<const CompactNodeData *> m_pending;
    std::vector<const CompactNodeData *> m_anchors;
    std::optional<CompactYaml::DuplicateKey> m_duplicate; // of the document being built
};

} // namespace

std::unique_ptr<const CompactYaml::Documents> CompactYaml::loadAll(const std::string &text)
{
    auto documents = std::make_unique<Documents>();
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    TreeBuilder builder(*documents);
    while (parser.HandleNextDocument(builder)) {
    }
    return documents;
}

} // namespace meshlane
