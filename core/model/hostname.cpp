// SPDX-License-Identifier: MIT
#include "model/hostname.h"

#include <algorithm>

namespace meshlane {

std::string toLower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return text;
}

std::string expandHost(const std::string &host, const std::string &ruleNamespace)
{
    std::string lower = toLower(host);
    if (lower.empty() || lower == "*" || lower.find('.') != std::string::npos)
        return lower;
    return lower + '.' + ruleNamespace + ".svc.cluster.local";
}

bool splitServiceFqdn(const std::string &fqdn, std::string *name, std::string *ns)
{
    static const std::string suffix = ".svc.cluster.local";
    if (fqdn.size() <= suffix.size() || fqdn.compare(fqdn.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    const std::string head = fqdn.substr(0, fqdn.size() - suffix.size());
    const size_t dot = head.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 >= head.size() || head.find('.', dot + 1) != std::string::npos)
        return false;
    *name = head.substr(0, dot);
    *ns = head.substr(dot + 1);
    return true;
}

static bool isLabelChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool isDns1123Label(const std::string &name)
{
    if (name.empty() || name.size() > 63)
        return false;
    if (!std::all_of(name.begin(), name.end(), isLabelChar))
        return false;
    return name.front() != '-' && name.back() != '-';
}

bool isDns1123Subdomain(const std::string &name)
{
    if (name.empty() || name.size() > 253)
        return false;
    size_t start = 0;
    while (true) {
        const size_t dot = name.find('.', start);
        const std::string label = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!isDns1123Label(label))
            return false;
        if (dot == std::string::npos)
            return true;
        start = dot + 1;
    }
}

} // namespace meshlane
