// SPDX-License-Identifier: MIT
#include "load/resourceparsers.h"
#include "model/hostname.h"

#include <charconv>
#include <cmath>

namespace meshlane {

bool isIstioNetworkingApi(const std::string &apiVersion)
{
    return apiVersion == "networking.istio.io/v1" || apiVersion == "networking.istio.io/v1beta1"
        || apiVersion == "networking.istio.io/v1alpha3";
}

int64_t parseDurationMs(const std::string &text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    // from_chars reads "nan" and "inf" too: neither is a duration.
    if (error != std::errc() || !std::isfinite(value) || value < 0)
        return -1;
    const std::string unit(end, text.data() + text.size());
    double ms = 0;
    if (unit == "ms") ms = value;
    else if (unit == "s") ms = value * 1000;
    else if (unit == "m") ms = value * 60'000;
    else if (unit == "h") ms = value * 3'600'000;
    else if (unit == "us" || unit == "µs") ms = value / 1000;
    else return -1;
    // protobuf's Duration, which Istio's schema uses, ends at 10,000 years;
    // the bound also keeps the conversion to an integer defined.
    constexpr double kMaxMs = 315'576'000'000'000.0;
    return ms <= kMaxMs ? int64_t(ms) : -1;
}

void noteDeprecatedNumber(const ParseContext &context, const CompactNode &node, const char *path,
                          std::vector<DeprecatedField> &into)
{
    if (node.IsScalar() && !node.Scalar().empty() && node.Scalar() != "0")
        into.push_back(DeprecatedField{path, node.Scalar(), context.locationOf(node)});
}

namespace {

ClientTlsSettings clientTlsOf(const ParseContext &context, const CompactNode &tls, const SourceLocation &document)
{
    ClientTlsSettings settings;
    settings.mode = scalarOf(tls, "mode");
    settings.caCertificates = !scalarOf(tls, "caCertificates").empty();
    settings.credentialName = !scalarOf(tls, "credentialName").empty();
    const CompactNode mode = childOf(tls, "mode");
    settings.modeLocation = mode.IsDefined() ? context.locationOf(mode) : document;
    return settings;
}

// What the analyzer reads of a rule's policy beyond the routing summary.
void readPolicyAsWritten(const ParseContext &context, const CompactNode &spec, DestinationRule &rule)
{
    rule.workloadSelectorWritten = isPresent(childOf(spec, "workloadSelector"));
    const CompactNode policy = childOf(spec, "trafficPolicy");
    rule.trafficPolicy.tls = clientTlsOf(context, childOf(policy, "tls"), rule.meta.location);
    const CompactNode ports = childOf(policy, "portLevelSettings");
    for (size_t i = 0; ports.IsSequence() && i < ports.size(); ++i) {
        rule.portTls.push_back(PortTlsSettings{scalarOf(childOf(ports[i], "port"), "number"),
                                               clientTlsOf(context, childOf(ports[i], "tls"), rule.meta.location)});
    }
    // Only the top-level policy: istioctl drops these warnings for subsets and ports.
    noteDeprecatedNumber(context, childOf(childOf(policy, "outlierDetection"), "consecutiveErrors"),
                         "outlierDetection.consecutiveErrors", rule.deprecatedFields);
    noteDeprecatedNumber(context,
                         childOf(childOf(childOf(policy, "loadBalancer"), "consistentHash"), "minimumRingSize"),
                         "consistentHash.minimumRingSize", rule.deprecatedFields);
}

} // namespace

std::shared_ptr<DestinationRule> parseDestinationRule(FieldReader &document, ResourceMeta meta)
{
    auto rule = std::make_shared<DestinationRule>();
    rule->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return rule;
    readPolicyAsWritten(document.context(), spec->node(), *rule);
    rule->hostLocation = spec->locationOf("host");
    rule->host = spec->string("host").value_or("");
    rule->fqdn = expandHost(rule->host, rule->meta.ns);
    for (FieldReader &entry : itemsFor(*spec, "subsets", rule->subsets)) {
        Subset subset;
        subset.location = entry.location();
        subset.name = entry.string("name").value_or("");
        subset.labelsWritten = entry.has("labels");
        subset.labels = entry.stringMap("labels");
        entry.ignore("trafficPolicy");
        entry.finish();
        rule->subsets.push_back(std::move(subset));
    }
    if (std::optional<FieldReader> policy = spec->map("trafficPolicy")) {
        if (std::optional<FieldReader> lb = policy->map("loadBalancer")) {
            if (auto simple = lb->string("simple"))
                rule->trafficPolicy.loadBalancer = *simple;
            else if (lb->has("consistentHash"))
                rule->trafficPolicy.loadBalancer = "consistentHash";
            for (const char *known : {"consistentHash", "localityLbSetting", "warmupDurationSecs", "warmup"})
                lb->ignore(known);
            lb->finish();
        }
        if (std::optional<FieldReader> tls = policy->map("tls")) {
            tls->string("mode"); // reports a mode of the wrong type; trafficPolicy.tls has its text
            for (const char *known : {"clientCertificate", "privateKey", "caCertificates", "credentialName",
                                      "subjectAltNames", "sni", "insecureSkipVerify", "caCrl"})
                tls->ignore(known);
            tls->finish();
        }
        rule->trafficPolicy.hasOutlierDetection = policy->has("outlierDetection");
        rule->trafficPolicy.hasConnectionPool = policy->has("connectionPool");
        for (const char *known : {"outlierDetection", "connectionPool", "portLevelSettings", "tunnel", "proxyProtocol"})
            policy->ignore(known);
        policy->finish();
    }
    rule->exportTo = spec->stringList("exportTo");
    spec->ignore("workloadSelector");
    spec->finish();
    return rule;
}

std::shared_ptr<Gateway> parseGateway(FieldReader &document, ResourceMeta meta)
{
    auto gateway = std::make_shared<Gateway>();
    gateway->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return gateway;
    gateway->selector = spec->stringMap("selector");
    for (FieldReader &entry : itemsFor(*spec, "servers", gateway->servers)) {
        GatewayServer server;
        server.location = entry.location();
        if (std::optional<FieldReader> port = entry.map("port")) {
            server.portNumber = uint32_t(port->integer("number").value_or(0));
            server.portName = port->string("name").value_or("");
            server.protocol = port->string("protocol").value_or("");
            port->ignore("targetPort");
            port->finish();
        }
        server.hosts = entry.stringList("hosts");
        if (std::optional<FieldReader> tls = entry.map("tls")) {
            server.tlsMode = tls->string("mode").value_or("");
            server.tlsWritten = true;
            server.credentialName = scalarOf(tls->node(), "credentialName");
            server.serverCertificate = scalarOf(tls->node(), "serverCertificate");
            server.privateKey = scalarOf(tls->node(), "privateKey");
            server.credentialNameLocation = tls->locationOf("credentialName");
            for (const char *known : {"httpsRedirect", "serverCertificate", "privateKey", "caCertificates",
                                      "credentialName", "subjectAltNames", "minProtocolVersion",
                                      "maxProtocolVersion", "cipherSuites", "verifyCertificateSpki",
                                      "verifyCertificateHash", "credentialNames", "caCrl"})
                tls->ignore(known);
            tls->finish();
        }
        server.name = entry.string("name").value_or("");
        entry.ignore("bind");
        entry.ignore("defaultEndpoint");
        entry.finish();
        gateway->servers.push_back(std::move(server));
    }
    spec->finish();
    return gateway;
}

std::shared_ptr<ServiceEntry> parseServiceEntry(FieldReader &document, ResourceMeta meta)
{
    auto entry = std::make_shared<ServiceEntry>();
    entry->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return entry;
    entry->hostsLocation = spec->locationOf("hosts");
    for (const std::string &host : spec->stringList("hosts"))
        entry->hosts.push_back(toLower(host));
    entry->addressesWritten = isPresent(childOf(spec->node(), "addresses"));
    entry->addresses = spec->stringList("addresses");
    const CompactNode allocated = childOf(childOf(document.node(), "status"), "addresses");
    entry->addressesAllocated = allocated.IsSequence() && allocated.size() > 0;
    for (FieldReader &port : itemsFor(*spec, "ports", entry->ports)) {
        ServiceEntryPort parsed;
        parsed.location = port.location();
        parsed.number = uint32_t(port.integer("number").value_or(0));
        parsed.name = port.string("name").value_or("");
        parsed.protocol = port.string("protocol").value_or("");
        parsed.targetPort = uint32_t(port.integer("targetPort").value_or(0));
        port.finish();
        entry->ports.push_back(parsed);
    }
    const auto writtenAt = [&](const char *key) {
        return childOf(spec->node(), key).IsDefined() ? spec->locationOf(key) : entry->meta.location;
    };
    entry->locationFieldLocation = writtenAt("location");
    entry->location = spec->string("location").value_or("MESH_EXTERNAL");
    entry->resolutionLocation = writtenAt("resolution");
    entry->resolution = spec->string("resolution").value_or("NONE");
    for (FieldReader &endpoint : itemsFor(*spec, "endpoints", entry->endpoints)) {
        WorkloadEntryInline parsed;
        parsed.location = endpoint.location();
        parsed.address = endpoint.string("address").value_or("");
        parsed.labels = endpoint.stringMap("labels");
        if (std::optional<FieldReader> ports = endpoint.map("ports")) {
            for (const auto &item : ports->node()) {
                if (!item.first.IsScalar())
                    continue;
                const std::string name = item.first.Scalar();
                if (auto number = ports->integer(name.c_str()))
                    parsed.ports[name] = uint32_t(*number);
            }
        }
        for (const char *known : {"network", "locality", "weight", "serviceAccount"})
            endpoint.ignore(known);
        endpoint.finish();
        entry->endpoints.push_back(std::move(parsed));
    }
    if (std::optional<FieldReader> selector = spec->map("workloadSelector")) {
        entry->workloadSelector = selector->stringMap("labels");
        selector->finish();
    }
    entry->exportTo = spec->stringList("exportTo");
    spec->ignore("subjectAltNames");
    spec->finish();
    return entry;
}

} // namespace meshlane
