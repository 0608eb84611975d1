// SPDX-License-Identifier: MIT
#pragma once

#include "load/fieldreader.h"
#include "model/destinationrule.h"
#include "model/gateway.h"
#include "model/gatewayapiroute.h"
#include "model/gatewayclass.h"
#include "model/k8sgateway.h"
#include "model/peerauthentication.h"
#include "model/referencegrant.h"
#include "model/requestauthentication.h"
#include "model/rolloutplanresource.h"
#include "model/secret.h"
#include "model/service.h"
#include "model/serviceentry.h"
#include "model/sidecar.h"
#include "model/virtualservice.h"
#include "model/workload.h"

#include <memory>

namespace meshlane {

// One function per kind. Each reads `spec` (or the whole document for
// workloads) from `document`, reports schema problems through its context and
// returns what it could make sense of: a half-broken resource still loads.
std::shared_ptr<VirtualService> parseVirtualService(FieldReader &document, ResourceMeta meta);
std::shared_ptr<DestinationRule> parseDestinationRule(FieldReader &document, ResourceMeta meta);
std::shared_ptr<Gateway> parseGateway(FieldReader &document, ResourceMeta meta);
std::shared_ptr<ServiceEntry> parseServiceEntry(FieldReader &document, ResourceMeta meta);
std::shared_ptr<Service> parseService(FieldReader &document, ResourceMeta meta);
std::shared_ptr<Workload> parseWorkload(FieldReader &document, ResourceMeta meta);
// Gateway API (gateway.networking.k8s.io), parsegatewayapi.cpp. The route
// parser reads HTTPRoute, GRPCRoute, TCPRoute and TLSRoute.
std::shared_ptr<GatewayClass> parseGatewayClass(FieldReader &document, ResourceMeta meta);
std::shared_ptr<K8sGateway> parseK8sGateway(FieldReader &document, ResourceMeta meta);
std::shared_ptr<GatewayApiRoute> parseGatewayApiRoute(FieldReader &document, ResourceMeta meta);
std::shared_ptr<ReferenceGrant> parseReferenceGrant(FieldReader &document, ResourceMeta meta);
bool isGatewayApi(const std::string &apiVersion);
bool isGatewayApiKind(const std::string &kind);

// Istio's Destination: {host, subset, port: {number}}.
Destination parseDestination(FieldReader &reader, const std::string &ruleNamespace);

// The mappings of list `key` (FieldReader::mapList) with `into` reserved for
// them: a model's lists sized once. Grown by doubling, a quarter of a mesh's
// route destinations and subsets were unused capacity.
template<typename T>
std::vector<FieldReader> itemsFor(FieldReader &reader, const char *key, std::vector<T> &into)
{
    std::vector<FieldReader> items = reader.mapList(key);
    into.reserve(into.size() + items.size());
    return items;
}

// Adds `node` to `into` as the deprecated field `path` when it is a scalar
// other than empty and 0 (which change nothing: istioctl stays quiet).
void noteDeprecatedNumber(const ParseContext &context, const CompactNode &node, const char *path,
                          std::vector<DeprecatedField> &into);

// A VirtualService's http, tcp or tls list as written (writtenrules.cpp).
std::vector<WrittenRule> readWrittenRules(const ParseContext &context, const CompactNode &rules, bool http);

// Protobuf duration text ("5s", "100ms", "1.5s", "2m") in milliseconds, -1 if invalid.
int64_t parseDurationMs(const std::string &text);

// Kinds read for the analyzer only (parsemeshpolicy.cpp); unknown fields are kept, not reported.
std::shared_ptr<Sidecar> parseSidecar(FieldReader &document, ResourceMeta meta);
std::shared_ptr<RequestAuthentication> parseRequestAuthentication(FieldReader &document, ResourceMeta meta);
std::shared_ptr<PeerAuthentication> parsePeerAuthentication(FieldReader &document, ResourceMeta meta);
std::shared_ptr<Secret> parseSecret(FieldReader &document, ResourceMeta meta);

// Meshlane's own kinds (parsemeshlane.cpp): a RolloutPlan the strict plan
// reader refuses still loads, with a null plan, its error and an IST0106 finding.
std::shared_ptr<RolloutPlanResource> parseRolloutPlan(FieldReader &document, ResourceMeta meta);
bool isMeshlaneApi(const std::string &apiVersion);

bool isWorkloadKind(const std::string &kind);
bool isIstioNetworkingApi(const std::string &apiVersion);

} // namespace meshlane
