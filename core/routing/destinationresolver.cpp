// SPDX-License-Identifier: MIT
#include "routing/destinationresolver.h"

#include "base/translatedtext.h"
#include "model/mtlspolicy.h"

namespace meshlane {

namespace {

std::string labelsText(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels) {
        if (!text.empty())
            text += ',';
        text += key + '=' + value;
    }
    return text;
}

// The container port a Service port forwards to, which is what portLevelMtls
// names; unknown for a named targetPort or when no port is chosen yet.
std::optional<uint32_t> containerPortOf(const Service &service, std::optional<uint32_t> servicePort)
{
    if (!servicePort)
        return std::nullopt;
    for (const ServicePort &port : service.ports) {
        if (port.port != *servicePort)
            continue;
        if (port.targetPort.empty())
            return port.port;
        if (port.targetPort.find_first_not_of("0123456789") != std::string::npos || port.targetPort.size() > 5)
            return std::nullopt;
        return uint32_t(std::stoul(port.targetPort));
    }
    return std::nullopt;
}

TranslatedText subsetNames(const std::vector<const DestinationRule *> &rules)
{
    std::string text;
    for (const DestinationRule *rule : rules) {
        for (const Subset &subset : rule->subsets) {
            if (!text.empty())
                text += ", ";
            text += subset.name;
        }
    }
    return text.empty() ? MESHLANE_TR("meshlane::DestinationResolver", "none") : TranslatedText(text);
}

PodSet podSetOf(const Workload &workload)
{
    return {workload.meta.ns, workload.meta.name, workload.meta.kind, workload.replicas};
}

std::string labelKey(const std::string &ns, const std::string &key, const std::string &value)
{
    return ns + '\n' + key + '=' + value;
}

} // namespace

DestinationResolver::DestinationResolver(const Mesh &mesh)
    : m_mesh(mesh)
{
    auto index = std::make_shared<WorkloadIndex>();
    for (const auto &workload : mesh.workloads) {
        index->byNamespace[workload->meta.ns].push_back(workload.get());
        for (const auto &[key, value] : workload->podLabels)
            index->byLabel[labelKey(workload->meta.ns, key, value)].push_back(workload.get());
    }
    m_workloads = std::move(index);
}

DestinationResolver::DestinationResolver(const Mesh &mesh, const DestinationResolver &previous)
    : m_mesh(mesh)
    , m_workloads(previous.m_workloads)
{
}

std::vector<const Workload *> DestinationResolver::workloadsMatching(const std::string &ns, const Labels &selector) const
{
    static const std::vector<const Workload *> none;
    const std::vector<const Workload *> *candidates = nullptr;
    if (selector.empty()) {
        const auto it = m_workloads->byNamespace.find(ns);
        candidates = it == m_workloads->byNamespace.end() ? &none : &it->second;
    }
    for (const auto &[key, value] : selector) {
        const auto it = m_workloads->byLabel.find(labelKey(ns, key, value));
        if (it == m_workloads->byLabel.end())
            return {};
        if (!candidates || it->second.size() < candidates->size())
            candidates = &it->second;
    }
    std::vector<const Workload *> result;
    for (const Workload *workload : *candidates) {
        if (labelsMatch(selector, workload->podLabels))
            result.push_back(workload);
    }
    return result;
}

ResolvedTarget DestinationResolver::resolve(const Destination &destination) const
{
    return resolve(destination.fqdn, destination.subset, destination.port);
}

ResolvedTarget DestinationResolver::resolveHost(const std::string &fqdn) const
{
    return resolve(fqdn, {}, std::nullopt);
}

