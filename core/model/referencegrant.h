// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <string>
#include <vector>

namespace meshlane {

// gateway.networking.k8s.io ReferenceGrant: lives in the namespace of the
// objects it opens to references from other namespaces.
struct ReferenceGrant
{
    struct From
    {
        std::string group;
        std::string kind;
        std::string ns;
    };
    struct To
    {
        std::string group;
        std::string kind;
        std::string name; // empty: every object of that kind
    };

    ResourceMeta meta;
    std::vector<From> from;
    std::vector<To> to;

    // True when a `fromKind` route in `fromNamespace` may refer to the
    // `toKind` object `toName` in this grant's namespace.
    bool allows(const std::string &fromKind, const std::string &fromNamespace, const std::string &toGroup,
                const std::string &toKind, const std::string &toName) const;
};

} // namespace meshlane
