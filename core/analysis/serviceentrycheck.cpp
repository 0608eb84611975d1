// SPDX-License-Identifier: MIT
#include "analysis/serviceentrycheck.h"

#include "analysis/analyzercodes.h"
#include "load/fieldreader.h"

#include <map>
#include <set>
#include <tuple>

namespace meshlane {

namespace {

std::string upperCase(std::string text)
{
    for (char &c : text)
        c = char(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return text;
}

SourceLocation locationOf(const ResourceMeta &meta, const YAML::Node &node)
{
    if (!node.IsDefined() || node.Mark().is_null())
        return meta.location;
    return {meta.location.file, node.Mark().line + 1, node.Mark().column + 1};
}

} // namespace

ServiceEntryCheck::ServiceEntryCheck(AnalysisContext &context)
    : m_context(context)
{
}

void ServiceEntryCheck::run()
{
    for (const auto &entry : m_context.mesh().serviceEntries)
        checkAddresses(*entry);
    checkProtocolConflicts();
}

void ServiceEntryCheck::checkAddresses(const ServiceEntry &entry)
{
    // Const lookups only (childOf): raw nodes are shared between snapshots and threads.
    const YAML::Node &raw = entry.meta.raw;
    const YAML::Node spec = childOf(raw, "spec");
    if (isPresent(childOf(spec, "addresses")))
        return;
    const YAML::Node allocated = childOf(childOf(raw, "status"), "addresses");
    if (allocated.IsDefined() && allocated.IsSequence() && allocated.size() > 0)
        return; // Istio allocated them
    const YAML::Node ports = childOf(spec, "ports");
    for (size_t i = 0; i < entry.ports.size(); ++i) {
        const ServiceEntryPort &port = entry.ports[i];
        if (!port.protocol.empty() && upperCase(port.protocol) != "TCP")
            continue;
        const YAML::Node written = ports.IsSequence() && i < ports.size() ? ports[i] : YAML::Node();
        m_context.report(codes::AddressesRequired, Severity::Warning, entry.meta, locationOf(entry.meta, written),
                         "port " + std::to_string(port.number) + " is "
                             + (port.protocol.empty() ? std::string("protocol-less (TCP)") : "TCP")
                             + " and the ServiceEntry has no addresses: sidecars cannot tell its traffic from "
                               "other TCP traffic on that port",
                         "add addresses (the service's IPs or a CIDR), or enable DNS auto-allocation");
    }
}

void ServiceEntryCheck::checkProtocolConflicts()
{
    struct Use
    {
        std::string protocol;
        const ServiceEntry *entry;
    };
    // (scope, host as written, port) -> uses
    std::map<std::tuple<std::string, std::string, uint32_t>, std::vector<Use>> byKey;
    for (const auto &entry : m_context.mesh().serviceEntries) {
        for (const std::string &scope : exportScopes(entry->exportTo, entry->meta.ns)) {
            for (const std::string &host : entry->hosts) {
                for (const ServiceEntryPort &port : entry->ports)
                    byKey[{scope, host, port.number}].push_back({upperCase(port.protocol), entry.get()});
            }
        }
    }
    std::set<const ServiceEntry *> reported;
    for (const auto &[key, uses] : byKey) {
        const auto &[scope, host, port] = key;
        std::vector<Use> all = uses;
        if (scope != "*") {
            const auto everywhere = byKey.find({"*", host, port});
            if (everywhere != byKey.end())
                all.insert(all.end(), everywhere->second.begin(), everywhere->second.end());
        }
        std::set<std::string> protocols;
        std::set<std::string> names;
        for (const Use &use : all) {
            protocols.insert(use.protocol.empty() ? std::string("(none)") : use.protocol);
            names.insert(use.entry->meta.ns + '/' + use.entry->meta.name);
        }
        if (protocols.size() < 2)
            continue;
        std::string protocolList;
        for (const std::string &protocol : protocols)
            appendToList(protocolList, protocol);
        std::string nameList;
        for (const std::string &name : names)
            appendToList(nameList, name);
        for (const Use &use : all) {
            if (!reported.insert(use.entry).second)
                continue;
            m_context.report(codes::ConflictingEntryProtocols, Severity::Warning, use.entry->meta,
                             use.entry->meta.location,
                             "ServiceEntries " + nameList + " give host " + host + " port " + std::to_string(port)
                                 + " different protocols (" + protocolList + "): sidecars use only one of them",
                             "give the port one protocol in every ServiceEntry, or merge them");
        }
    }
}

} // namespace meshlane
