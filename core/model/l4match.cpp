// SPDX-License-Identifier: MIT
#include "model/l4match.h"

namespace meshlane {

namespace {

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : ",") + item;
    return text;
}

} // namespace

std::string L4Match::describe() const
{
    std::string text;
    const auto add = [&text](const std::string &part) { text += (text.empty() ? "" : ", ") + part; };
    if (!sniHosts.empty())
        add("sni " + joined(sniHosts));
    if (!destinationSubnets.empty())
        add("destination " + joined(destinationSubnets));
    if (port)
        add("port " + std::to_string(*port));
    for (const auto &[key, value] : sourceLabels)
        add("source " + key + '=' + value);
    if (!sourceNamespace.empty())
        add("source namespace " + sourceNamespace);
    for (const std::string &gateway : gateways)
        add("gateway " + gateway);
    return text.empty() ? std::string("any connection") : text;
}

std::string L4Match::identity() const
{
    // Field separators that cannot occur in names, so "a,b"+"c" != "a"+"b,c".
    std::string key = "sni=" + joined(sniHosts) + "\x1fnet=" + joined(destinationSubnets) + "\x1fport="
        + (port ? std::to_string(*port) : std::string()) + "\x1fns=" + sourceNamespace + "\x1fgw=" + joined(gateways)
        + "\x1flabels=";
    for (const auto &[name, value] : sourceLabels)
        key += name + '=' + value + '\x1e';
    return key;
}

} // namespace meshlane
