// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <tuple>

namespace meshlane {

// Identifies a Kubernetes object the way kubectl does: kind, namespace, name.
struct ResourceId
{
    std::string kind;
    std::string ns;
    std::string name;

    std::string toString() const { return kind + ' ' + ns + '/' + name; }
    bool operator==(const ResourceId &) const = default;
    auto operator<=>(const ResourceId &other) const
    {
        return std::tie(kind, ns, name) <=> std::tie(other.kind, other.ns, other.name);
    }
};

} // namespace meshlane
