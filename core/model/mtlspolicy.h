// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <cstdint>
#include <optional>
#include <string>

namespace meshlane {

// mTLS on both ends of a connection, resolved as Istio resolves it; shared by
// the analyzer (MtlsCheck) and the router (a request whose two ends disagree
// fails), so the two cannot tell different stories.

// What a pod's sidecar accepts: the PeerAuthentication that decides, and the
// mode it yields (STRICT, PERMISSIVE or DISABLE).
struct AcceptedMtls
{
    std::string mode = "PERMISSIVE";              // Istio's default with no policy
    const PeerAuthentication *deciding = nullptr; // null: no policy applies
};

// Istio's precedence: a workload policy (selector matching the pod's labels,
// in its namespace; the oldest of several, here the first loaded) beats the
// namespace's selector-less policy, which beats the mesh's (root namespace
// istio-system). UNSET, or no mode written, inherits from the next level. A
// workload policy's portLevelMtls overrides it for that container port.
AcceptedMtls acceptedMtls(const Mesh &mesh, const std::string &ns, const Labels &podLabels,
                          std::optional<uint32_t> containerPort = std::nullopt);

// The DestinationRule whose traffic policy decides the TLS a client sends to
// `fqdn`: one for the exact host, else the one with the longest wildcard host
// covering it (*.ns.svc.cluster.local before *.local); null when none does.
const DestinationRule *tlsDestinationRule(const Mesh &mesh, const std::string &fqdn);

// The client's TLS mode as written in that rule's traffic policy ("" when
// unset: auto mTLS, which always agrees with the server).
bool sendsIstioMtls(const std::string &tlsMode); // ISTIO_MUTUAL or MUTUAL

} // namespace meshlane
