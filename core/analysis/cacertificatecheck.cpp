// SPDX-License-Identifier: MIT
#include "analysis/cacertificatecheck.h"

#include "analysis/analyzercodes.h"
#include "load/fieldreader.h"

namespace meshlane {

namespace {

std::string scalarOf(const YAML::Node &map, const char *key)
{
    const YAML::Node value = childOf(map, key);
    return value.IsScalar() ? value.Scalar() : std::string();
}

SourceLocation locationOf(const ResourceMeta &meta, const YAML::Node &node)
{
    if (!node.IsDefined() || node.Mark().is_null())
        return meta.location;
    return {meta.location.file, node.Mark().line + 1, node.Mark().column + 1};
}

// SIMPLE or MUTUAL with nothing to verify the server against: the mode, else "".
std::string unverifiedMode(const YAML::Node &tls, bool hasWorkloadSelector)
{
    const std::string mode = scalarOf(tls, "mode");
    if (mode != "SIMPLE" && mode != "MUTUAL")
        return {};
    if (!scalarOf(tls, "caCertificates").empty())
        return {};
    if (!scalarOf(tls, "credentialName").empty() && hasWorkloadSelector)
        return {};
    return mode;
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
    // Const lookups only (childOf): raw nodes are shared between snapshots and threads.
    const YAML::Node spec = childOf(rule.meta.raw, "spec");
    const bool selector = isPresent(childOf(spec, "workloadSelector"));
    const YAML::Node policy = childOf(spec, "trafficPolicy");
    const YAML::Node tls = childOf(policy, "tls");
    const std::string fix = "add caCertificates (the CA bundle that signs " + rule.host
        + "'s certificate), or credentialName with the CA in its Secret";
    if (const std::string mode = unverifiedMode(tls, selector); !mode.empty()) {
        m_context.report(codes::NoCaCertificate, Severity::Warning, rule.meta, locationOf(rule.meta, childOf(tls, "mode")),
                         "tls mode " + mode + " without caCertificates: the identity of " + rule.host
                             + " is not verified",
                         fix);
    }
    const YAML::Node ports = childOf(policy, "portLevelSettings");
    if (!ports.IsSequence())
        return;
    for (size_t i = 0; i < ports.size(); ++i) {
        const YAML::Node portTls = childOf(ports[i], "tls");
        const std::string mode = unverifiedMode(portTls, selector);
        if (mode.empty())
            continue;
        const std::string port = scalarOf(childOf(ports[i], "port"), "number");
        m_context.report(codes::NoCaCertificatePort, Severity::Warning, rule.meta,
                         locationOf(rule.meta, childOf(portTls, "mode")),
                         "tls mode " + mode + " without caCertificates on port " + (port.empty() ? "?" : port)
                             + ": the identity of " + rule.host + " is not verified there",
                         fix);
    }
}

} // namespace meshlane
