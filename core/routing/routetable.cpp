// SPDX-License-Identifier: MIT
#include "routing/routetable.h"

#include <algorithm>
#include <array>

namespace meshlane {

namespace {

// Candidate entry numbers: on the stack for the usual handful, on the heap
// only for pathological tables (many keys that prefix the same path).
class CandidateList
{
public:
    void push(uint32_t entry)
    {
        if (m_size < m_inline.size())
            m_inline[m_size] = entry;
        else
            m_overflow.push_back(entry);
        ++m_size;
    }
    // Sorted ascending, in one contiguous range.
    std::pair<const uint32_t *, const uint32_t *> sorted()
    {
        if (m_size <= m_inline.size()) {
            std::sort(m_inline.begin(), m_inline.begin() + m_size);
            return {m_inline.data(), m_inline.data() + m_size};
        }
        m_overflow.insert(m_overflow.begin(), m_inline.begin(), m_inline.end());
        std::sort(m_overflow.begin(), m_overflow.end());
        return {m_overflow.data(), m_overflow.data() + m_overflow.size()};
    }

private:
    std::array<uint32_t, 16> m_inline{};
    std::vector<uint32_t> m_overflow;
    size_t m_size = 0;
};

bool isIndexableUri(const std::optional<CompiledMatchBlock> &match)
{
    if (!match || !match->uri())
        return false;
    const StringMatch::Kind kind = match->uri()->kind();
    return kind == StringMatch::Kind::Exact || kind == StringMatch::Kind::Prefix;
}

} // namespace

RouteTable::RouteTable(std::vector<CompiledRoute> routes, std::vector<Entry> entries, Options options,
                       std::vector<TranslatedText> notes)
    : m_routes(std::move(routes))
    , m_entries(std::move(entries))
    , m_notes(std::move(notes))
{
    size_t indexable = 0;
    for (const Entry &entry : m_entries)
        indexable += isIndexableUri(entry.match) ? 1 : 0;
    if (indexable == 0 || indexable < options.minIndexedEntries)
        return;
    auto index = std::make_shared<PrefixIndex>();
    for (uint32_t i = 0; i < m_entries.size(); ++i) {
        const std::optional<CompiledMatchBlock> &match = m_entries[i].match;
        if (!isIndexableUri(match)) {
            m_unindexed.push_back(i);
            continue;
        }
        const CompiledStringMatch &uri = *match->uri();
        if (uri.kind() == StringMatch::Kind::Prefix)
            index->addPrefix(uri.value(), uri.ignoreCase(), i);
        else
            index->addExact(uri.value(), uri.ignoreCase(), i);
    }
    m_index = std::move(index);
}

size_t RouteTable::indexedEntryCount() const
{
    return m_index ? m_entries.size() - m_unindexed.size() : 0;
}

int RouteTable::findLinear(const HttpRequest &request, const ProxyContext &proxy) const
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (entryMatches(i, request, proxy))
            return int(i);
    }
    return -1;
}

int RouteTable::find(const HttpRequest &request, const ProxyContext &proxy) const
{
    if (!m_index)
        return findLinear(request, proxy);
    // An indexed entry whose URI key does not fit the path cannot match, so
    // the first match is the lowest-numbered matching entry among the
    // candidates and the unindexed entries. Merge both ascending lists.
    CandidateList candidates;
    m_index->forEachCandidate(request.path, request.pathWithoutQuery(),
                              [&candidates](uint32_t entry) { candidates.push(entry); });
    auto [candidate, candidatesEnd] = candidates.sorted();
    auto unindexed = m_unindexed.begin();
    while (candidate != candidatesEnd || unindexed != m_unindexed.end()) {
        uint32_t next;
        if (candidate == candidatesEnd || (unindexed != m_unindexed.end() && *unindexed < *candidate))
            next = *unindexed++;
        else
            next = *candidate++;
        if (entryMatches(next, request, proxy))
            return int(next);
    }
    return -1;
}

} // namespace meshlane
