// SPDX-License-Identifier: MIT
// libFuzzer: the router against a naive in-order scan (tests/support/
// randomroutetable.h) on route tables and requests drawn from the input;
// any disagreement traps. tst_routeroracle runs the same check on fixed seeds.
#include "load/manifestloader.h"
#include "support/randomroutetable.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace meshlane;
    using namespace meshlane::testing;
    if (size < sizeof(uint64_t))
        return 0;
    uint64_t seed = 0;
    std::memcpy(&seed, data, sizeof seed);
    RandomRouteTables tables(seed);
    const LoadResult loaded = ManifestLoader().loadText("oracle.yaml", std::string(kOracleBase) + tables.virtualService());
    const VirtualService *vs = loaded.mesh->findVirtualService("default", "shop");
    if (!vs)
        __builtin_trap(); // the generator writes only loadable tables
    const Router router(loaded.mesh);
    const size_t requests = 1 + (size - sizeof seed) % 64;
    for (size_t i = 0; i < requests; ++i) {
        const HttpRequest request = tables.request();
        const RequestWitness::Taking naive = RequestWitness::firstMatchTaking(*vs, request);
        const RouteDecision decision = router.route(request, Router::Explain::No);
        const bool byRoute = decision.rule && decision.rule->kind == "VirtualService";
        if ((byRoute ? decision.rule->index : -1) != naive.route || (byRoute ? decision.rule->match : -1) != naive.match)
            __builtin_trap();
    }
    return 0;
}
