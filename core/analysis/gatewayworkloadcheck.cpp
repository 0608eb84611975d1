// SPDX-License-Identifier: MIT
#include "analysis/gatewayworkloadcheck.h"

#include "analysis/analyzercodes.h"
#include "analysis/certificatevalidity.h"

#include <ctime>
#include <set>

namespace meshlane {

std::string selectorText(const Labels &selector)
{
    std::string text;
    for (const auto &[key, value] : selector)
        appendToList(text, key + '=' + value, ",");
    return text;
}

GatewayWorkloadCheck::GatewayWorkloadCheck(AnalysisContext &context)
    : m_context(context)
{
    bool ingressWritten = false;
    for (const auto &service : context.mesh().services) {
        m_services.push_back(service.get());
        ingressWritten = ingressWritten
            || (service->meta.ns == HostRegistry::IngressServiceNamespace
                && service->meta.name == HostRegistry::IngressServiceName);
    }
    if (!ingressWritten) {
        m_impliedIngress.meta.ns = HostRegistry::IngressServiceNamespace;
        m_impliedIngress.meta.name = HostRegistry::IngressServiceName;
        m_impliedIngress.hasSelector = true;
        m_impliedIngress.selector = {{"istio", "ingressgateway"}};
        for (const auto &[port, name] : {std::pair<uint32_t, const char *>{80, "http2"}, {443, "https"},
                                         {31400, "tcp"}, {15443, "tls"}})
            m_impliedIngress.ports.push_back({name, port, std::to_string(port), "TCP", {}});
        m_services.push_back(&m_impliedIngress);
    }
}

void GatewayWorkloadCheck::run()
{
    for (const auto &gateway : m_context.mesh().gateways)
        checkGateway(*gateway);
}

void GatewayWorkloadCheck::checkGateway(const Gateway &gateway)
{
    std::vector<const PodView *> pods;
    for (const PodView &pod : m_context.pods()) {
        if (labelsMatch(gateway.selector, pod.labels))
            pods.push_back(&pod);
    }
    if (pods.empty()) {
        m_context.report(codes::ReferenceNotFound, Severity::Error, gateway.meta, gateway.meta.location,
                         "selector " + selectorText(gateway.selector)
                             + " matches no gateway pod in the folder: no proxy serves this Gateway",
                         "use the labels of the gateway deployment (the default one is istio: ingressgateway)");
        return;
    }
    checkPorts(gateway, pods);
    checkCredentials(gateway, pods.front()->ns);
}

void GatewayWorkloadCheck::checkPorts(const Gateway &gateway, const std::vector<const PodView *> &pods)
{
    std::set<uint32_t> accepted;
    std::string exposed;
    for (const PodView *pod : pods) {
        for (const Service *service : m_services) {
            if (service->meta.ns != pod->ns || !labelsMatch(service->selector, pod->labels))
                continue;
            for (const ServicePort &port : service->ports) {
                if (port.protocol != "TCP")
                    continue;
                accepted.insert(port.port);
                try {
                    if (!port.targetPort.empty())
                        accepted.insert(uint32_t(std::stoul(port.targetPort)));
                } catch (const std::exception &) { // a named target port: only the port counts
                }
            }
        }
    }
    for (uint32_t port : accepted)
        appendToList(exposed, std::to_string(port));
    std::set<uint32_t> reported;
    for (const GatewayServer &server : gateway.servers) {
        if (server.portNumber == 0 || accepted.count(server.portNumber) || !reported.insert(server.portNumber).second)
            continue;
        m_context.report(codes::GatewayPortNotOnService, Severity::Warning, gateway.meta, server.location,
                         "port " + std::to_string(server.portNumber) + " is not exposed by the Service of the gateway pods ("
                             + selectorText(gateway.selector) + (exposed.empty() ? std::string(": none") : ": " + exposed)
                             + "): clients cannot reach it through that Service",
                         "add port " + std::to_string(server.portNumber)
                             + " to the gateway's Service, or use a port it exposes");
    }
}

void GatewayWorkloadCheck::checkCredentials(const Gateway &gateway, const std::string &podNamespace)
{
    const std::time_t now = std::time(nullptr);
    for (const GatewayServer &server : gateway.servers) {
        if (server.credentialName.empty())
            continue;
        const std::string &name = server.credentialName;
        const size_t slash = name.find('/');
        const std::string ns = slash == std::string::npos ? podNamespace : name.substr(0, slash);
        const std::string secretName = slash == std::string::npos ? name : name.substr(slash + 1);
        const Secret *secret = nullptr;
        for (const auto &candidate : m_context.mesh().secrets) {
            if (candidate->meta.ns == ns && candidate->meta.name == secretName)
                secret = candidate.get();
        }
        const SourceLocation &at = server.credentialNameLocation;
        if (!secret) {
            m_context.report(codes::ReferenceNotFound, Severity::Error, gateway.meta, at,
                             "credentialName " + name + " not found: no Secret " + ns + '/' + secretName
                                 + " (the gateway pods' namespace); TLS on this server fails",
                             "create the Secret in " + ns + " with tls.crt and tls.key");
            continue;
        }
        const std::string problem = CertificateValidity::problemWith(*secret, now);
        if (problem.empty())
            continue;
        m_context.report(codes::InvalidGatewayCredential, Severity::Error, gateway.meta, at,
                         "Secret " + ns + '/' + secretName + " cannot serve TLS: " + problem,
                         "put a valid certificate and key in the Secret (tls.crt and tls.key)");
    }
}

} // namespace meshlane
