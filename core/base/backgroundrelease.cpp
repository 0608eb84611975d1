// SPDX-License-Identifier: MIT
#include "base/backgroundrelease.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace meshlane {

namespace {

class Releaser
{
public:
    Releaser()
        : m_thread([this] { run(); })
    {
    }

    ~Releaser()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    void release(std::shared_ptr<const void> object)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(object));
        }
        m_wake.notify_one();
    }

private:
    void run()
    {
#ifdef __linux__
        // Behind the work someone waits for: on two cores, freeing an old
        // snapshot must not slow the next one's Router down.
        setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
#endif
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nothing left
            std::shared_ptr<const void> object = std::move(m_queue.front());
            m_queue.pop_front();
            lock.unlock();
            object.reset();
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<const void>> m_queue;
    bool m_stopping = false;
    std::thread m_thread; // last: started once the rest is ready
};

} // namespace

void releaseInBackground(std::shared_ptr<const void> object)
{
    if (!object)
        return;
    static Releaser releaser;
    releaser.release(std::move(object));
}

} // namespace meshlane
