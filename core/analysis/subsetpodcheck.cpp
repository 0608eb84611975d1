// SPDX-License-Identifier: MIT
#include "analysis/subsetpodcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/namesuggestion.h"

#include <map>
#include <set>

namespace meshlane {

namespace {

bool isTopologyLabel(const std::string &key)
{
    return key == "topology.kubernetes.io/region" || key == "topology.kubernetes.io/zone"
        || key == "topology.istio.io/subzone" || key == "kubernetes.io/hostname";
}

std::string describeLabels(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels)
        appendToList(text, key + '=' + value);
    return text;
}

} // namespace

SubsetPodCheck::SubsetPodCheck(AnalysisContext &context)
    : m_context(context)
{
    const std::vector<PodView> &pods = context.pods();
    for (size_t i = 0; i < pods.size(); ++i) {
        for (const auto &[key, value] : pods[i].labels)
            m_podsByLabel[key + '=' + value].push_back(i);
    }
}

void SubsetPodCheck::run()
{
    for (const auto &rule : m_context.mesh().destinationRules)
        checkRule(*rule);
}

void SubsetPodCheck::checkRule(const DestinationRule &rule)
{
    const Mesh &mesh = m_context.mesh();
    if (rule.host.empty())
        return; // the schema check reports the missing host
    const KnownHost *known = m_context.hosts().find(rule.meta.ns, rule.exportTo, rule.host);
    if (!known) {
        const bool hidden = mesh.isKnownHost(rule.fqdn);
        m_context.report(codes::UnknownRuleHost, Severity::Warning, rule.meta, rule.hostLocation,
                         hidden ? "host " + rule.host + " is not exported to namespace " + rule.meta.ns
                                      + "; this DestinationRule applies to nothing"
                                : "host " + rule.host
                                      + " matches no Service or ServiceEntry; this DestinationRule applies to nothing",
                         hidden ? "export the host to " + rule.meta.ns + ", or move the DestinationRule"
                                : suggestHost(mesh, rule.host, rule.meta.ns));
        return;
    }
    std::set<std::string> seen;
    for (const Subset &subset : rule.subsets) {
        if (!seen.insert(subset.name).second)
            continue; // a repeated name is a schema error, reported there
        Labels selector = known->workloadSelector;
        for (const auto &[key, value] : subset.labels)
            selector[key] = value;
        // Without Node objects nobody knows the pods' topology: a topology label is no evidence.
        if (!m_context.hasNodes()) {
            for (auto it = selector.begin(); it != selector.end();)
                it = isTopologyLabel(it->first) ? selector.erase(it) : std::next(it);
        }
        const std::vector<const Workload *> servicePods = known->service ? m_context.workloadsOf(*known->service)
                                                                         : std::vector<const Workload *>{};
        if (!anyPodMatches(selector)) {
            const std::string present = describePresentLabels(subset, servicePods);
            m_context.report(codes::SubsetSelectsNoPods, Severity::Error, rule.meta, subset.location,
                             "subset " + subset.name + " (" + describeLabels(subset.labels)
                                 + ") selects no pod in the folder"
                                 + (present.empty() ? std::string() : " (the Service's pods have " + present + ')')
                                 + "; requests routed to it fail with 503 (no healthy upstream)",
                             "change the subset's labels to match existing pods, deploy pods with "
                                 + describeLabels(subset.labels) + ", or remove the subset");
            continue;
        }
        // istioctl is satisfied by any pod anywhere; the routing engine sends
        // the subset's traffic only to the Service's own pods.
        if (servicePods.empty() || subset.labels.empty() || !m_context.workloadsOf(*known->service, subset.labels).empty())
            continue;
        const std::string present = describePresentLabels(subset, servicePods);
        m_context.report(codes::SubsetSelectsNoServicePods, Severity::Warning, rule.meta, subset.location,
                         "subset " + subset.name + " (" + describeLabels(subset.labels) + ") selects none of the "
                             + std::to_string(servicePods.size()) + " workloads of Service " + known->service->meta.name
                             + (present.empty() ? std::string(" (they carry none of its label keys)")
                                                : " (they have " + present + ')')
                             + "; requests routed to it fail with 503 (no healthy upstream)",
                         "change the subset's labels to match the Service's pods, or deploy pods with "
                             + describeLabels(subset.labels));
    }
}

bool SubsetPodCheck::anyPodMatches(const Labels &selector) const
{
    if (selector.empty())
        return !m_context.pods().empty();
    // Scan the pods carrying the rarest of the wanted labels only.
    const std::vector<size_t> *candidates = nullptr;
    for (const auto &[key, value] : selector) {
        const auto it = m_podsByLabel.find(key + '=' + value);
        if (it == m_podsByLabel.end())
            return false;
        if (!candidates || it->second.size() < candidates->size())
            candidates = &it->second;
    }
    for (size_t index : *candidates) {
        if (labelsMatch(selector, m_context.pods()[index].labels))
            return true;
    }
    return false;
}

std::string SubsetPodCheck::describePresentLabels(const Subset &subset, const std::vector<const Workload *> &pods) const
{
    std::map<std::string, std::set<std::string>> present;
    for (const Workload *workload : pods) {
        for (const auto &[key, value] : subset.labels) {
            const auto it = workload->podLabels.find(key);
            if (it != workload->podLabels.end())
                present[key].insert(it->second);
        }
    }
    std::string found;
    for (const auto &[key, values] : present) {
        std::string list;
        for (const std::string &value : values)
            appendToList(list, value);
        appendToList(found, key + '=' + list, "; ");
    }
    return found;
}

} // namespace meshlane
