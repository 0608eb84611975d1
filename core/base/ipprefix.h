// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace meshlane {

// An IPv4 or IPv6 address with a prefix length: what a `destinationSubnets`
// entry means ("10.1.0.0/16"; a bare address is a /32 or /128), and what
// Envoy's filter chain `prefix_ranges` compares the original destination with.
class IpPrefix
{
public:
    // Istio's ValidateIPSubnet: one '/' means a CIDR block, otherwise an address.
    static std::optional<IpPrefix> parse(const std::string &text);
    // A single address ("10.1.2.3", "fd00::1"), as a full-length prefix.
    static std::optional<IpPrefix> address(const std::string &text);

    bool isV6() const { return m_v6; }
    int length() const { return m_length; }
    // True when `other`'s address lies in this block (same family only).
    bool contains(const IpPrefix &other) const;

private:
    std::array<uint8_t, 16> m_bytes{}; // IPv4 uses the first 4
    int m_length = 0;
    bool m_v6 = false;
};

} // namespace meshlane
