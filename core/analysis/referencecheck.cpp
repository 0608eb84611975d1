// SPDX-License-Identifier: MIT
#include "analysis/referencecheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/namesuggestion.h"
#include "model/hostname.h"

#include <map>
#include <set>

namespace meshlane {

namespace {

std::string joinPorts(const std::vector<uint32_t> &ports)
{
    std::string text;
    for (uint32_t port : ports)
        appendToList(text, std::to_string(port));
    return text;
}

std::string joinSubsetNames(const std::vector<const DestinationRule *> &rules)
{
    std::string text;
    for (const DestinationRule *rule : rules) {
        for (const Subset &subset : rule->subsets)
            appendToList(text, subset.name);
    }
    return text;
}

std::string describeLabels(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels)
        appendToList(text, key + '=' + value);
    return text;
}

} // namespace

ReferenceCheck::ReferenceCheck(AnalysisContext &context)
    : m_context(context)
    , m_mesh(context.mesh())
{
}

void ReferenceCheck::run()
{
    for (const auto &vs : m_mesh.virtualServices)
        checkVirtualService(*vs);
    for (const auto &rule : m_mesh.destinationRules)
        checkDestinationRule(*rule);
    checkSubsetsDefinedTwice();
}

void ReferenceCheck::checkVirtualService(const VirtualService &vs)
{
    forEachDestination(vs, [&](const DestinationUse &use) { checkDestination(vs, use); });
    for (const std::string &gateway : vs.gateways)
        checkGateway(vs, gateway, vs.gatewaysLocation);
    for (const HttpRoute &route : vs.http) {
        for (const HttpMatchRequest &match : route.match) {
            for (const std::string &gateway : match.gateways)
                checkGateway(vs, gateway, match.location);
        }
        if (route.delegate && !route.delegate->name.empty()
            && !m_mesh.findVirtualService(route.delegate->ns, route.delegate->name)) {
            m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, route.delegate->location,
                             "delegate VirtualService " + route.delegate->ns + '/' + route.delegate->name
                                 + " not found: requests for this route get 404",
                             "create it, or correct the delegate's name and namespace");
        }
    }
}

void ReferenceCheck::checkDestination(const VirtualService &vs, const DestinationUse &use)
{
    const Destination &destination = *use.destination;
    if (destination.host.empty())
        return; // the loader already reported the missing host
    if (!m_mesh.isKnownHost(destination.fqdn)) {
        std::string message = std::string(use.roleName()) + " host " + destination.host + " not found: no Service or ServiceEntry";
        if (destination.fqdn != toLower(destination.host))
            message += " is named " + destination.fqdn;
        else
            message += " has that host";
        message += use.role == DestinationRole::Route || use.role == DestinationRole::Tcp || use.role == DestinationRole::Tls
            ? "; requests routed there fail with 503"
            : "; mirrored copies are dropped";
        m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, destination.hostLocation,
                         std::move(message), suggestHost(destination.host, vs.meta.ns));
        return; // subset and port checks would only repeat the same mistake
    }
    checkSubset(vs, use);
    checkPort(vs, use);
}

