// SPDX-License-Identifier: MIT
#include "analysis/serviceentrycheck.h"

#include "analysis/analyzercodes.h"

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
    if (entry.addressesWritten || entry.addressesAllocated)
        return; // written, or Istio allocated them
    for (size_t i = 0; i < entry.ports.size(); ++i) {
        const ServiceEntryPort &port = entry.ports[i];
        if (!port.protocol.empty() && upperCase(port.protocol) != "TCP")
            continue;
        m_context.report(codes::AddressesRequired, Severity::Warning, entry.meta, port.location,
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
