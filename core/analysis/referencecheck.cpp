// SPDX-License-Identifier: MIT
#include "analysis/referencecheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/namesuggestion.h"
#include "analysis/requestwitness.h"
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

// istioctl's key for "host+subset": the namespace and name a host names
// (greedy, as its regex: a.b.c.svc.cluster.local is c/a.b), else the
// referencing resource's namespace and the host itself.
std::string subsetKey(const std::string &ns, const std::string &fqdn, const std::string &subset)
{
    static const std::string suffix = ".svc.cluster.local";
    if (fqdn.size() > suffix.size() && fqdn.compare(fqdn.size() - suffix.size(), suffix.size(), suffix) == 0) {
        const std::string head = fqdn.substr(0, fqdn.size() - suffix.size());
        const size_t dot = head.rfind('.');
        if (dot != std::string::npos && dot > 0 && dot + 1 < head.size())
            return head.substr(dot + 1) + '/' + head.substr(0, dot) + '+' + subset;
    }
    return ns + '/' + fqdn + '+' + subset;
}

bool servesTraffic(DestinationRole role)
{
    return role == DestinationRole::Route || role == DestinationRole::Tcp || role == DestinationRole::Tls;
}

// A request the http route holding `use` receives: routing it shows the 503
// (or the dropped mirror). None for tcp/tls routes or an unreachable route.
std::string witnessFor(const VirtualService &vs, const DestinationUse &use)
{
    if (use.role == DestinationRole::Tcp || use.role == DestinationRole::Tls)
        return {};
    const std::optional<Witness> witness = RequestWitness::reachingRoute(vs, use.routeIndex);
    return witness ? witness->arguments : std::string();
}

} // namespace

ReferenceCheck::ReferenceCheck(AnalysisContext &context)
    : m_context(context)
    , m_mesh(context.mesh())
{
    // Like istioctl, subsets are looked up by the host's name and namespace,
    // whatever the DestinationRule's exportTo.
    for (const auto &rule : m_mesh.destinationRules) {
        for (const Subset &subset : rule->subsets)
            m_definedSubsets.insert(subsetKey(rule->meta.ns, rule->fqdn, subset.name));
    }
}

void ReferenceCheck::run()
{
    for (const auto &vs : m_mesh.virtualServices)
        checkVirtualService(*vs);
    for (const auto &rule : m_mesh.destinationRules)
        checkSubsetLabels(*rule);
    checkSubsetsDefinedTwice();
}

void ReferenceCheck::checkVirtualService(const VirtualService &vs)
{
    forEachDestination(vs, [&](const DestinationUse &use) { checkDestination(vs, use); });
    // istioctl checks only spec.gateways (GatewayReferenceCheck); a missing
    // gateway named inside a match is ours to report.
    for (const HttpRoute &route : vs.http) {
        for (const HttpMatchRequest &match : route.match) {
            for (const std::string &gateway : match.gateways)
                checkMatchGateway(vs, gateway, match.location);
        }
        if (route.delegate && !route.delegate->name.empty()
            && !m_mesh.findVirtualService(route.delegate->ns, route.delegate->name)) {
            m_context.report(codes::DelegateNotFound, Severity::Error, vs.meta, route.delegate->location,
                             "delegate VirtualService " + route.delegate->ns + '/' + route.delegate->name
                                 + " not found: requests for this route get 404",
                             "create it, or correct the delegate's name and namespace");
        }
    }
}

void ReferenceCheck::checkDestination(const VirtualService &vs, const DestinationUse &use)
{
    const Destination &destination = *use.destination;
    // Subsets are checked whether or not the host is known: istioctl's host and
    // subset analyzers both speak about a destination wrong in both ways.
    checkSubset(vs, use);
    const KnownHost *known = m_context.hosts().find(vs.meta.ns, vs.exportTo, destination.host);
    if (!known) {
        reportUnknownHost(vs, use);
        return;
    }
    checkPort(vs, use, *known);
}

