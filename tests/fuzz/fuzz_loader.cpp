// SPDX-License-Identifier: MIT
// libFuzzer entry point for the manifest loader: any bytes must come back as
// resources or diagnostics, never a crash, hang or runaway allocation.
// Build: cmake -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DMESHLANE_BUILD_FUZZERS=ON -DMESHLANE_BUILD_GUI=OFF
// Run:   build-fuzz/tests/fuzz/fuzz_loader -max_len=4096 -rss_limit_mb=2048 samples/*/
#include "load/manifestloader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const meshlane::ManifestLoader loader;
    const meshlane::LoadResult result = loader.loadText("fuzz.yaml", std::string(reinterpret_cast<const char *>(data), size));
    for (const meshlane::Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.message.empty())
            __builtin_trap();
    }
    return 0;
}
