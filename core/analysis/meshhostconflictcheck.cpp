// SPDX-License-Identifier: MIT
#include "analysis/meshhostconflictcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/requestwitness.h"
#include "model/hostname.h"

#include <algorithm>
#include <map>
#include <set>

namespace meshlane {

MeshHostConflictCheck::MeshHostConflictCheck(AnalysisContext &context)
    : m_context(context)
{
}

void MeshHostConflictCheck::run()
{
    struct Claim
    {
        const VirtualService *vs;
        std::string host; // as written
    };
    // "scope/fqdn" -> the VirtualServices claiming it, in load order
    std::map<std::string, std::vector<Claim>> byKey;
    for (const auto &vs : m_context.mesh().virtualServices) {
        if (!vs->appliesToMesh())
            continue;
        for (const std::string &scope : exportScopes(vs->exportTo, vs->meta.ns)) {
            for (const std::string &host : vs->hosts)
                byKey[scope + '/' + expandHost(host, vs->meta.ns)].push_back({vs.get(), host});
        }
    }
    std::vector<std::pair<std::string, const std::vector<Claim> *>> everywhere;
    for (const auto &[key, claims] : byKey) {
        if (key.compare(0, 2, "*/") == 0)
            everywhere.emplace_back(key.substr(2), &claims);
    }
    std::set<const VirtualService *> reported;
    for (const auto &[key, claims] : byKey) {
        const size_t slash = key.find('/');
        const std::string scope = key.substr(0, slash);
        const std::string fqdn = key.substr(slash + 1);
        std::vector<Claim> parties = claims;
        if (scope != "*") {
            for (const auto &[otherHost, others] : everywhere) {
                if (istioHostsMatch(fqdn, otherHost))
                    parties.insert(parties.end(), others->begin(), others->end());
            }
        }
        if (parties.size() < 2)
            continue;
        for (const Claim &claim : parties) {
            const VirtualService &vs = *claim.vs;
            if (!reported.insert(&vs).second)
                continue;
            std::string others;
            std::set<const VirtualService *> named;
            for (const Claim &other : parties) {
                if (other.vs != &vs && named.insert(other.vs).second)
                    appendToList(others, shortReference(other.vs->meta.ns, other.vs->meta.name, vs.meta.ns) + " ("
                                             + describeLocation(other.vs->meta.location, vs.hostsLocation) + ')');
            }
            const std::string where = scope == "*" ? std::string() : " for namespace " + scope;
            // A call to the host from this namespace: the route shows which VirtualService wins.
            const std::optional<Witness> witness = RequestWitness::forMatch(vs, nullptr, claim.host);
            m_context.report(codes::ConflictingMeshHosts, Severity::Error, vs.meta, vs.hostsLocation,
                             others.empty()
                                 ? "host " + displayHost(fqdn, vs.meta.ns)
                                       + " is listed twice in this VirtualService (in two spellings)"
                                       + where + "; Istio rejects duplicate hosts"
                                 : "host " + claim.host + " is also routed for the mesh" + where
                                       + " by VirtualService " + others
                                       + "; sidecars apply only one of them, which one is undefined",
                             others.empty() ? std::string("keep one spelling of the host")
                                            : std::string("merge their http routes into one VirtualService"))
                .witness = witness ? witness->arguments : std::string();
        }
    }
}

} // namespace meshlane
