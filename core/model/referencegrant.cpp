// SPDX-License-Identifier: MIT
#include "model/referencegrant.h"

namespace meshlane {

bool ReferenceGrant::allows(const std::string &fromKind, const std::string &fromNamespace, const std::string &toGroup,
                            const std::string &toKind, const std::string &toName) const
{
    bool fromMatches = false;
    for (const From &entry : from) {
        if (entry.group == "gateway.networking.k8s.io" && entry.kind == fromKind && entry.ns == fromNamespace)
            fromMatches = true;
    }
    if (!fromMatches)
        return false;
    for (const To &entry : to) {
        if (entry.group == toGroup && entry.kind == toKind && (entry.name.empty() || entry.name == toName))
            return true;
    }
    return false;
}

} // namespace meshlane