void ReferenceCheck::checkSubset(const VirtualService &vs, const DestinationUse &use)
{
    const Destination &destination = *use.destination;
    if (destination.subset.empty() || m_mesh.findSubset(destination.fqdn, destination.subset))
        return;
    const std::string host = displayHost(destination.fqdn, vs.meta.ns);
    const std::vector<const DestinationRule *> rules = m_mesh.destinationRulesFor(destination.fqdn);
    std::string message = use.roleName() + std::string(" subset ") + destination.subset + " of host " + host
        + " not found: ";
    std::string fix;
    if (rules.empty()) {
        message += "no DestinationRule is written for that host";
        fix = "create a DestinationRule for host " + host + " with subset " + destination.subset;
    } else {
        const DestinationRule &owner = *rules.front();
        const std::string ruleName = shortReference(owner.meta.ns, owner.meta.name, vs.meta.ns);
        message += rules.size() == 1 ? "DestinationRule " + ruleName + " defines only " : "its DestinationRules define only ";
        const std::string defined = joinSubsetNames(rules);
        message += defined.empty() ? std::string("no subsets") : defined;
        // Prefer a subset this route does not use yet: retargeting onto a sibling
        // destination would just merge the two (KIA1105).
        std::set<std::string> usedInRoute;
        if (use.role == DestinationRole::Route) {
            for (const RouteDestination &entry : vs.http[use.routeIndex].route) {
                if (entry.destination.fqdn == destination.fqdn)
                    usedInRoute.insert(entry.destination.subset);
            }
        }
        std::vector<std::string> unused;
        std::vector<std::string> all;
        for (const DestinationRule *rule : rules) {
            for (const Subset &subset : rule->subsets) {
                all.push_back(subset.name);
                if (!usedInRoute.count(subset.name))
                    unused.push_back(subset.name);
            }
        }
        std::string suggestion = closestName(destination.subset, unused);
        if (suggestion.empty())
            suggestion = closestName(destination.subset, all);
        const std::string addFix = "add subset " + destination.subset + " to DestinationRule " + ruleName;
        fix = suggestion.empty() ? addFix : "did you mean subset " + suggestion + "? Otherwise " + addFix;
    }
    message += use.role == DestinationRole::Route || use.role == DestinationRole::Tcp || use.role == DestinationRole::Tls
        ? "; requests routed there fail with 503 (no cluster)"
        : "; mirrored copies are dropped";
    m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, destination.subsetLocation, std::move(message),
                     std::move(fix));
}

void ReferenceCheck::checkPort(const VirtualService &vs, const DestinationUse &use)
{
    const Destination &destination = *use.destination;
    const std::vector<uint32_t> ports = m_context.portsOf(destination.fqdn);
    if (ports.empty())
        return; // nothing declared to check against
    const std::string host = displayHost(destination.fqdn, vs.meta.ns);
    if (!destination.port) {
        if (ports.size() > 1) {
            m_context.report(codes::PortSelectorRequired, Severity::Error, vs.meta, destination.location,
                             use.roleName() + std::string(" ") + host + " has no port, but the host exposes several ("
                                 + joinPorts(ports) + "): which one is used is undefined",
                             "add port: {number: " + std::to_string(ports.front()) + "} (or another of "
                                 + joinPorts(ports) + ')');
        }
        return;
    }
    for (uint32_t port : ports) {
        if (port == *destination.port)
            return;
    }
    m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, destination.location,
                     use.roleName() + std::string(" port ") + std::to_string(*destination.port) + " not found: "
                         + host + " exposes " + joinPorts(ports),
                     ports.size() == 1 ? "use port " + std::to_string(ports.front()) : "use one of " + joinPorts(ports));
}

void ReferenceCheck::checkGateway(const VirtualService &vs, const std::string &written, const SourceLocation &at)
{
    if (written == "mesh" || written.empty())
        return;
    const std::string ref = written.find('/') == std::string::npos ? vs.meta.ns + '/' + written : written;
    if (m_mesh.findGateway(ref))
        return;
    std::vector<std::string> candidates;
    for (const auto &gateway : m_mesh.gateways)
        candidates.push_back(gateway->meta.ns + '/' + gateway->meta.name);
    const std::string suggestion = closestName(ref, candidates);
    std::string fix;
    if (!suggestion.empty()) {
        const size_t slash = suggestion.find('/');
        fix = "did you mean gateway "
            + shortReference(suggestion.substr(0, slash), suggestion.substr(slash + 1), vs.meta.ns) + '?';
    } else {
        fix = "create Gateway " + ref + ", or correct the name (\"namespace/name\" for another namespace)";
    }
    m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, at,
                     "gateway " + written + " not found (looked for Gateway " + ref
                         + "): no traffic enters through it for this VirtualService",
                     std::move(fix));
}

