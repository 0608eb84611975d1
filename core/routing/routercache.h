// SPDX-License-Identifier: MIT
#pragma once

#include "routing/router.h"

#include <deque>
#include <future>
#include <mutex>

namespace meshlane {

// One Router per Mesh snapshot, whoever asks first builds it and everyone
// else (the graph's shares, the simulation, the request tester) gets the same
// one. Each is derived from the newest Router built before it (see
// Router(MeshPtr, const Router &)), so a drag step compiles what it changed.
// Thread-safe: ask from any thread; a second caller for a snapshot being
// built waits for that build instead of starting another.
class RouterCache
{
public:
    explicit RouterCache(RouterOptions options = {});

    RouterPtr routerFor(const MeshPtr &mesh);

    struct Stats
    {
        size_t built = 0;   // routers built (derived or not)
        size_t derived = 0; // of them, derived from a previous one
        size_t shared = 0;  // requests answered with a router already built or being built
    };
    Stats stats() const;

private:
    struct Slot
    {
        MeshPtr mesh; // held so its address cannot be reused by another snapshot
        std::shared_future<RouterPtr> router;
    };

    RouterOptions m_options;
    mutable std::mutex m_mutex;
    std::deque<Slot> m_recent; // newest last
    RouterPtr m_newest;        // the last one finished: the base of the next
    Stats m_stats;
};

using RouterCachePtr = std::shared_ptr<RouterCache>;

} // namespace meshlane
