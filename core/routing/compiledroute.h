// SPDX-License-Identifier: MIT
#pragma once

#include "model/virtualservice.h"
#include "routing/destinationresolver.h"
#include "routing/routedecision.h"

#include <memory>
#include <string>
#include <vector>

namespace meshlane {

class RouteTable;

// What one http route does once it matched, worked out when the router is
// built: destinations resolved to pods, Envoy's cumulative weight intervals,
// mirror and fault fractions as Istio translates them (per million, truncated).
struct CompiledRoute
{
    const VirtualService *virtualService = nullptr;
    int httpIndex = -1;
    const HttpRoute *route = nullptr;

    RouteAction action = RouteAction::Failure;
    int status = 503;            // Redirect / DirectResponse / Failure
    TranslatedText failure;      // why Failure
    std::vector<DestinationOutcome> destinations;
    std::vector<int64_t> cumulativeWeights; // end of each destination's interval
    int64_t totalWeight = 0;
    std::vector<MirrorOutcome> mirrors;
    FaultOutcome fault;
    std::vector<TranslatedText> notes; // translation remarks for the explanation

    // Delegation (`delegate:`): the delegate VirtualService and its routes.
    const VirtualService *delegate = nullptr;
    std::shared_ptr<const RouteTable> delegateTable;

    // Envoy's weighted-cluster pick: `random % total` into cumulative
    // intervals. Returns the destination index, or -1 when there is none.
    int pickDestination(uint64_t random) const
    {
        if (totalWeight <= 0)
            return -1;
        const int64_t point = int64_t(random % uint64_t(totalWeight));
        for (size_t i = 0; i < cumulativeWeights.size(); ++i) {
            if (point < cumulativeWeights[i])
                return int(i);
        }
        return -1;
    }

    std::string label() const; // "VirtualService default/reviews http[1] (name)"

    static CompiledRoute compile(const VirtualService &virtualService, int httpIndex,
                                 const DestinationResolver &resolver);
};

// Istio's percentage translation: uint32(value * 10000) over a million.
uint32_t percentToPerMillion(double percent);

} // namespace meshlane
