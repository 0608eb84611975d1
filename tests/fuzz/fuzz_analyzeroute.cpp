// SPDX-License-Identifier: MIT
// libFuzzer: a fuzzed file beside the Bookinfo sample is loaded, analyzed,
// routed and simulated. Whatever it holds (a VirtualService for a Bookinfo
// host, a broken DestinationRule, garbage), the engine answers without a
// crash, and every decision has a status a client could see.
#include "analysis/analyzer.h"
#include "load/manifestloader.h"
#include "routing/router.h"
#include "simulation/plainrequest.h"
#include "simulation/simulator.h"

#include "bookinfomesh.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace meshlane;
    const std::string text(reinterpret_cast<const char *>(data), size);
    const LoadResult loaded = ManifestLoader().reloadFiles(bookinfoMesh(), {{"fuzz.yaml", text}});
    analyze(*loaded.mesh);
    const RouterPtr router = std::make_shared<const Router>(loaded.mesh);
    for (const auto &vs : loaded.mesh->virtualServices) {
        for (const std::string &host : vs->hosts) {
            HttpRequest request;
            request.authority = host;
            request.setPath("/reviews/1");
            const RouteDecision decision = router->route(request);
            if (decision.status < 100 || decision.status > 599)
                __builtin_trap();
        }
        Simulator simulator(router, plainTrafficMix(*vs, 100), 7);
        simulator.run(50);
    }
    return 0;
}
