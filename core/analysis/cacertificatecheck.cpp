// SPDX-License-Identifier: MIT
#include "analysis/cacertificatecheck.h"

#include "analysis/analyzercodes.h"

namespace meshlane {

namespace {

// SIMPLE or MUTUAL with nothing to verify the server against: the mode, else "".
std::string unverifiedMode(const ClientTlsSettings &tls, bool hasWorkloadSelector)
{
    if (tls.mode != "SIMPLE" && tls.mode != "MUTUAL")
        return {};
    if (tls.caCertificates)
        return {};
    if (tls.credentialName && hasWorkloadSelector)
        return {};
    return tls.mode;
}

} // namespace

CaCertificateCheck::CaCertificateCheck(AnalysisContext &context)
    : m_context(context)
{
}

void CaCertificateCheck::run()
{
    for (const auto &rule : m_context.mesh().destinationRules)
        checkRule(*rule);
}

void CaCertificateCheck::checkRule(const DestinationRule &rule)
{
    const std::string fix = "add caCertificates (the CA bundle that signs " + rule.host
        + "'s certificate), or credentialName with the CA in its Secret";
    if (const std::string mode = unverifiedMode(rule.trafficPolicy.tls, rule.workloadSelectorWritten); !mode.empty()) {
        m_context.report(codes::NoCaCertificate, Severity::Warning, rule.meta, rule.trafficPolicy.tls.modeLocation,
                         "tls mode " + mode + " without caCertificates: the identity of " + rule.host
                             + " is not verified",
                         fix);
    }
    for (const PortTlsSettings &port : rule.portTls) {
        const std::string mode = unverifiedMode(port.tls, rule.workloadSelectorWritten);
        if (mode.empty())
            continue;
        m_context.report(codes::NoCaCertificatePort, Severity::Warning, rule.meta, port.tls.modeLocation,
                         "tls mode " + mode + " without caCertificates on port " + (port.port.empty() ? "?" : port.port)
                             + ": the identity of " + rule.host + " is not verified there",
                         fix);
    }
}

} // namespace meshlane
