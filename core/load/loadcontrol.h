// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstddef>

namespace meshlane {

// Shared by a folder load and whoever watches it (the workbench's status
// bar): how far it got, and a request to stop. The loader polls the request
// between files (and between folders while it lists them), so a cancelled
// load ends within one file's parse. Every member may be used from any thread.
class LoadControl
{
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    // Manifest files found in the folder; 0 while it is still being listed.
    size_t filesFound() const { return m_filesFound.load(std::memory_order_relaxed); }
    // Of those, the files read and parsed so far.
    size_t filesRead() const { return m_filesRead.load(std::memory_order_relaxed); }

    // For the loader.
    void setFilesFound(size_t count) { m_filesFound.store(count, std::memory_order_relaxed); }
    void fileRead() { m_filesRead.fetch_add(1, std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<size_t> m_filesFound{0};
    std::atomic<size_t> m_filesRead{0};
};

} // namespace meshlane
