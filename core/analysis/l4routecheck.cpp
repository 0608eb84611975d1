// SPDX-License-Identifier: MIT
#include "analysis/l4routecheck.h"

#include "analysis/analyzercodes.h"
#include "base/ipprefix.h"
#include "model/hostname.h"
#include "model/portprotocol.h"

#include <algorithm>
#include <map>

namespace meshlane {

namespace {

std::string ruleName(const char *section, size_t index) { return std::string(section) + '[' + std::to_string(index) + ']'; }

std::string quoted(const std::string &text) { return '"' + text + '"'; }

// Istio's ValidateWildcardDomain: the first label may be "*", "*x" or "*-x";
// the others are DNS-1123 labels; the top-level domain is not all digits.
std::string wildcardDomainProblem(std::string domain)
{
    if (domain.empty())
        return "empty domain name not allowed";
    if (domain.size() > 255)
        return "domain name " + quoted(domain) + " too long (max 255)";
    const std::string written = domain;
    if (domain.back() == '.')
        domain.pop_back();
    std::vector<std::string> labels;
    for (size_t start = 0;;) {
        const size_t dot = domain.find('.', start);
        labels.push_back(domain.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    for (size_t i = 0; i < labels.size(); ++i) {
        std::string label = labels[i];
        if (i == 0 && !label.empty() && label.front() == '*') {
            label.erase(0, label.size() > 1 && label[1] == '-' ? 2 : 1);
            if (label.empty())
                continue;
        }
        if (!isDns1123Label(label))
            return "domain name " + quoted(written) + " invalid (label " + quoted(labels[i]) + " invalid)";
    }
    const std::string &top = labels.back();
    if (labels.size() > 1 && std::all_of(top.begin(), top.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "domain name " + quoted(written) + " invalid (top level domain " + quoted(top) + " cannot be all-numeric)";
    return {};
}

// Istio's host.Name.SubsetOf on the strings as written (no short-name expansion).
bool sniWithinHost(const std::string &sni, const std::string &host)
{
    const bool sniWild = !sni.empty() && sni.front() == '*';
    const bool hostWild = !host.empty() && host.front() == '*';
    const auto endsWith = [](const std::string &text, const std::string &suffix) {
        return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (!sniWild && !hostWild)
        return sni == host;
    if (!sniWild)
        return endsWith(sni, host.substr(1));
    if (!hostWild)
        return false;
    return sni.size() >= host.size() && endsWith(sni.substr(1), host.substr(1));
}

bool isHttpProtocol(const std::string &protocol)
{
    return portProtocolFromName(protocol) == PortProtocol::Http;
}

} // namespace

L4RouteCheck::L4RouteCheck(AnalysisContext &context)
    : m_context(context)
{
}

void L4RouteCheck::run()
{
    for (const auto &vs : m_context.mesh().virtualServices) {
        if (vs->tcp.empty() && vs->tls.empty())
            continue;
        if (vs->hosts.empty()) {
            for (const auto &[section, routes] : {std::pair{"tcp", &vs->tcp}, std::pair{"tls", &vs->tls}}) {
                if (routes->empty())
                    continue;
                m_context.report(codes::SchemaError, Severity::Error, vs->meta, vs->meta.location,
                                 std::string("delegate virtual service must have no ") + section
                                     + " route specified: Istio delegates http routes only",
                                 "give the VirtualService hosts, or move the rules to the VirtualService that "
                                 "delegates to it");
            }
        }
        checkRules(*vs, vs->tcp, "tcp");
        checkRules(*vs, vs->tls, "tls");
        // IST0130 / IST0131 for tcp and tls come from DuplicateMatchCheck,
        // which follows istioctl's validation for all three lists.
        checkPortProtocols(*vs);
    }
    for (const auto &gateway : m_context.mesh().gateways)
        checkGatewayServers(*gateway);
}

void L4RouteCheck::checkRules(const VirtualService &vs, const std::vector<L4Route> &routes, const char *section)
{
    const bool tls = std::string(section) == "tls";
    for (size_t i = 0; i < routes.size(); ++i) {
        const L4Route &rule = routes[i];
        const std::string name = ruleName(section, i);
        for (const MisplacedField &field : rule.misplaced)
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, field.location,
                             name + " has " + field.key + ", a field of http routes only: Istio rejects it (Envoy "
                                 + "proxies " + (tls ? "TLS" : "TCP")
                                 + " connections as opaque bytes, with no requests to retry, mirror or fault)",
                             "remove " + field.key + ", or route this traffic with an http route");
        if (rule.route.empty())
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, rule.location,
                             name + (tls ? ": TLS route is required" : ": TCP route is required")
                                 + " (the rule has no destination)",
                             "add route: with at least one destination");
        if (tls && rule.match.empty())
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, rule.location,
                             name + ": TLS route must have at least one match condition",
                             "add match: [{sniHosts: [...]}] naming the server names it takes");
        for (size_t j = 0; j < rule.match.size(); ++j) {
            const L4Match &match = rule.match[j];
            const std::string matchName = name + " match[" + std::to_string(j) + ']';
            if (tls)
                checkSniHosts(vs, match, matchName);
            for (const std::string &subnet : match.destinationSubnets) {
                if (IpPrefix::parse(subnet))
                    continue;
                const bool block = std::count(subnet.begin(), subnet.end(), '/') == 1;
                m_context.report(codes::SchemaError, Severity::Error, vs.meta, match.destinationSubnetsLocation,
                                 matchName + ": " + subnet + (block ? " is not a valid CIDR block" : " is not a valid IP"),
                                 "write an address (10.1.2.3) or a block (10.1.0.0/16)");
            }
            if (match.port && (*match.port == 0 || *match.port > 65535))
                m_context.report(codes::SchemaError, Severity::Error, vs.meta, match.location,
                                 matchName + ": port number " + std::to_string(*match.port)
                                     + " must be in the range 1..65535");
        }
    }
}

void L4RouteCheck::checkSniHosts(const VirtualService &vs, const L4Match &match, const std::string &name)
{
    if (match.sniHosts.empty()) {
        m_context.report(codes::SchemaError, Severity::Error, vs.meta, match.location,
                         name + ": TLS match must have at least one SNI host",
                         "add sniHosts: [...] with the server names clients send");
        return;
    }
    std::string hosts;
    for (const std::string &host : vs.hosts)
        appendToList(hosts, host);
    for (const std::string &sni : match.sniHosts) {
        const std::string problem = wildcardDomainProblem(sni);
        if (!problem.empty()) {
            if (IpPrefix::address(sni))
                m_context.report(codes::SchemaError, Severity::Warning, vs.meta, match.sniHostsLocation,
                                 name + ": using an IP address (" + quoted(sni)
                                     + ") goes against SNI spec and most clients do not support this");
            else
                m_context.report(codes::SchemaError, Severity::Error, vs.meta, match.sniHostsLocation,
                                 name + ": " + problem);
            continue;
        }
        const bool covered = std::any_of(vs.hosts.begin(), vs.hosts.end(),
                                         [&sni](const std::string &host) { return sniWithinHost(sni, host); });
        if (!covered)
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, match.sniHostsLocation,
                             name + ": SNI host " + quoted(sni)
                                 + " is not a compatible subset of any of the virtual service hosts: [" + hosts + ']',
                             "add " + sni + " to hosts, or write the SNI as one of them (the comparison is on the "
                                 "names as written: a short host does not cover its full name)");
    }
}

void L4RouteCheck::checkPortProtocols(const VirtualService &vs)
{
    if (!vs.appliesToMesh())
        return;
    for (const std::string &host : vs.hostFqdns) {
        const Service *service = m_context.mesh().findService(host);
        if (!service || service->ports.empty())
            continue;
        bool tlsPort = false;
        bool tcpPort = false;
        std::string ports;
        for (const ServicePort &port : service->ports) {
            const PortProtocol protocol = portProtocolOf(port);
            tlsPort = tlsPort || protocol == PortProtocol::Tls;
            tcpPort = tcpPort || protocol == PortProtocol::Tcp || protocol == PortProtocol::Auto;
            appendToList(ports, std::to_string(port.port) + (port.name.empty() ? "" : " (" + port.name + ')') + ": "
                                    + portProtocolName(protocol));
        }
        const std::string serviceName = shortReference(service->meta.ns, service->meta.name, vs.meta.ns);
        if (!vs.tls.empty() && !tlsPort)
            m_context.report(codes::L4RoutesIgnoredByPort, Severity::Warning, vs.meta, vs.tls.front().location,
                             "the tls routes never apply to sidecars calling " + serviceName
                                 + ": no port of it is declared TLS or HTTPS (" + ports + ")",
                             "name the port tls-... or https-... (or set appProtocol: tls)");
        if (!vs.tcp.empty() && !tcpPort)
            m_context.report(codes::L4RoutesIgnoredByPort, Severity::Warning, vs.meta, vs.tcp.front().location,
                             "the tcp routes never apply to sidecars calling " + serviceName
                                 + ": its ports are HTTP or TLS (" + ports + ")",
                             "name the port tcp-... for opaque TCP, or use http or tls routes");
    }
}

void L4RouteCheck::checkGatewayServers(const Gateway &gateway)
{
    const std::string ref = gateway.meta.ns + '/' + gateway.meta.name;
    std::vector<const VirtualService *> bound;
    for (const auto &vs : m_context.mesh().virtualServices) {
        const std::vector<std::string> refs = vs->gatewayRefs();
        if (std::find(refs.begin(), refs.end(), ref) != refs.end())
            bound.push_back(vs.get());
    }
    const auto takesPort = [](const std::vector<L4Match> &matches, uint32_t port) {
        return matches.empty() || std::any_of(matches.begin(), matches.end(), [port](const L4Match &match) {
                   return !match.port || *match.port == port;
               });
    };
    for (const GatewayServer &server : gateway.servers) {
        const PortProtocol protocol = portProtocolFromName(server.protocol);
        const std::string mode = toLower(server.tlsMode);
        if (isHttpProtocol(server.protocol) || mode == "auto_passthrough")
            continue;
        const bool passthrough = mode.empty() || mode == "passthrough";
        // HTTPS terminated at the gateway is HTTP routing; TLS terminated is TCP.
        if (protocol == PortProtocol::Tls && toLower(server.protocol) == "https" && !passthrough)
            continue;
        if (protocol != PortProtocol::Tcp && protocol != PortProtocol::Tls)
            continue;
        const bool usesTls = protocol == PortProtocol::Tls && passthrough;
        const bool served = std::any_of(bound.begin(), bound.end(), [&](const VirtualService *vs) {
            const std::vector<L4Route> &routes = usesTls ? vs->tls : vs->tcp;
            return std::any_of(routes.begin(), routes.end(), [&](const L4Route &rule) {
                return !rule.route.empty() && (usesTls ? !rule.match.empty() : true)
                    && takesPort(rule.match, server.portNumber);
            });
        });
        if (served)
            continue;
        const std::string kind = usesTls ? "tls" : "tcp";
        m_context.report(codes::GatewayServerWithoutRoute, Severity::Warning, gateway.meta, server.location,
                         "the " + server.protocol + " server on port " + std::to_string(server.portNumber)
                             + " has no " + kind + " route: no VirtualService bound to Gateway "
                             + gateway.meta.name + " has a " + kind + " rule for port "
                             + std::to_string(server.portNumber)
                             + ", so Istio builds no filter chain and Envoy refuses its connections",
                         "bind a VirtualService with a " + kind + " route (match port: "
                             + std::to_string(server.portNumber) + ") to the gateway");
    }
}

} // namespace meshlane
