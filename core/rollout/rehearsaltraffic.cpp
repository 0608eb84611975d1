// SPDX-License-Identifier: MIT
#include "rollout/rehearsaltraffic.h"

namespace meshlane {

std::optional<RehearsalTraffic> RehearsalTraffic::forPlan(const Mesh &mesh, const RolloutPlan &plan,
                                                          const std::optional<std::string> &trafficText,
                                                          std::string *error)
{
    const VirtualService *vs = mesh.findVirtualService(plan.virtualServiceNs, plan.virtualServiceName);
    if (!vs || vs->hosts.empty()) {
        *error = "no VirtualService " + plan.virtualServiceNs + '/' + plan.virtualServiceName;
        return std::nullopt;
    }
    HttpRequest defaults;
    defaults.authority = vs->hosts.front();
    defaults.sourceNamespace = plan.virtualServiceNs;
    RehearsalTraffic traffic{TrafficMix::single(defaults), {}};
    if (!trafficText)
        return traffic;
    std::optional<std::vector<BehaviourProfile>> profiles = BehaviourProfile::listFromYaml(*trafficText, error);
    if (!profiles)
        return std::nullopt;
    // TrafficMix does not know `behaviour:`; blanking it keeps its line numbers.
    std::optional<TrafficMix> mix =
        TrafficMix::fromYaml(BehaviourProfile::withoutBehaviour(*trafficText), defaults, error);
    if (!mix)
        return std::nullopt;
    traffic.mix = std::move(*mix);
    traffic.profiles = std::move(*profiles);
    return traffic;
}

} // namespace meshlane
