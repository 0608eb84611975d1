// SPDX-License-Identifier: MIT
#include "routing/prefixindex.h"

namespace meshlane {

PrefixIndex::PrefixIndex()
    : m_sensitive(1)
    , m_insensitive(1)
{
}

uint32_t PrefixIndex::insert(Trie &trie, std::string_view key)
{
    uint32_t node = 0;
    for (char c : key) {
        uint32_t next = child(trie[node], c);
        if (next == 0) {
            next = uint32_t(trie.size());
            trie[node].children.emplace_back(c, next);
            trie.emplace_back(); // invalidates references: index again below
        }
        node = next;
    }
    return node;
}

void PrefixIndex::addPrefix(std::string_view key, bool ignoreCase, uint32_t entry)
{
    Trie &trie = ignoreCase ? m_insensitive : m_sensitive;
    m_hasInsensitive = m_hasInsensitive || ignoreCase;
    trie[insert(trie, key)].prefixEntries.push_back(entry);
}

void PrefixIndex::addExact(std::string_view key, bool ignoreCase, uint32_t entry)
{
    Trie &trie = ignoreCase ? m_insensitive : m_sensitive;
    m_hasInsensitive = m_hasInsensitive || ignoreCase;
    trie[insert(trie, key)].exactEntries.push_back(entry);
}

} // namespace meshlane
