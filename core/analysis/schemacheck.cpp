// SPDX-License-Identifier: MIT
#include "analysis/schemacheck.h"

#include "analysis/analyzercodes.h"
#include "base/regex.h"
#include "model/hostname.h"

#include <set>

namespace meshlane {

namespace {

// The nearest valid name: lower case, other characters turned into one '-'.
// Empty when the name is not a near miss (spaces, punctuation, several odd
// characters: text that landed in a name field, not a typo worth renaming to).
std::string dnsFriendly(const std::string &name)
{
    std::string result;
    int replaced = 0;
    for (char c : toLower(name)) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (c == ' ' || c == ':' || c == '{' || c == '}' || c == '"' || c == '\'' || c == '#')
            return {};
        if (!ok)
            ++replaced;
        const char out = ok ? c : '-';
        if (out == '-' && !result.empty() && result.back() == '-')
            continue;
        result += out;
    }
    if (replaced > 2)
        return {};
    while (!result.empty() && (result.front() == '-' || result.front() == '.'))
        result.erase(result.begin());
    while (!result.empty() && (result.back() == '-' || result.back() == '.'))
        result.pop_back();
    return result;
}

std::string upperCase(std::string text)
{
    for (char &c : text)
        c = char(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return text;
}

} // namespace

SchemaCheck::SchemaCheck(AnalysisContext &context)
    : m_context(context)
{
}

void SchemaCheck::run()
{
    const Mesh &mesh = m_context.mesh();
    // Service names become DNS labels (<name>.<ns>.svc); most other names are subdomains.
    for (const auto &service : mesh.services)
        checkName(service->meta, true);
    for (const auto &workload : mesh.workloads)
        checkName(workload->meta, false);
    for (const auto &vs : mesh.virtualServices) {
        checkName(vs->meta, false);
        checkRegexes(*vs);
    }
    for (const auto &rule : mesh.destinationRules) {
        checkName(rule->meta, false);
        checkDestinationRule(*rule);
    }
    for (const auto &gateway : mesh.gateways)
        checkName(gateway->meta, false);
    for (const auto &entry : mesh.serviceEntries) {
        checkName(entry->meta, false);
        checkServiceEntry(*entry);
    }
}

void SchemaCheck::checkName(const ResourceMeta &meta, bool labelOnly)
{
    const bool nameOk = labelOnly ? isDns1123Label(meta.name) : isDns1123Subdomain(meta.name);
    if (!nameOk) {
        const std::string rule = labelOnly ? "a DNS-1123 label (at most 63 lower-case letters, digits and '-')"
                                           : "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')";
        const std::string suggestion = dnsFriendly(meta.name);
        m_context.report(codes::SchemaError, Severity::Error, meta, meta.location,
                         meta.kind + " name \"" + meta.name + "\" is not " + rule + "; the API server rejects it",
                         suggestion.empty() ? std::string("rename it") : "rename it, e.g. " + suggestion);
    }
    if (meta.namespaceWritten && !isDns1123Label(meta.ns)) {
        m_context.report(codes::SchemaError, Severity::Error, meta, meta.location,
                         "namespace \"" + meta.ns + "\" is not a DNS-1123 label; the API server rejects it",
                         "use lower-case letters, digits and '-' only");
    }
}

void SchemaCheck::checkRegexes(const VirtualService &vs)
{
    for (size_t i = 0; i < vs.http.size(); ++i) {
        const std::vector<HttpMatchRequest> &blocks = vs.http[i].match;
        for (size_t b = 0; b < blocks.size(); ++b) {
            const HttpMatchRequest &block = blocks[b];
            const std::string where = " in match[" + std::to_string(b) + "] of " + describeHttpRoute(vs, i);
            const auto optional = [&](const std::optional<StringMatch> &match, const char *field) {
                if (match)
                    checkRegex(vs, *match, field + where);
            };
            optional(block.uri, "uri");
            optional(block.scheme, "scheme");
            optional(block.method, "method");
            optional(block.authority, "authority");
            for (const NamedStringMatch &header : block.headers)
                checkRegex(vs, header.match, "header " + header.name + where);
            for (const NamedStringMatch &header : block.withoutHeaders)
                checkRegex(vs, header.match, "withoutHeaders " + header.name + where);
            for (const NamedStringMatch &query : block.queryParams)
                checkRegex(vs, query.match, "query parameter " + query.name + where);
        }
    }
}

void SchemaCheck::checkRegex(const VirtualService &vs, const StringMatch &match, const std::string &what)
{
    if (match.kind != StringMatch::Kind::Regex)
        return;
    const auto regex = compileRegex(match.value);
    if (regex)
        return;
    m_context.report(codes::SchemaError, Severity::Error, vs.meta, match.location,
                     "regex \"" + match.value + "\" for " + what + " is not valid RE2 (" + regex.error()
                         + "); Istio rejects the VirtualService",
                     "rewrite it without look-around or back-references, which RE2 does not support");
}

void SchemaCheck::checkDestinationRule(const DestinationRule &rule)
{
    if (rule.host.empty()) {
        m_context.report(codes::SchemaError, Severity::Error, rule.meta, rule.hostLocation,
                         "DestinationRule has no host; Istio rejects it", "add spec.host: <service name>");
    }
    std::set<std::string> names;
    for (const Subset &subset : rule.subsets) {
        if (!isDns1123Label(subset.name)) {
            const std::string suggestion = dnsFriendly(subset.name);
            m_context.report(codes::SchemaError, Severity::Error, rule.meta, subset.location,
                             "subset name \"" + subset.name
                                 + "\" is not a DNS-1123 label (lower-case letters, digits and '-'); Istio rejects it",
                             suggestion.empty() ? std::string("name the subset, e.g. after its version label")
                                                : "rename it, e.g. " + suggestion);
        } else if (!names.insert(subset.name).second) {
            m_context.report(codes::SchemaError, Severity::Error, rule.meta, subset.location,
                             "subset " + subset.name + " is defined twice in this DestinationRule; Istio rejects it",
                             "remove or rename one of them");
        }
    }
}

void SchemaCheck::checkServiceEntry(const ServiceEntry &entry)
{
    const SourceLocation &at = entry.hostsLocation;
    if (entry.hosts.empty()) {
        m_context.report(codes::SchemaError, Severity::Error, entry.meta, at,
                         "ServiceEntry has no hosts; Istio rejects it", "add spec.hosts with the external name");
    }
    const bool dns = entry.resolution == "DNS" || entry.resolution == "DNS_ROUND_ROBIN";
    for (const std::string &host : entry.hosts) {
        if (host == "*") {
            m_context.report(codes::SchemaError, Severity::Error, entry.meta, at,
                             "ServiceEntry host \"*\" would capture every host; Istio rejects it",
                             "list the external hosts, or a wildcard such as *.example.com");
        } else if (dns && host.find('*') != std::string::npos && entry.endpoints.empty()) {
            m_context.report(codes::SchemaError, Severity::Error, entry.meta, at,
                             "wildcard host " + host + " with resolution " + entry.resolution
                                 + " and no endpoints: there is no name to resolve; Istio rejects it",
                             "use resolution: NONE for wildcard hosts, or add endpoints");
        }
    }
    static const std::set<std::string> resolutions = {"NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN"};
    if (!resolutions.count(entry.resolution)) {
        const std::string upper = upperCase(entry.resolution);
        m_context.report(codes::SchemaError, Severity::Error, entry.meta, entry.resolutionLocation,
                         "resolution \"" + entry.resolution + "\" is not one of NONE, STATIC, DNS, DNS_ROUND_ROBIN",
                         resolutions.count(upper) ? "write it in capitals: " + upper
                                                  : std::string("use DNS for a named external host, NONE otherwise"));
    }
    if (entry.location != "MESH_EXTERNAL" && entry.location != "MESH_INTERNAL") {
        m_context.report(codes::SchemaError, Severity::Error, entry.meta, entry.locationFieldLocation,
                         "location \"" + entry.location + "\" is not MESH_EXTERNAL or MESH_INTERNAL",
                         "use MESH_EXTERNAL for hosts outside the mesh");
    }
}

} // namespace meshlane
