// SPDX-License-Identifier: MIT
// libFuzzer: any traffic-mix text is refused with a line, or simulates: the
// class picked for every request is one of the mix's (fuzzing once found
// shares whose integer sum overflowed and a pick one past the end).
#include "load/manifestloader.h"
#include "routing/router.h"
#include "simulation/simulator.h"
#include "simulation/trafficmix.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace meshlane;
    static const RouterPtr router = std::make_shared<const Router>(
        ManifestLoader().loadFolder(std::string(MESHLANE_PROJECT_DIR) + "/samples/bookinfo").mesh);
    const Result<TrafficMix> mix = TrafficMix::fromYaml(std::string(reinterpret_cast<const char *>(data), size), {});
    if (!mix) {
        if (mix.error().empty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    const std::vector<int64_t> cumulative = mix->cumulativeShares();
    for (size_t i = 1; i < cumulative.size(); ++i) {
        if (cumulative[i] < cumulative[i - 1])
            __builtin_trap(); // overflowed
    }
    Simulator simulator(router, *mix, 11);
    const SimulationStep step = simulator.run(200);
    (void)step;
    return 0;
}
