// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <cstddef>
#include <string>
#include <vector>

namespace meshlane {

// How one destination answers in a rehearsal: a share of 500s and a latency
// distribution (fixed, or log-normal through p50 and p99).
//
// YAML, beside `classes` in a traffic-mix file:
//   behaviour:
//     - destination: reviews:v3     # HOST:SUBSET, or a Service name (all its subsets)
//       errorRate: 0.08             # share answered 500
//       latencyMs: {p50: 40, p99: 250}   # or latencyMs: 25
struct BehaviourProfile
{
    std::string host; // as written: short name, or FQDN
    std::string subset; // empty: every subset of the host
    double errorRate = 0;
    double latencyP50Ms = 0;
    double latencyP99Ms = 0; // equal to p50: fixed latency
    int line = 0;

    bool matches(const std::string &hostFqdn, const std::string &targetSubset) const;
    bool fixedLatency() const { return latencyP99Ms <= latencyP50Ms; }
    // The latency distribution's quantiles at (i + 0.5) / kLatencyQuantiles.
    // A rehearsal draws millions of latencies: one table lookup each
    // (`table[random.below(size)]`) instead of a log, an exp and a cos.
    std::vector<double> latencyQuantiles() const;
    static constexpr size_t kLatencyQuantiles = size_t(1) << 16;

    // The `behaviour:` list of a traffic-mix file (empty when there is none);
    // fails with "line 4: errorRate must be ...".
    static Result<std::vector<BehaviourProfile>> listFromYaml(const std::string &text);
    // The text with the top-level `behaviour:` block blanked out (lines kept,
    // so TrafficMix's line numbers stay right) for readers that do not know it.
    static std::string withoutBehaviour(const std::string &text);
    // The profile for a destination: HOST:SUBSET beats a bare host; nullptr when none.
    static const BehaviourProfile *find(const std::vector<BehaviourProfile> &profiles, const std::string &hostFqdn,
                                        const std::string &subset);
};

} // namespace meshlane
