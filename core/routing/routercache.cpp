// SPDX-License-Identifier: MIT
#include "routing/routercache.h"

#include "base/backgroundrelease.h"

#include <optional>

namespace meshlane {

namespace {

// A drag has at most a few snapshots in flight (the one shown, the one being
// routed, the next one); older ones are not asked for again.
constexpr size_t kRecentSnapshots = 4;

} // namespace

RouterCache::RouterCache(RouterOptions options)
    : m_options(options)
{
}

RouterPtr RouterCache::routerFor(const MeshPtr &mesh)
{
    std::promise<RouterPtr> promise;
    RouterPtr base;
    // An old snapshot and its Router of ten thousand rules take milliseconds
    // to free: not by this caller, who waits for the new Router (nor by the
    // others, who wait on this caller).
    std::optional<Slot> evicted;
    {
        std::unique_lock lock(m_mutex);
        for (const Slot &slot : m_recent) {
            if (slot.mesh == mesh) {
                ++m_stats.shared;
                const std::shared_future<RouterPtr> router = slot.router;
                lock.unlock();
                return router.get();
            }
        }
        m_recent.push_back({mesh, promise.get_future().share()});
        if (m_recent.size() > kRecentSnapshots) {
            evicted = std::move(m_recent.front());
            m_recent.pop_front();
        }
        base = m_newest;
    }
    RouterPtr router;
    try {
        router = base ? std::make_shared<const Router>(mesh, *base) : std::make_shared<const Router>(mesh, m_options);
    } catch (...) {
        promise.set_exception(std::current_exception());
        throw;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_newest = router;
        ++m_stats.built;
        m_stats.derived += router->buildStats().derived ? 1 : 0;
    }
    promise.set_value(router);
    if (evicted)
        releaseInBackground(std::make_shared<const Slot>(std::move(*evicted)));
    return router;
}

RouterCache::Stats RouterCache::stats() const
{
    const std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace meshlane
