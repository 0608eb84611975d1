// SPDX-License-Identifier: MIT
#pragma once

// Codes the analyzer reports. istioctl (ISTxxxx) and Kiali (KIAxxxx) codes are
// reused with their meaning so users can search them; ML01xx are Meshlane's own
// for findings neither tool has. Schema problems Istio's admission webhook would
// reject share istioctl's IST0106, like the loader's.
namespace meshlane::codes {

inline constexpr const char *ReferenceNotFound = "IST0101";       // host, subset, gateway, port, selector, secret
inline constexpr const char *ConflictingMeshHosts = "IST0109";    // two mesh VirtualServices, one host
inline constexpr const char *PortSelectorRequired = "IST0112";    // destination port needed
inline constexpr const char *ConflictingSidecarSelectors = "IST0110";
inline constexpr const char *SidecarsWithoutSelector = "IST0111";
inline constexpr const char *NoCaCertificate = "IST0128";         // DestinationRule tls without caCertificates
inline constexpr const char *NoCaCertificatePort = "IST0129";     // the same in portLevelSettings
inline constexpr const char *UnreachableRule = "IST0130";         // duplicate match / after a catch-all
inline constexpr const char *IneffectiveMatch = "IST0131";        // duplicate or overlapping prefix match
inline constexpr const char *HostNotInGateway = "IST0132";        // no VS host served by a gateway it names
inline constexpr const char *SchemaWarning = "IST0133";           // as istioctl's validation warnings
inline constexpr const char *AddressesRequired = "IST0134";       // ServiceEntry TCP port, no addresses
inline constexpr const char *DuplicateCertificate = "IST0138";    // two gateways, one certificate
inline constexpr const char *SubsetIgnoredAtIngress = "IST0140";
inline constexpr const char *ConflictingGateways = "IST0145";
inline constexpr const char *JwtClaimRouteWithoutAuth = "IST0149";
inline constexpr const char *InvalidGatewayCredential = "IST0161";
inline constexpr const char *GatewayPortNotOnService = "IST0162";
inline constexpr const char *InternalGatewayReference = "IST0165";
inline constexpr const char *IneffectivePolicy = "IST0167";
inline constexpr const char *SubsetSelectsNoPods = "IST0173";
inline constexpr const char *UnknownRuleHost = "IST0174";         // DestinationRule host unknown
inline constexpr const char *ConflictingEntryProtocols = "IST0177";
inline constexpr const char *DuplicateSubset = "KIA0201";         // same host+subset in two DestinationRules
inline constexpr const char *SubsetWithoutLabels = "KIA0209";
inline constexpr const char *PolicyMtlsEnabled = "KIA0207";        // ns-wide DR DISABLE, ns STRICT
inline constexpr const char *MeshPolicyMtlsEnabled = "KIA0208";    // DR DISABLE, mesh STRICT
inline constexpr const char *DisabledPolicyRuleMissing = "KIA0505";  // ns PA DISABLE, DRs still mTLS
inline constexpr const char *DisabledMeshPolicyRuleMissing = "KIA0506"; // mesh PA DISABLE, *.local mTLS
inline constexpr const char *LoneWeight = "KIA1104";              // single destination with a weight != 100
inline constexpr const char *DuplicateDestination = "KIA1105";    // same destination twice in a route

inline constexpr const char *WeightsNotHundred = "ML0101";        // relative weights, sum != 100
inline constexpr const char *MirrorToServingDestination = "ML0102";
inline constexpr const char *FaultWithoutPercentage = "ML0103";
inline constexpr const char *MirrorPercentageWithoutMirror = "ML0104";
// Where istioctl stays quiet but Meshlane can tell (README: "Beyond istioctl").
inline constexpr const char *ShadowedRoute = "ML0105";            // every match taken earlier (not a duplicate)
inline constexpr const char *ShadowedMatch = "ML0106";
inline constexpr const char *MatchGatewayNotFound = "ML0107";
inline constexpr const char *DelegateNotFound = "ML0108";
inline constexpr const char *SubsetSelectsNoServicePods = "ML0109"; // pods elsewhere, none of the Service's
inline constexpr const char *HostNotServedByGateway = "ML0110";  // one host of several not on the gateway
inline constexpr const char *TlsDisabledTowardsStrict = "ML0111"; // host DR DISABLE, its pods STRICT
// tcp / tls routes (ML011x)
inline constexpr const char *L4RoutesIgnoredByPort = "ML0112";    // tcp/tls routes no port of the host uses
inline constexpr const char *GatewayServerWithoutRoute = "ML0113"; // TCP/TLS server no route serves: refused

} // namespace meshlane::codes