void ReferenceCheck::reportUnknownHost(const VirtualService &vs, const DestinationUse &use)
{
    const Destination &destination = *use.destination;
    const std::string consequence = servesTraffic(use.role) ? "; requests routed there fail with 503"
                                                            : "; mirrored copies are dropped";
    if (destination.host.empty()) {
        m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, destination.location,
                         std::string(use.roleName()) + " has no host" + consequence,
                         "add host: <service name> to the destination");
        return;
    }
    std::string message = std::string(use.roleName()) + " host " + destination.host + " not found: ";
    std::string fix;
    if (m_mesh.isKnownHost(destination.fqdn)) {
        // It exists, but its exportTo (or this VirtualService's) hides it here.
        message += "it is not exported to namespace " + vs.meta.ns;
        if (!vs.exportTo.empty())
            message += " (or to this VirtualService's exportTo)";
        fix = "export it to " + vs.meta.ns
            + " (exportTo of its ServiceEntry, or the Service's networking.istio.io/exportTo annotation)";
        if (!vs.exportTo.empty())
            fix += ", or add \".\" to this VirtualService's exportTo";
    } else {
        message += "no Service or ServiceEntry";
        message += destination.fqdn != toLower(destination.host) ? " is named " + destination.fqdn : " has that host";
        fix = suggestHost(m_mesh, destination.host, vs.meta.ns);
    }
    m_context.report(codes::ReferenceNotFound, Severity::Error, vs.meta, destination.hostLocation,
                     message + consequence, std::move(fix))
        .witness = witnessFor(vs, use);
}

void ReferenceCheck::checkSubset(const VirtualService &vs, const DestinationUse &use)
{
    const Destination &destination = *use.destination;
    if (destination.subset.empty()
        || m_definedSubsets.count(subsetKey(vs.meta.ns, destination.fqdn, destination.subset)))
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
    message += servesTraffic(use.role) ? "; requests routed there fail with 503 (no cluster)"
                                       : "; mirrored copies are dropped";
    m_context
        .report(codes::ReferenceNotFound, Severity::Error, vs.meta, destination.subsetLocation, std::move(message),
                std::move(fix))
        .witness = witnessFor(vs, use);
}

void ReferenceCheck::checkPort(const VirtualService &vs, const DestinationUse &use, const KnownHost &known)
{
    const Destination &destination = *use.destination;
    std::vector<uint32_t> ports;
    for (const HostPort &port : known.ports)
        ports.push_back(port.number);
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
                     use.roleName() + std::string(" port ") + std::to_string(*destination.port) + " not found: " + host
                         + (ports.empty() ? std::string(" declares no ports") : " exposes " + joinPorts(ports)),
                     ports.empty() ? "declare the port on " + host + ", or remove it from the destination"
                     : ports.size() == 1 ? "use port " + std::to_string(ports.front())
                                         : "use one of " + joinPorts(ports));
}

void ReferenceCheck::checkMatchGateway(const VirtualService &vs, const std::string &written, const SourceLocation &at)
{
    if (written == "mesh" || written.empty())
        return;
    const std::string ref = written.find('/') == std::string::npos ? vs.meta.ns + '/' + written : written;
    if (m_mesh.findGateway(ref))
        return;
    m_context.report(codes::MatchGatewayNotFound, Severity::Error, vs.meta, at,
                     "gateway " + written + " named in a match not found (looked for Gateway " + ref
                         + "): the match never applies",
                     suggestGateway(m_mesh, ref, vs.meta.ns));
}

void ReferenceCheck::checkSubsetLabels(const DestinationRule &rule)
{
    for (const Subset &subset : rule.subsets) {
        if (subset.labels.empty()) {
            m_context.report(codes::SubsetWithoutLabels, Severity::Warning, rule.meta, subset.location,
                             "subset " + subset.name + " has no labels: it selects every endpoint of "
                                 + displayHost(rule.fqdn, rule.meta.ns) + ", so it does not single out a version",
                             "add labels, e.g. labels: {version: " + subset.name + '}');
        }
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

} // namespace meshlane
