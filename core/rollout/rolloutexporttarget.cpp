// SPDX-License-Identifier: MIT
#include "rollout/rolloutexporttarget.h"

#include "edit/meshedit.h"

namespace meshlane {

RolloutExportTarget RolloutExportTarget::defaults(const RolloutPlan &plan)
{
    RolloutExportTarget target;
    const std::string &name = plan.onHttpRoute() ? plan.httpRouteName : plan.virtualServiceName;
    target.workload = name;
    target.selector = {{"app", name}};
    target.destinationRule = name;
    target.service = name;
    const bool numeric = !plan.http.empty() && plan.http.find_first_not_of("0123456789") == std::string::npos;
    if (!numeric)
        target.httpRouteName = plan.http;
    return target;
}

RolloutExportTarget RolloutExportTarget::fromMesh(const Mesh &mesh, const RolloutPlan &plan)
{
    RolloutExportTarget target = defaults(plan);
    if (plan.onHttpRoute()) {
        // The stable backend Service selects the workload the rollout takes over.
        const auto serviceNamed = [&](const std::string &name) {
            return mesh.findService(name + '.' + plan.httpRouteNs + ".svc.cluster.local");
        };
        if (const Service *service = serviceNamed(plan.stable)) {
            if (service->hasSelector)
                target.selector = service->selector;
            // One pod template serves both versions in a Rollout: keep the labels the two Services share.
            if (const Service *canary = serviceNamed(plan.canary); canary && canary->hasSelector)
                std::erase_if(target.selector, [&](const auto &label) {
                    const auto found = canary->selector.find(label.first);
                    return found == canary->selector.end() || found->second != label.second;
                });
            if (!service->ports.empty())
                target.port = service->ports.front().port;
            if (const std::vector<const Workload *> workloads = mesh.workloadsOf(*service); !workloads.empty())
                target.workload = workloads.front()->meta.name;
        }
        return target;
    }
    const VirtualService *vs = mesh.findVirtualService(plan.virtualServiceNs, plan.virtualServiceName);
    const int index = vs ? findHttpRoute(*vs, plan.http) : -1;
    if (index < 0)
        return target;
    const HttpRoute &route = vs->http[size_t(index)];
    if (!route.name.empty())
        target.httpRouteName = route.name;
    for (const RouteDestination &destination : route.route) {
        if (destination.destination.subset != plan.stable)
            continue;
        const DestinationRule *owner = nullptr;
        const Subset *subset = mesh.findSubset(destination.destination.fqdn, plan.stable, &owner);
        if (owner)
            target.destinationRule = owner->meta.name;
        if (const Service *service = mesh.findService(destination.destination.fqdn)) {
            target.service = service->meta.name;
            if (service->hasSelector)
                target.selector = service->selector;
            if (!service->ports.empty())
                target.port = service->ports.front().port;
            const std::vector<const Workload *> workloads =
                subset ? mesh.workloadsOf(*service, subset->labels) : std::vector<const Workload *>{};
            if (!workloads.empty())
                target.workload = workloads.front()->meta.name;
        }
        break;
    }
    return target;
}

} // namespace meshlane
