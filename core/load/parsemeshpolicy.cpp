// SPDX-License-Identifier: MIT
// Kinds the analyzer reads as istioctl does: only the fields its checks use are
// taken; everything else stays in the file's text and is not reported as unknown.
#include "load/resourceparsers.h"

namespace meshlane {

std::shared_ptr<Sidecar> parseSidecar(FieldReader &document, ResourceMeta meta)
{
    auto sidecar = std::make_shared<Sidecar>();
    sidecar->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return sidecar;
    if (std::optional<FieldReader> selector = spec->map("workloadSelector")) {
        sidecar->hasWorkloadSelector = true;
        sidecar->workloadSelector = selector->stringMap("labels");
    }
    for (FieldReader &egress : spec->mapList("egress")) {
        const std::vector<std::string> hosts = egress.stringList("hosts");
        sidecar->egressHosts.insert(sidecar->egressHosts.end(), hosts.begin(), hosts.end());
    }
    if (std::optional<FieldReader> outbound = spec->map("outboundTrafficPolicy")) {
        sidecar->egressProxy = outbound->has("egressProxy");
        sidecar->egressProxyLocation = outbound->locationOf("egressProxy");
    }
    return sidecar;
}

std::shared_ptr<RequestAuthentication> parseRequestAuthentication(FieldReader &document, ResourceMeta meta)
{
    auto policy = std::make_shared<RequestAuthentication>();
    policy->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return policy;
    if (std::optional<FieldReader> selector = spec->map("selector"))
        policy->selector = selector->stringMap("matchLabels");
    policy->hasTargetRef = spec->has("targetRef") || spec->has("targetRefs");
    return policy;
}

std::shared_ptr<PeerAuthentication> parsePeerAuthentication(FieldReader &document, ResourceMeta meta)
{
    auto policy = std::make_shared<PeerAuthentication>();
    policy->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return policy;
    if (std::optional<FieldReader> selector = spec->map("selector")) {
        policy->hasSelector = true;
        policy->selector = selector->stringMap("matchLabels");
    }
    if (std::optional<FieldReader> mtls = spec->map("mtls")) {
        policy->modeLocation = mtls->locationOf("mode");
        policy->mode = mtls->string("mode").value_or("");
    }
    if (std::optional<FieldReader> ports = spec->map("portLevelMtls")) {
        for (const auto &entry : ports->node()) {
            const CompactNode mode = entry.second.child("mode");
            if (entry.first.IsScalar() && mode.IsScalar()) {
                try {
                    policy->portLevelMtls[uint32_t(std::stoul(entry.first.Scalar()))] = mode.Scalar();
                } catch (const std::exception &) { // not a port number: Istio rejects it, nothing to check
                }
            }
        }
    }
    return policy;
}

std::shared_ptr<Secret> parseSecret(FieldReader &document, ResourceMeta meta)
{
    auto secret = std::make_shared<Secret>();
    secret->meta = std::move(meta);
    secret->type = document.string("type").value_or("Opaque");
    secret->data = document.stringMap("data");
    secret->stringData = document.stringMap("stringData");
    return secret;
}

} // namespace meshlane
