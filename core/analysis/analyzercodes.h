// SPDX-License-Identifier: MIT
#pragma once

// Codes the analyzer reports. istioctl (ISTxxxx) and Kiali (KIAxxxx) codes are
// reused with their meaning so users can search them; ML01xx are Meshlane's own
// for findings neither tool has. Schema problems Istio's admission webhook would
// reject share istioctl's IST0106, like the loader's.
namespace meshlane::codes {

inline constexpr const char *ReferenceNotFound = "IST0101";       // host, subset, gateway, port, delegate
inline constexpr const char *ConflictingMeshHosts = "IST0109";    // two mesh VirtualServices, one host
inline constexpr const char *PortSelectorRequired = "IST0112";    // destination port needed
inline constexpr const char *UnreachableRule = "IST0130";         // route never reached
inline constexpr const char *IneffectiveMatch = "IST0131";        // match block never used
inline constexpr const char *HostNotInGateway = "IST0132";        // VS host not served by its gateway
inline constexpr const char *SubsetSelectsNoPods = "IST0173";
inline constexpr const char *UnknownRuleHost = "IST0174";         // DestinationRule host unknown
inline constexpr const char *DuplicateSubset = "KIA0201";         // same host+subset in two DestinationRules
inline constexpr const char *SubsetWithoutLabels = "KIA0209";
inline constexpr const char *LoneWeight = "KIA1104";              // single destination with a weight != 100
inline constexpr const char *DuplicateDestination = "KIA1105";    // same destination twice in a route

inline constexpr const char *WeightsNotHundred = "ML0101";        // relative weights, sum != 100
inline constexpr const char *MirrorToServingDestination = "ML0102";
inline constexpr const char *FaultWithoutPercentage = "ML0103";
inline constexpr const char *MirrorPercentageWithoutMirror = "ML0104";
// tcp / tls routes (ML011x)
inline constexpr const char *L4RoutesIgnoredByPort = "ML0110";    // tcp/tls routes no port of the host uses
inline constexpr const char *GatewayServerWithoutRoute = "ML0111"; // TCP/TLS server no route serves: refused

} // namespace meshlane::codes
