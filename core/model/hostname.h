// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

// Istio's short-name rule: a host with no dot becomes
// `<host>.<namespace of the rule>.svc.cluster.local`. Hosts with a dot
// (`reviews.prod`, `api.example.com`) and wildcards are kept, lower-cased.
std::string expandHost(const std::string &host, const std::string &ruleNamespace);

// "reviews.default.svc.cluster.local" -> {"reviews", "default"}; false otherwise.
bool splitServiceFqdn(const std::string &fqdn, std::string *name, std::string *ns);

std::string toLower(std::string text);

// DNS-1123 label (Service names) or subdomain (most other names).
bool isDns1123Label(const std::string &name);
bool isDns1123Subdomain(const std::string &name);

} // namespace meshlane
