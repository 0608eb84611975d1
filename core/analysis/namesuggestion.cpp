// SPDX-License-Identifier: MIT
#include "analysis/namesuggestion.h"

#include "model/hostname.h"

#include <algorithm>

namespace meshlane {

size_t editDistance(std::string_view a, std::string_view b)
{
    // Three rolling rows: the transposition step looks two rows back.
    std::vector<size_t> twoBack(b.size() + 1);
    std::vector<size_t> previous(b.size() + 1);
    std::vector<size_t> current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], twoBack[j - 2] + 1);
        }
        std::swap(twoBack, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string closestName(const std::string &target, const std::vector<std::string> &candidates)
{
    const size_t limit = std::clamp<size_t>(target.size() / 3, 1, 3);
    std::string best;
    size_t bestDistance = limit + 1;
    for (const std::string &candidate : candidates) {
        if (candidate == target)
            continue;
        // Lengths alone bound the distance from below: skip hopeless candidates cheaply.
        const size_t lengthGap = candidate.size() > target.size() ? candidate.size() - target.size()
                                                                  : target.size() - candidate.size();
        if (lengthGap >= bestDistance)
            continue;
        const size_t distance = editDistance(target, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string suggestHost(const Mesh &mesh, const std::string &written, const std::string &ns)
{
    const std::string host = toLower(written);
    // "reviews.prod" is not expanded by Istio, but the user almost surely meant the Service.
    if (mesh.findService(host + ".svc.cluster.local"))
        return "write the full name " + host + ".svc.cluster.local: Istio expands only names without a dot";
    std::vector<std::string> candidates;
    if (host.find('.') == std::string::npos) {
        for (const auto &service : mesh.services) {
            if (service->meta.ns == ns)
                candidates.push_back(service->meta.name);
        }
    } else {
        for (const auto &service : mesh.services)
            candidates.push_back(service->fqdn());
        for (const auto &entry : mesh.serviceEntries)
            candidates.insert(candidates.end(), entry->hosts.begin(), entry->hosts.end());
    }
    const std::string suggestion = closestName(host, candidates);
    if (!suggestion.empty())
        return "did you mean host " + suggestion + '?';
    return "check the spelling, use the full name <service>.<namespace>.svc.cluster.local for another namespace, "
           "or add a ServiceEntry for an external host";
}

std::string suggestGateway(const Mesh &mesh, const std::string &nsSlashName, const std::string &fromNs)
{
    std::vector<std::string> candidates;
    for (const auto &gateway : mesh.gateways)
        candidates.push_back(gateway->meta.ns + '/' + gateway->meta.name);
    const std::string suggestion = closestName(nsSlashName, candidates);
    if (suggestion.empty())
        return "create Gateway " + nsSlashName + ", or correct the name (\"namespace/name\" for another namespace)";
    const size_t slash = suggestion.find('/');
    const std::string ns = suggestion.substr(0, slash);
    const std::string name = suggestion.substr(slash + 1);
    return "did you mean gateway " + (ns == fromNs ? name : suggestion) + '?';
}

} // namespace meshlane
