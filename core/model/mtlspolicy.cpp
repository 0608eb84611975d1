// SPDX-License-Identifier: MIT
#include "model/mtlspolicy.h"

namespace meshlane {

namespace {

const char *const kRootNamespace = "istio-system";

bool decides(const std::string &mode)
{
    return !mode.empty() && mode != "UNSET";
}

const PeerAuthentication *namespaceWide(const Mesh &mesh, const std::string &ns)
{
    for (const auto &policy : mesh.peerAuthentications) {
        if (policy->meta.ns == ns && !policy->hasSelector && decides(policy->mode))
            return policy.get();
    }
    return nullptr;
}

bool covers(const std::string &host, const std::string &fqdn)
{
    if (host == "*")
        return true;
    if (host.size() < 2 || host[0] != '*' || host[1] != '.')
        return false;
    const std::string suffix = host.substr(1); // ".ns.svc.cluster.local"
    return fqdn.size() > suffix.size() && fqdn.compare(fqdn.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

AcceptedMtls acceptedMtls(const Mesh &mesh, const std::string &ns, const Labels &podLabels,
                          std::optional<uint32_t> containerPort)
{
    AcceptedMtls accepted;
    for (const auto &policy : mesh.peerAuthentications) {
        if (policy->meta.ns != ns || !policy->hasSelector || !labelsMatch(policy->selector, podLabels))
            continue;
        if (containerPort) {
            const auto port = policy->portLevelMtls.find(*containerPort);
            if (port != policy->portLevelMtls.end() && decides(port->second))
                return {port->second, policy.get()};
        }
        if (decides(policy->mode))
            return {policy->mode, policy.get()};
        break; // the first workload policy is the one Istio applies; UNSET inherits
    }
    for (const std::string &level : {ns, std::string(kRootNamespace)}) {
        if (const PeerAuthentication *policy = namespaceWide(mesh, level)) {
            accepted = {policy->mode, policy};
            return accepted;
        }
    }
    return accepted;
}

const DestinationRule *tlsDestinationRule(const Mesh &mesh, const std::string &fqdn)
{
    const std::vector<const DestinationRule *> exact = mesh.destinationRulesFor(fqdn);
    if (!exact.empty())
        return exact.front();
    const DestinationRule *best = nullptr;
    for (const auto &rule : mesh.destinationRules) {
        if (covers(rule->host, fqdn) && (!best || rule->host.size() > best->host.size()))
            best = rule.get();
    }
    return best;
}

bool sendsIstioMtls(const std::string &tlsMode)
{
    return tlsMode == "ISTIO_MUTUAL" || tlsMode == "MUTUAL";
}

} // namespace meshlane
