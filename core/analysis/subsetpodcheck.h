// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace meshlane {

// DestinationRules as istioctl's subset analyzer judges them: a host no
// visible Service or ServiceEntry has (IST0174), a subset no pod of the folder
// carries the labels of (IST0173, pods of any namespace, with their Node's
// topology labels). Beyond istioctl: a subset only pods of other workloads
// match, none of the Service's own (ML0109).
class SubsetPodCheck
{
public:
    explicit SubsetPodCheck(AnalysisContext &context);
    void run();

private:
    void checkRule(const DestinationRule &rule);
    // True when some pod carries every label of `selector`.
    bool anyPodMatches(const Labels &selector) const;
    // What the Service's pods carry for the subset's keys: "version=v1, v2".
    std::string describePresentLabels(const Subset &subset, const std::vector<const Workload *> &pods) const;

    AnalysisContext &m_context;
    std::unordered_map<std::string, std::vector<size_t>> m_podsByLabel; // "key=value" -> indexes into pods()
};

} // namespace meshlane