void ReferenceCheck::checkDestinationRule(const DestinationRule &rule)
{
    for (const Subset &subset : rule.subsets) {
        if (subset.labels.empty()) {
            m_context.report(codes::SubsetWithoutLabels, Severity::Warning, rule.meta, subset.location,
                             "subset " + subset.name + " has no labels: it selects every endpoint of "
                                 + displayHost(rule.fqdn, rule.meta.ns) + ", so it does not single out a version",
                             "add labels, e.g. labels: {version: " + subset.name + '}');
        }
    }
    if (rule.fqdn.empty())
        return; // the schema check reports the missing host
    if (!m_mesh.isKnownHost(rule.fqdn)) {
        m_context.report(codes::UnknownRuleHost, Severity::Warning, rule.meta, rule.hostLocation,
                         "host " + rule.host + " matches no Service or ServiceEntry; this DestinationRule applies to nothing",
                         suggestHost(rule.host, rule.meta.ns));
        return;
    }
    if (const Service *service = m_mesh.findService(rule.fqdn))
        checkSubsetPods(rule, *service);
}

void ReferenceCheck::checkSubsetPods(const DestinationRule &rule, const Service &service)
{
    // A folder rarely holds every workload of a cluster: only speak up when the
    // Service has pods here, so "selects none of them" is evidence, not a guess.
    const std::vector<const Workload *> servicePods = m_context.workloadsOf(service);
    if (servicePods.empty())
        return;
    for (const Subset &subset : rule.subsets) {
        if (subset.labels.empty() || !m_context.workloadsOf(service, subset.labels).empty())
            continue;
        // Tell which values the pods do carry for the subset's keys: usually a typo or a missing version.
        std::map<std::string, std::set<std::string>> present;
        for (const Workload *workload : servicePods) {
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
        m_context.report(codes::SubsetSelectsNoPods, Severity::Warning, rule.meta, subset.location,
                         "subset " + subset.name + " (" + describeLabels(subset.labels) + ") selects none of the "
                             + std::to_string(servicePods.size()) + " workloads of Service " + service.meta.name
                             + (found.empty() ? std::string(" (they carry none of its label keys)")
                                              : " (they have " + found + ')')
                             + "; requests routed to it fail with 503 (no healthy upstream)",
                         "change the subset's labels to match existing pods, deploy pods with "
                             + describeLabels(subset.labels) + ", or remove the subset");
    }
}

void ReferenceCheck::checkSubsetsDefinedTwice()
{
    // host -> subset name -> first rule defining it
    std::map<std::string, std::map<std::string, const DestinationRule *>> seen;
    for (const auto &rule : m_mesh.destinationRules) {
        if (rule->fqdn.empty())
            continue;
        auto &subsets = seen[rule->fqdn];
        for (const Subset &subset : rule->subsets) {
            const auto [it, inserted] = subsets.emplace(subset.name, rule.get());
            if (inserted || it->second == rule.get())
                continue; // a repeat inside one rule is a schema error, reported there
            const DestinationRule &first = *it->second;
            m_context.report(codes::DuplicateSubset, Severity::Warning, rule->meta, subset.location,
                             "subset " + subset.name + " of host " + displayHost(rule->fqdn, rule->meta.ns)
                                 + " is also defined by DestinationRule "
                                 + shortReference(first.meta.ns, first.meta.name, rule->meta.ns) + " ("
                                 + describeLocation(first.meta.location, subset.location)
                                 + "); Istio uses only one of them",
                             "keep one definition: merge the two DestinationRules or rename this subset");
        }
    }
}

std::string ReferenceCheck::suggestHost(const std::string &written, const std::string &ns) const
{
    const std::string host = toLower(written);
    // "reviews.prod" is not expanded by Istio, but the user almost surely meant the Service.
    if (m_mesh.findService(host + ".svc.cluster.local"))
        return "write the full name " + host + ".svc.cluster.local: Istio expands only names without a dot";
    std::vector<std::string> candidates;
    if (host.find('.') == std::string::npos) {
        for (const auto &service : m_mesh.services) {
            if (service->meta.ns == ns)
                candidates.push_back(service->meta.name);
        }
    } else {
        for (const auto &service : m_mesh.services)
            candidates.push_back(service->fqdn());
        for (const auto &entry : m_mesh.serviceEntries)
            candidates.insert(candidates.end(), entry->hosts.begin(), entry->hosts.end());
    }
    const std::string suggestion = closestName(host, candidates);
    if (!suggestion.empty())
        return "did you mean host " + suggestion + '?';
    return "check the spelling, use the full name <service>.<namespace>.svc.cluster.local for another namespace, "
           "or add a ServiceEntry for an external host";
}

} // namespace meshlane
