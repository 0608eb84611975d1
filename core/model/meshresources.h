// SPDX-License-Identifier: MIT
#pragma once

#include "base/cowvector.h"
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

namespace meshlane {

// A kind's resources in load order. Snapshots share them in chunks: the
// snapshot after an edit copies a few chunk pointers per kind and the one
// chunk holding the swapped resource, not a reference per resource.
template<typename Resource>
using ResourceList = CowVector<std::shared_ptr<const Resource>>;

// The modelled resource kinds, one list each. forEachKind() is the one place
// that lists them: the loader's merge and re-read, in-place reload, edits and
// `inspect` all walk it, so a new kind is added here and in its parser.
struct MeshResources
{
    ResourceList<Service> services;
    ResourceList<Workload> workloads;
    ResourceList<VirtualService> virtualServices;
    ResourceList<DestinationRule> destinationRules;
    ResourceList<Gateway> gateways;
    ResourceList<ServiceEntry> serviceEntries;
    // Read for the analyzer (istioctl's inputs): not drawn, not edited.
    ResourceList<Sidecar> sidecars;
    ResourceList<RequestAuthentication> requestAuthentications;
    ResourceList<PeerAuthentication> peerAuthentications;
    ResourceList<Secret> secrets;
    ResourceList<Node> nodes;
    ResourceList<KubeNamespace> namespaces;
    // Kubernetes Gateway API (gateway.networking.k8s.io).
    ResourceList<GatewayClass> gatewayClasses;
    ResourceList<K8sGateway> k8sGateways;
    ResourceList<GatewayApiRoute> gatewayApiRoutes; // HTTP, GRPC, TCP and TLS routes
    ResourceList<ReferenceGrant> referenceGrants;
    // Meshlane's own: rollout plans (meshlane.io/v1alpha1 RolloutPlan).
    ResourceList<RolloutPlanResource> rolloutPlans;

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
