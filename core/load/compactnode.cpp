// SPDX-License-Identifier: MIT
#include "load/compactnode.h"

namespace meshlane {

namespace {

const std::string &noText()
{
    static const std::string empty;
    return empty;
}

} // namespace

const std::string &CompactNode::Scalar() const
{
    return IsScalar() ? m_data->scalar : noText();
}

const std::string &CompactNode::Tag() const
{
    return m_data ? m_data->tag : noText();
}

size_t CompactNode::size() const
{
    if (IsSequence())
        return m_data->children.size();
    if (IsMap())
        return m_data->children.size() / 2;
    return 0;
}

CompactNode CompactNode::operator[](size_t index) const
{
    if (!IsSequence() || index >= m_data->children.size())
        return CompactNode();
    return CompactNode(m_data->children[index]);
}

CompactNode CompactNode::child(std::string_view key) const
{
    const size_t index = pairIndex(key);
    return index == npos ? CompactNode() : pairValue(index);
}

size_t CompactNode::pairIndex(std::string_view key) const
{
    if (!IsMap())
        return npos;
    const std::vector<const CompactNodeData *> &children = m_data->children;
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
        const CompactNodeData *name = children[i];
        if (name->type == CompactNodeData::Type::Scalar && name->scalar == key)
            return i / 2;
    }
    return npos;
}

CompactNode::Iterator CompactNode::begin() const
{
    return Iterator(m_data, 0);
}

CompactNode::Iterator CompactNode::end() const
{
    const size_t count = IsSequence() || IsMap() ? m_data->children.size() : 0;
    return Iterator(m_data, count);
}

CompactEntry CompactNode::Iterator::operator*() const
{
    if (m_node->type == CompactNodeData::Type::Map)
        return CompactEntry(CompactNode(), CompactNode(m_node->children[m_index]),
                            CompactNode(m_node->children[m_index + 1]));
    return CompactEntry(CompactNode(m_node->children[m_index]), CompactNode(), CompactNode());
}

CompactNode::Iterator &CompactNode::Iterator::operator++()
{
    m_index += m_node && m_node->type == CompactNodeData::Type::Map ? 2 : 1;
    return *this;
}

} // namespace meshlane
