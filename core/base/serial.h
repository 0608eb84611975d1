// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstdint>

namespace meshlane {

// A number no other call in this process returns (never 0): what a derived
// object names its origin by, where an address could be reused.
inline uint64_t nextSerial()
{
    static std::atomic<uint64_t> last{0};
    return ++last;
}

} // namespace meshlane
