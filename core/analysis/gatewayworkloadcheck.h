// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

namespace meshlane {

// Gateways against the workloads that run them, as istioctl's gateway
// analyzers: a selector no pod matches (IST0101), a server port no Service of
// those pods exposes as port or targetPort (IST0162), a TLS credentialName
// whose Secret is missing (IST0101) or unusable: keys, PEM, expiry (IST0161).
// The Secret is looked up in the namespace of the first pod the selector
// matches, as Istio does. A Service port without protocol counts as TCP (what
// Kubernetes makes of it), where istioctl skips it.
class GatewayWorkloadCheck
{
public:
    explicit GatewayWorkloadCheck(AnalysisContext &context);
    void run();

private:
    void checkGateway(const Gateway &gateway);
    void checkPorts(const Gateway &gateway, const std::vector<const PodView *> &pods);
    void checkCredentials(const Gateway &gateway, const std::string &podNamespace);

    AnalysisContext &m_context;
    std::vector<const Service *> m_services;
    Service m_impliedIngress; // istioctl's istio-system/istio-ingressgateway, when the folder has none
};

// "k1=v1,k2=v2": a label selector as Kubernetes prints it (keys sorted).
std::string selectorText(const Labels &selector);

} // namespace meshlane
