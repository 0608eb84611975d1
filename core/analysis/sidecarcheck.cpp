// SPDX-License-Identifier: MIT
#include "analysis/sidecarcheck.h"

#include "analysis/analyzercodes.h"

#include <algorithm>
#include <map>
#include <set>

namespace meshlane {

namespace {

std::string describeLabels(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels)
        appendToList(text, key + '=' + value, ",");
    return text;
}

std::string joinNames(std::vector<const Sidecar *> sidecars)
{
    std::sort(sidecars.begin(), sidecars.end(),
              [](const Sidecar *a, const Sidecar *b) { return a->meta.name < b->meta.name; });
    std::string text;
    for (const Sidecar *sidecar : sidecars)
        appendToList(text, sidecar->meta.name);
    return text;
}

} // namespace

SidecarCheck::SidecarCheck(AnalysisContext &context)
    : m_context(context)
{
}

bool SidecarCheck::namespaceIsAmbient(const std::string &ns) const
{
    for (const auto &object : m_context.mesh().namespaces) {
        if (object->meta.name != ns)
            continue;
        const Labels &labels = object->meta.labels;
        const auto value = [&](const char *key) {
            const auto it = labels.find(key);
            return it == labels.end() ? std::string() : it->second;
        };
        return value("istio-injection") != "enabled" && value("istio.io/rev").empty()
            && value("istio.io/dataplane-mode") == "ambient";
    }
    return false;
}

void SidecarCheck::run()
{
    const Mesh &mesh = m_context.mesh();
    std::map<const PodView *, std::vector<const Sidecar *>> byPod;
    std::map<std::string, std::vector<const Sidecar *>> selectorless;
    for (const auto &sidecar : mesh.sidecars) {
        if (sidecar->workloadSelector.empty()) {
            selectorless[sidecar->meta.ns].push_back(sidecar.get());
            continue;
        }
        bool found = false;
        for (const PodView &pod : m_context.pods()) {
            if (pod.ns == sidecar->meta.ns && labelsMatch(sidecar->workloadSelector, pod.labels)) {
                found = true;
                byPod[&pod].push_back(sidecar.get());
            }
        }
        if (!found) {
            m_context.report(codes::ReferenceNotFound, Severity::Error, sidecar->meta, sidecar->meta.location,
                             "workload selector " + describeLabels(sidecar->workloadSelector)
                                 + " matches no pod in namespace " + sidecar->meta.ns + ": this Sidecar applies to nothing",
                             "correct the labels, or deploy the workload it is meant for");
        }
    }
    std::set<const Sidecar *> ineffective;
    for (const auto &[pod, sidecars] : byPod) {
        const bool ambient = pod->workload
            && annotationOf(pod->workload->meta, "ambient.istio.io/redirection") == "enabled";
        if (sidecars.size() == 1 && !ambient)
            continue;
        for (const Sidecar *sidecar : sidecars) {
            if (ambient) {
                if (ineffective.insert(sidecar).second)
                    m_context.report(codes::IneffectivePolicy, Severity::Warning, sidecar->meta, sidecar->meta.location,
                                     "the workload it selects (" + pod->name
                                         + ") runs in ambient mode: this Sidecar has no effect",
                                     "remove it, or configure the workload's waypoint instead");
                continue;
            }
            m_context.report(codes::ConflictingSidecarSelectors, Severity::Error, sidecar->meta, sidecar->meta.location,
                             "Sidecars " + joinNames(sidecars) + " all select pod " + pod->ns + '/' + pod->name
                                 + ": which one applies is undefined",
                             "make their workload selectors select different pods, or merge them");
        }
    }
    for (const auto &[ns, sidecars] : selectorless) {
        if (namespaceIsAmbient(ns)) {
            for (const Sidecar *sidecar : sidecars) {
                if (ineffective.insert(sidecar).second)
                    m_context.report(codes::IneffectivePolicy, Severity::Warning, sidecar->meta, sidecar->meta.location,
                                     "namespace " + ns + " runs in ambient mode: this Sidecar has no effect",
                                     "remove it, or configure a waypoint instead");
            }
            continue;
        }
        if (sidecars.size() < 2)
            continue;
        for (const Sidecar *sidecar : sidecars) {
            m_context.report(codes::SidecarsWithoutSelector, Severity::Error, sidecar->meta, sidecar->meta.location,
                             "Sidecars " + joinNames(sidecars) + " in namespace " + ns
                                 + " have no workload selector: which one applies is undefined",
                             "keep one Sidecar without a selector per namespace");
        }
    }
}

} // namespace meshlane
