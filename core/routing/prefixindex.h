// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace meshlane {

// A byte trie over the URI keys (exact paths and prefixes) of route entries.
// Walking a request path once yields every entry whose URI condition can hold:
// a prefix entry at each node passed, an exact entry at the node where the
// query-less path ends. Case-insensitive keys live in a second trie walked
// with the path lower-cased on the fly. The index only narrows the search;
// the route table still checks each candidate's whole match block.
class PrefixIndex
{
public:
    PrefixIndex();

    // `key` must already be lower-case when `ignoreCase` is set.
    void addPrefix(std::string_view key, bool ignoreCase, uint32_t entry);
    void addExact(std::string_view key, bool ignoreCase, uint32_t entry);

    // Calls visit(entry) for every candidate, in no particular order.
    // `fullPath` is :path (prefixes see the query string, as in Envoy);
    // `pathWithoutQuery` is its leading part that exact keys must equal.
    template<class Visit>
    void forEachCandidate(std::string_view fullPath, std::string_view pathWithoutQuery, Visit &&visit) const
    {
        walk(m_sensitive, fullPath, pathWithoutQuery.size(), false, visit);
        if (m_hasInsensitive)
            walk(m_insensitive, fullPath, pathWithoutQuery.size(), true, visit);
    }

private:
    struct Node
    {
        std::vector<std::pair<char, uint32_t>> children;
        std::vector<uint32_t> prefixEntries;
        std::vector<uint32_t> exactEntries;
    };
    using Trie = std::vector<Node>; // node 0 is the root

    static uint32_t insert(Trie &trie, std::string_view key);
    static uint32_t child(const Node &node, char c)
    {
        for (const auto &[label, index] : node.children) {
            if (label == c)
                return index;
        }
        return 0; // the root is never a child
    }
    static char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

    template<class Visit>
    static void walk(const Trie &trie, std::string_view path, size_t exactLength, bool lowerCase, Visit &visit)
    {
        const Node *node = &trie.front();
        for (size_t depth = 0;; ++depth) {
            for (uint32_t entry : node->prefixEntries)
                visit(entry);
            if (depth == exactLength) {
                for (uint32_t entry : node->exactEntries)
                    visit(entry);
            }
            if (depth == path.size())
                return;
            const uint32_t next = child(*node, lowerCase ? lowerAscii(path[depth]) : path[depth]);
            if (next == 0)
                return;
            node = &trie[next];
        }
    }

    Trie m_sensitive;
    Trie m_insensitive;
    bool m_hasInsensitive = false;
};

} // namespace meshlane
