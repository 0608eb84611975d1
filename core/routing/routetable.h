// SPDX-License-Identifier: MIT
#pragma once

#include "routing/compiledmatchblock.h"
#include "routing/compiledroute.h"
#include "routing/httprequest.h"
#include "routing/prefixindex.h"
#include "routing/proxycontext.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// The compiled routes of one virtual host in one context (the sidecars, or one
// gateway port). Istio emits one Envoy route per match block, in order, so the
// table is a list of entries (route, block) searched first-match. Immutable;
// match from any number of threads.
class RouteTable
{
public:
    struct Entry
    {
        uint32_t route = 0;  // index into routes()
        int block = -1;      // the match block's index in its http route; -1: no match list
        std::optional<CompiledMatchBlock> match; // empty: matches every request
    };

    struct Options
    {
        // Below this many entries with a URI key, a plain scan is at least as fast.
        size_t minIndexedEntries = 16;
    };

    RouteTable() = default;
    // `notes` say which match blocks Istio leaves out of this context and why.
    RouteTable(std::vector<CompiledRoute> routes, std::vector<Entry> entries, Options options,
               std::vector<TranslatedText> notes = {});

    // Index of the first entry matching the request, -1 for none. Uses the
    // prefix index when there is one; same answer as findLinear(), faster.
    int find(const HttpRequest &request, const ProxyContext &proxy) const;
    // The reference: Envoy's own linear first-match scan.
    int findLinear(const HttpRequest &request, const ProxyContext &proxy) const;

    bool entryMatches(size_t entry, const HttpRequest &request, const ProxyContext &proxy) const
    {
        const Entry &candidate = m_entries[entry];
        return !candidate.match || candidate.match->matches(request, proxy);
    }

    const std::vector<Entry> &entries() const { return m_entries; }
    const std::vector<CompiledRoute> &routes() const { return m_routes; }
    const CompiledRoute &routeOf(const Entry &entry) const { return m_routes[entry.route]; }
    const std::vector<TranslatedText> &notes() const { return m_notes; }
    bool isIndexed() const { return m_index != nullptr; }
    size_t indexedEntryCount() const;

private:
    std::vector<CompiledRoute> m_routes;
    std::vector<Entry> m_entries;
    std::vector<TranslatedText> m_notes;
    std::shared_ptr<const PrefixIndex> m_index;
    std::vector<uint32_t> m_unindexed; // entries the index cannot narrow, ascending
};

} // namespace meshlane
