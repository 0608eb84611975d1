// SPDX-License-Identifier: MIT
#include "load/compactyaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

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
        open.node->children.assign(m_pending.begin() + std::ptrdiff_t(open.firstPending), m_pending.end());
        m_pending.resize(open.firstPending);
        m_open.pop_back();
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
