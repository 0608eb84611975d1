// SPDX-License-Identifier: MIT
#pragma once

#include "model/destinationrule.h"
#include "model/gateway.h"
#include "model/gatewayapiroute.h"
#include "model/gatewayclass.h"
#include "model/k8sgateway.h"
#include "model/kubenamespace.h"
#include "model/node.h"
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
#include <vector>

namespace meshlane {

// The modelled resource kinds, one list each. forEachKind() is the one place
// that lists them: the loader's merge and re-read, in-place reload, edits and
// `inspect` all walk it, so a new kind is added here and in its parser.
struct MeshResources
{
    std::vector<std::shared_ptr<const Service>> services;
    std::vector<std::shared_ptr<const Workload>> workloads;
    std::vector<std::shared_ptr<const VirtualService>> virtualServices;
    std::vector<std::shared_ptr<const DestinationRule>> destinationRules;
    std::vector<std::shared_ptr<const Gateway>> gateways;
    std::vector<std::shared_ptr<const ServiceEntry>> serviceEntries;
    // Read for the analyzer (istioctl's inputs): not drawn, not edited.
    std::vector<std::shared_ptr<const Sidecar>> sidecars;
    std::vector<std::shared_ptr<const RequestAuthentication>> requestAuthentications;
    std::vector<std::shared_ptr<const PeerAuthentication>> peerAuthentications;
    std::vector<std::shared_ptr<const Secret>> secrets;
    std::vector<std::shared_ptr<const Node>> nodes;
    std::vector<std::shared_ptr<const KubeNamespace>> namespaces;
    // Kubernetes Gateway API (gateway.networking.k8s.io).
    std::vector<std::shared_ptr<const GatewayClass>> gatewayClasses;
    std::vector<std::shared_ptr<const K8sGateway>> k8sGateways;
    std::vector<std::shared_ptr<const GatewayApiRoute>> gatewayApiRoutes; // HTTP, GRPC, TCP and TLS routes
    std::vector<std::shared_ptr<const ReferenceGrant>> referenceGrants;
    // Meshlane's own: rollout plans (meshlane.io/v1alpha1 RolloutPlan).
    std::vector<std::shared_ptr<const RolloutPlanResource>> rolloutPlans;

    // Calls visit(&MeshResources::list) for every kind, in this fixed order;
    // apply the member pointer to any MeshResources (or Mesh) to reach the list.
    template<typename Visit>
    static void forEachKind(Visit &&visit)
    {
        visit(&MeshResources::services);
        visit(&MeshResources::workloads);
        visit(&MeshResources::virtualServices);
        visit(&MeshResources::destinationRules);
        visit(&MeshResources::gateways);
        visit(&MeshResources::serviceEntries);
        visit(&MeshResources::sidecars);
        visit(&MeshResources::requestAuthentications);
        visit(&MeshResources::peerAuthentications);
        visit(&MeshResources::secrets);
        visit(&MeshResources::nodes);
        visit(&MeshResources::namespaces);
        visit(&MeshResources::gatewayClasses);
        visit(&MeshResources::k8sGateways);
        visit(&MeshResources::gatewayApiRoutes);
        visit(&MeshResources::referenceGrants);
        visit(&MeshResources::rolloutPlans);
    }

    // Calls visit(list) for every kind's list of this object.
    template<typename Visit>
    void forEachList(Visit &&visit) const
    {
        forEachKind([&](auto list) { visit(this->*list); });
    }
};

} // namespace meshlane
