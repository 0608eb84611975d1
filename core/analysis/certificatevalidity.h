// SPDX-License-Identifier: MIT
#pragma once

#include "model/secret.h"

#include <ctime>
#include <string>

namespace meshlane {

// Whether a Secret can serve as a gateway's TLS credential, as istioctl's
// secret analyzer decides it: keys cert+key (or tls.crt+tls.key) present and
// not empty, the certificate PEM holding an X.509 certificate valid at `now`.
// Returns the reason it cannot ("no tls.crt and tls.key", "expired on ..."), or
// an empty string when it can.
class CertificateValidity
{
public:
    static std::string problemWith(const Secret &secret, std::time_t now);
};

} // namespace meshlane