ResolvedTarget DestinationResolver::resolve(const std::string &fqdn, const std::string &subset,
                                            std::optional<uint32_t> port) const
{
    ResolvedTarget target;
    target.host = fqdn;
    target.subset = subset;
    target.port = port;

    Labels subsetLabels;
    if (!subset.empty()) {
        const DestinationRule *owner = nullptr;
        const Subset *found = m_mesh.findSubset(fqdn, subset, &owner);
        if (!found) {
            const std::vector<const DestinationRule *> rules = m_mesh.destinationRulesFor(fqdn);
            target.status = 503;
            target.problem = rules.empty()
                ? MESHLANE_TR("meshlane::DestinationResolver",
                              "subset %1: no DestinationRule exists for %2, so Envoy has no "
                              "cluster for the subset (503, flag NC)")
                      .arg(subset)
                      .arg(fqdn)
                : MESHLANE_TR("meshlane::DestinationResolver",
                              "subset %1 is not defined by DestinationRule %2 (it defines %3): "
                              "Envoy has no cluster for it (503, flag NC)")
                      .arg(subset)
                      .arg(rules.front()->meta.ns + '/' + rules.front()->meta.name)
                      .arg(subsetNames(rules));
            return target;
        }
        subsetLabels = found->labels;
        target.note = (subsetLabels.empty()
                           ? MESHLANE_TR("meshlane::DestinationResolver",
                                         "subset %1 of DestinationRule %2 (no labels: every endpoint)")
                           : MESHLANE_TR("meshlane::DestinationResolver", "subset %1 of DestinationRule %2 selects %3"))
                          .arg(subset)
                          .arg(owner->meta.ns + '/' + owner->meta.name)
                          .arg(labelsText(subsetLabels));
    }

    if (const Service *service = m_mesh.findService(fqdn)) {
        if (!target.port && service->ports.size() == 1)
            target.port = service->ports.front().port;
        if (!service->hasSelector) {
            target.note = MESHLANE_TR("meshlane::DestinationResolver",
                                      "Service %1 has no selector: its endpoints are managed outside these manifests")
                              .arg(service->meta.ns + '/' + service->meta.name);
            return target;
        }
        // Mesh::workloadsOf, through the label index: the Service's selector
        // and the subset's labels together.
        Labels wanted = service->selector;
        bool conflicting = false;
        for (const auto &[key, value] : subsetLabels) {
            const auto [it, inserted] = wanted.emplace(key, value);
            conflicting = conflicting || (!inserted && it->second != value);
        }
        std::vector<const Workload *> workloads;
        if (!conflicting) {
            workloads = workloadsMatching(service->meta.ns, wanted);
            for (const Workload *workload : workloads)
                target.pods.push_back(podSetOf(*workload));
        }
        if (target.podCount() > 0)
            checkMtls(*service, workloads, target);
        if (target.podCount() == 0) {
            target.status = 503;
            const std::string serviceName = service->meta.ns + '/' + service->meta.name;
            target.problem = subset.empty()
                ? MESHLANE_TR("meshlane::DestinationResolver",
                              "Service %1 selects no running pods: no healthy upstream (503, flag UH)")
                      .arg(serviceName)
                : MESHLANE_TR("meshlane::DestinationResolver",
                              "subset %1 (%2) selects none of Service %3's running pods: no healthy upstream (503, "
                              "flag UH)")
                      .arg(subset)
                      .arg(labelsText(subsetLabels))
                      .arg(serviceName);
        }
        return target;
    }

    const std::vector<const ServiceEntry *> entries = m_mesh.serviceEntriesFor(fqdn);
    if (!entries.empty()) {
        resolveServiceEntry(*entries.front(), subsetLabels, target);
        return target;
    }

    target.status = 503;
    target.problem = MESHLANE_TR("meshlane::DestinationResolver",
                                 "no Service or ServiceEntry is named %1: Envoy has no cluster for it (503, flag NC)")
                         .arg(fqdn);
    return target;
}

