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

} // namespace

AcceptedMtls acceptedMtls(const Mesh &mesh, const std::string &ns, const Labels &podLabels,
                          std::optional<uint32_t> containerPort)
{
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
        if (const PeerAuthentication *policy = namespaceWide(mesh, level))
            return {policy->mode, policy};
    }
    return {}; // PERMISSIVE: no policy applies
}

const DestinationRule *tlsDestinationRule(const Mesh &mesh, const std::string &fqdn)
{
    // The exact host, then "*.<the rest>" from the longest rest to the
    // shortest, then "*": index lookups, not a scan of every rule, because
    // the router asks this for every destination it resolves.
    for (size_t dot = 0; dot != std::string::npos; dot = fqdn.find('.', dot + 1)) {
        const std::string host = dot == 0 ? fqdn : '*' + fqdn.substr(dot);
        const std::vector<const DestinationRule *> rules = mesh.destinationRulesFor(host);
        if (!rules.empty())
            return rules.front();
    }
    const std::vector<const DestinationRule *> any = mesh.destinationRulesFor("*");
    return any.empty() ? nullptr : any.front();
}

bool sendsIstioMtls(const std::string &tlsMode)
{
    return tlsMode == "ISTIO_MUTUAL" || tlsMode == "MUTUAL";
}

} // namespace meshlane
