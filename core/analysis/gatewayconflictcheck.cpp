// SPDX-License-Identifier: MIT
#include "analysis/gatewayconflictcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/gatewayworkloadcheck.h"

#include <map>
#include <set>

namespace meshlane {

namespace {

std::string fullName(const Gateway &gateway)
{
    return gateway.meta.ns + '/' + gateway.meta.name;
}

struct Certificate
{
    std::string credentialName;
    std::string serverCertificate;
    std::string privateKey;
};

// The TLS settings of each server, null when a server has no `tls`.
std::vector<std::optional<Certificate>> certificatesOf(const Gateway &gateway)
{
    std::vector<std::optional<Certificate>> certificates;
    for (const GatewayServer &server : gateway.servers) {
        if (server.tlsWritten)
            certificates.push_back(Certificate{server.credentialName, server.serverCertificate, server.privateKey});
        else
            certificates.emplace_back();
    }
    return certificates;
}

bool sameCertificate(const Certificate &a, const Certificate &b)
{
    if (!a.credentialName.empty() && !b.credentialName.empty())
        return a.credentialName == b.credentialName;
    if (a.credentialName.empty() && b.credentialName.empty() && !a.serverCertificate.empty()
        && a.serverCertificate == b.serverCertificate)
        return !a.privateKey.empty() && a.privateKey == b.privateKey;
    return false;
}

} // namespace

GatewayConflictCheck::GatewayConflictCheck(AnalysisContext &context)
    : m_context(context)
{
}

void GatewayConflictCheck::run()
{
    checkHosts();
    checkCertificates();
}

void GatewayConflictCheck::checkHosts()
{
    const auto &gateways = m_context.mesh().gateways;
    // Do `a` and `b` run on the same pods? Equal selectors, or (istioctl's test)
    // one selector's text inside the other's and a pod matching both.
    const auto sameWorkloads = [&](const Gateway &a, const Gateway &b) {
        const std::string sa = selectorText(a.selector);
        const std::string sb = selectorText(b.selector);
        if (sa == sb)
            return true;
        if (sa.find(sb) == std::string::npos && sb.find(sa) == std::string::npos)
            return false;
        for (const PodView &pod : m_context.pods()) {
            if (labelsMatch(a.selector, pod.labels) && labelsMatch(b.selector, pod.labels))
                return true;
        }
        return false;
    };
    for (const auto &gateway : gateways) {
        for (const GatewayServer &server : gateway->servers) {
            if (server.portNumber == 0)
                continue;
            std::set<std::string> conflicts;
            for (const auto &other : gateways) {
                if (other == gateway || !sameWorkloads(*gateway, *other))
                    continue;
                // istioctl keeps the last server of a port per gateway.
                const GatewayServer *last = nullptr;
                for (const GatewayServer &candidate : other->servers) {
                    if (candidate.portNumber == server.portNumber)
                        last = &candidate;
                }
                if (!last)
                    continue;
                for (const std::string &host : server.hosts) {
                    if (std::find(last->hosts.begin(), last->hosts.end(), host) != last->hosts.end())
                        conflicts.insert(fullName(*other));
                }
            }
            if (conflicts.empty())
                continue;
            std::string names;
            for (const std::string &name : conflicts)
                appendToList(names, name);
            std::string hosts;
            for (const std::string &host : server.hosts)
                appendToList(hosts, host);
            m_context.report(codes::ConflictingGateways, Severity::Error, gateway->meta, server.location,
                             "port " + std::to_string(server.portNumber) + " host " + hosts + " is also served by Gateway "
                                 + names + " on the same workloads (" + selectorText(gateway->selector)
                                 + "): the proxy keeps only one of them",
                             "merge the servers into one Gateway, or serve different hosts");
        }
    }
}

void GatewayConflictCheck::checkCertificates()
{
    const auto &gateways = m_context.mesh().gateways;
    std::vector<std::vector<std::optional<Certificate>>> certificates;
    for (const auto &gateway : gateways)
        certificates.push_back(certificatesOf(*gateway));
    for (size_t g = 0; g < gateways.size(); ++g) {
        const Gateway &current = *gateways[g];
        std::set<std::string> sharing;
        for (size_t o = 0; o < gateways.size(); ++o) {
            const Gateway &other = *gateways[o];
            // Only when every workload of `current` may also run `other` (its selector is a subset).
            if (o == g || !labelsMatch(current.selector, other.selector))
                continue;
            for (const auto &mine : certificates[g]) {
                for (const auto &theirs : certificates[o]) {
                    if (mine && theirs && sameCertificate(*mine, *theirs))
                        sharing.insert(fullName(other));
                }
            }
        }
        if (sharing.empty())
            continue;
        std::string names;
        for (const std::string &name : sharing)
            appendToList(names, name);
        m_context.report(codes::DuplicateCertificate, Severity::Warning, current.meta, current.meta.location,
                         "it uses the same certificate as Gateway " + names
                             + ": clients reusing an HTTP/2 connection for another host get 404",
                         "give each Gateway its own certificate, or merge the Gateways");
    }
}

} // namespace meshlane