void DestinationResolver::resolveServiceEntry(const ServiceEntry &entry, const Labels &subsetLabels,
                                              ResolvedTarget &target) const
{
    if (!target.port && entry.ports.size() == 1)
        target.port = entry.ports.front().number;
    const std::string entryName = entry.meta.ns + '/' + entry.meta.name;
    TranslatedText note = entry.isExternal()
        ? MESHLANE_TR("meshlane::DestinationResolver", "external host via ServiceEntry %1")
        : MESHLANE_TR("meshlane::DestinationResolver", "mesh-internal ServiceEntry %1");
    note.arg(entryName);
    if (!target.note.empty())
        note = MESHLANE_TR("meshlane::DestinationResolver", "%1; %2").arg(std::move(note)).arg(std::move(target.note));
    target.note = std::move(note);

    if (!entry.workloadSelector.empty()) {
        for (const Workload *workload : workloadsMatching(entry.meta.ns, entry.workloadSelector)) {
            if (labelsMatch(subsetLabels, workload->podLabels))
                target.pods.push_back(podSetOf(*workload));
        }
    } else if (!entry.endpoints.empty()) {
        for (const WorkloadEntryInline &endpoint : entry.endpoints) {
            if (labelsMatch(subsetLabels, endpoint.labels))
                target.pods.push_back({entry.meta.ns, endpoint.address, "WorkloadEntry", 1});
        }
    } else {
        // Resolved by DNS (or passed through): endpoints carry no labels, so
        // a subset with labels selects nothing.
        if (!subsetLabels.empty()) {
            target.status = 503;
            target.problem = MESHLANE_TR("meshlane::DestinationResolver",
                                         "subset %1 selects by labels, but ServiceEntry %2 has no labelled "
                                         "endpoints: no healthy upstream (503, flag UH)")
                                 .arg(target.subset)
                                 .arg(entryName);
        }
        return;
    }
    if (target.podCount() == 0) {
        target.status = 503;
        target.problem =
            (subsetLabels.empty() ? MESHLANE_TR("meshlane::DestinationResolver",
                                                  "ServiceEntry %1 has no endpoint: no healthy upstream (503, flag UH)")
                                    : MESHLANE_TR("meshlane::DestinationResolver",
                                                  "ServiceEntry %1 has no endpoint with labels %2: no healthy upstream "
                                                  "(503, flag UH)"))
                  .arg(entryName)
                  .arg(labelsText(subsetLabels));
    }
}

void DestinationResolver::checkMtls(const Service &service, const std::vector<const Workload *> &workloads,
                                    ResolvedTarget &target) const
{
    if (m_mesh.peerAuthentications.empty())
        return; // every pod is PERMISSIVE: whatever the client sends is accepted
    const DestinationRule *rule = tlsDestinationRule(m_mesh, target.host);
    if (!rule || rule->trafficPolicy.tls.mode.empty())
        return; // auto mTLS: the client's sidecar sends what the server accepts
    const std::string &sent = rule->trafficPolicy.tls.mode;
    const std::optional<uint32_t> containerPort = containerPortOf(service, target.port);
    const PeerAuthentication *refusing = nullptr;
    std::string accepted;
    for (const Workload *workload : workloads) {
        const AcceptedMtls mtls = acceptedMtls(m_mesh, workload->meta.ns, workload->podLabels, containerPort);
        const bool refuses = sent == "DISABLE" ? mtls.mode == "STRICT" : sendsIstioMtls(sent) && mtls.mode == "DISABLE";
        if (!refuses)
            return; // some pods take the request: the load balancer keeps to them (outlier detection aside)
        refusing = mtls.deciding;
        accepted = mtls.mode;
    }
    target.status = 503;
    const std::string ruleName = rule->meta.ns + '/' + rule->meta.name;
    const std::string policyName = refusing ? refusing->meta.ns + '/' + refusing->meta.name : std::string();
    target.problem = accepted == "STRICT"
        ? MESHLANE_TR("meshlane::DestinationResolver",
                      "DestinationRule %1 sends plain text (tls mode DISABLE), but PeerAuthentication %2 makes the "
                      "pods of %3 accept only mTLS: their sidecars reset the connection (503, flag UC)")
              .arg(ruleName)
              .arg(policyName)
              .arg(target.host)
        : MESHLANE_TR("meshlane::DestinationResolver",
                      "DestinationRule %1 sends mTLS (tls mode %2), but PeerAuthentication %3 disables mTLS on the "
                      "pods of %4: the TLS handshake fails (503, flag UF)")
              .arg(ruleName)
              .arg(sent)
              .arg(policyName)
              .arg(target.host);
}

void DestinationResolver::finish(ResolvedTarget &target, uint32_t listenerPort) const
{
    if (!target.port)
        target.port = listenerPort; // Istio's fallback for multi-port hosts
    if (target.status != 200)
        return;
    const Service *service = m_mesh.findService(target.host);
    if (!service || service->ports.empty())
        return;
    for (const ServicePort &port : service->ports) {
        if (port.port == *target.port)
            return;
    }
    target.status = 503;
    // The Router's context: the sentence was the Router's and is translated as such.
    target.problem = MESHLANE_TR("meshlane::Router",
                                 "Service %1 has no port %2: Envoy has no cluster for it (503, flag NC); set "
                                 "destination.port")
                         .arg(service->meta.ns + '/' + service->meta.name)
                         .arg(*target.port);
}

} // namespace meshlane
