// SPDX-License-Identifier: MIT
#include "rollout/argorolloutexport.h"

#include "rollout/rolloutannotations.h"
#include "rollout/rolloutplanwriter.h"
#include "yaml/yamlwriter.h"

#include <set>

namespace meshlane {

namespace {

YAML::Node text(const std::string &value) { return YamlWriter::stringNode(value); }

YAML::Node map() { return YAML::Node(YAML::NodeType::Map); }

// Istio's standard metrics, filtered to the canary subset's pods by the
// subset's version label value as Istio reports it (destination_version).
std::string query(const RolloutPlan &plan, const RolloutExportTarget &target, bool latency)
{
    // A Gateway API plan's canary is a Service of its own; a subset is told apart by its version label.
    const std::string selector = plan.onHttpRoute()
        ? "reporter=\"destination\",destination_service_name=\"" + plan.canary + "\",destination_service_namespace=\""
            + plan.httpRouteNs + "\""
        : "reporter=\"destination\",destination_service_name=\"" + target.service
            + "\",destination_service_namespace=\"" + plan.ns + "\",destination_version=\"" + plan.canary + "\"";
    const std::string window = "[" + RolloutPlanWriter::durationText(plan.analysis->intervalSeconds) + "]";
    if (latency)
        return "histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{" + selector + "}" + window
            + ")) by (le))";
    return "sum(rate(istio_requests_total{" + selector + ",response_code!~\"5.*\"}" + window
        + ")) / sum(rate(istio_requests_total{" + selector + "}" + window + "))";
}

YAML::Node metric(const RolloutPlan &plan, const RolloutExportTarget &target, const char *name,
                  const std::string &condition, bool latency)
{
    YAML::Node node = map();
    node["name"] = text(name);
    node["interval"] = text(RolloutPlanWriter::durationText(plan.analysis->intervalSeconds));
    node["failureLimit"] = YamlWriter::integerNode(plan.analysis->failureLimit);
    node["successCondition"] = text(condition);
    YAML::Node prometheus = map();
    prometheus["address"] = text("http://prometheus.istio-system:9090");
    prometheus["query"] = text(query(plan, target, latency));
    YAML::Node provider = map();
    provider["prometheus"] = prometheus;
    node["provider"] = provider;
    return node;
}

std::string numberText(double value) { return YamlWriter::scalar(YamlWriter::numberNode(value)); }

YAML::Node stepNode(const RolloutStep &step, std::vector<std::string> *notes)
{
    YAML::Node node = map();
    switch (step.kind) {
    case RolloutStep::Kind::SetWeight: node["setWeight"] = YamlWriter::integerNode(step.weight); break;
    case RolloutStep::Kind::Pause: {
        YAML::Node pause = map();
        if (step.pauseSeconds)
            pause["duration"] = text(RolloutPlanWriter::durationText(*step.pauseSeconds));
        node["pause"] = pause;
        break;
    }
    case RolloutStep::Kind::SetHeaderRoute: {
        YAML::Node route = map();
        route["name"] = text(step.headerRouteName);
        if (!step.match.empty()) {
            YAML::Node match(YAML::NodeType::Sequence);
            for (const MatchCondition &condition : step.match)
                match.push_back(RolloutPlanWriter::headerMatch(condition));
            route["match"] = match;
        }
        if (step.match.size() > 1 && notes)
            notes->push_back("step " + step.describe() + ": Argo sends a request matching ANY of the "
                             + std::to_string(step.match.size())
                             + " header conditions to the canary; the plan needs ALL of them");
        node["setHeaderRoute"] = route;
        break;
    }
    case RolloutStep::Kind::SetMirror: {
        YAML::Node mirror = map();
        mirror["name"] = text(ArgoRolloutExport::kMirrorRouteName);
        if (step.mirrorPercent > 0) {
            // Argo mirrors the requests of a match; a prefix "/" is every request of the route.
            YAML::Node prefix = map();
            prefix["prefix"] = text("/");
            YAML::Node path = map();
            path["path"] = prefix;
            YAML::Node match(YAML::NodeType::Sequence);
            match.push_back(path);
            mirror["match"] = match;
            if (step.mirrorPercent != double(int(step.mirrorPercent)) && notes)
                notes->push_back("step " + step.describe() + ": Argo's percentage is a whole number; written as "
                                 + std::to_string(int(step.mirrorPercent + 0.5)));
            mirror["percentage"] = YamlWriter::integerNode(int(step.mirrorPercent + 0.5));
        }
        node["setMirrorRoute"] = mirror;
        break;
    }
    }
    return node;
}

} // namespace

std::string ArgoRolloutExport::write(const RolloutPlan &plan, const RolloutExportTarget &target,
                                     std::vector<std::string> *notes)
{
    auto note = [&](const std::string &line) {
        if (notes)
            notes->push_back(line);
    };
    const std::string name = plan.name.empty() ? plan.canary : plan.name;
    YAML::Node root = map();
    root["apiVersion"] = text("argoproj.io/v1alpha1");
    root["kind"] = text("Rollout");
    YAML::Node metadata = map();
    metadata["name"] = text(name);
    metadata["namespace"] = text(plan.ns);
    YAML::Node annotations = map();
    if (plan.analysis && plan.analysis->minRequests > 0)
        annotations[RolloutAnnotations::kMinRequests] = text(std::to_string(plan.analysis->minRequests));
    if (plan.onHttpRoute() && plan.rule > 0)
        annotations[RolloutAnnotations::kRule] = text(std::to_string(plan.rule));
    if (annotations.size() > 0)
        metadata["annotations"] = annotations;
    root["metadata"] = metadata;

    YAML::Node spec = map();
    YAML::Node matchLabels = map();
    for (const auto &[key, value] : target.selector)
        matchLabels[key] = text(value);
    YAML::Node selector = map();
    selector["matchLabels"] = matchLabels;
    spec["selector"] = selector;
    // Argo takes the pod template over from the stable Deployment.
    YAML::Node workloadRef = map();
    workloadRef["apiVersion"] = text("apps/v1");
    workloadRef["kind"] = text("Deployment");
    workloadRef["name"] = text(target.workload);
    spec["workloadRef"] = workloadRef;

    YAML::Node canary = map();
    YAML::Node routing = map();
    std::set<std::string> managed;
    YAML::Node managedRoutes(YAML::NodeType::Sequence);
    for (const RolloutStep &step : plan.steps) {
        const std::string routeName = step.kind == RolloutStep::Kind::SetHeaderRoute ? step.headerRouteName
            : step.kind == RolloutStep::Kind::SetMirror                              ? kMirrorRouteName
                                                                                     : std::string();
        if (!routeName.empty() && managed.insert(routeName).second) {
            YAML::Node entry = map();
            entry["name"] = text(routeName);
            managedRoutes.push_back(entry);
        }
    }
    if (managedRoutes.size() > 0)
        routing["managedRoutes"] = managedRoutes;
    if (plan.onHttpRoute()) {
        // Argo's Gateway API plugin shifts the weights of the HTTPRoute's
        // backendRefs to canaryService and stableService.
        YAML::Node plugin = map();
        plugin["httpRoute"] = text(plan.httpRouteName);
        plugin["namespace"] = text(plan.httpRouteNs);
        YAML::Node plugins = map();
        plugins["argoproj-labs/gatewayAPI"] = plugin;
        routing["plugins"] = plugins;
        canary["canaryService"] = text(plan.canary);
        canary["stableService"] = text(plan.stable);
        if (plan.rule > 0)
            note("the Gateway API plugin shifts every rule that sends to both Services, not only rule "
                 + std::to_string(plan.rule));
    } else {
        YAML::Node istio = map();
        YAML::Node vs = map();
        vs["name"] = text(plan.virtualServiceName);
        if (plan.virtualServiceNs != plan.ns)
            note("Argo reads the VirtualService in the Rollout's namespace " + plan.ns + ", not "
                 + plan.virtualServiceNs);
        if (!target.httpRouteName.empty()) {
            YAML::Node routes(YAML::NodeType::Sequence);
            routes.push_back(text(target.httpRouteName));
            vs["routes"] = routes;
        } else if (plan.http != "0") {
            note("Argo names the http routes it drives; route " + plan.http
                 + " has no name, so the Rollout drives the VirtualService's only route: give the route a name");
        }
        istio["virtualService"] = vs;
        YAML::Node rule = map();
        rule["name"] = text(target.destinationRule);
        rule["canarySubsetName"] = text(plan.canary);
        rule["stableSubsetName"] = text(plan.stable);
        istio["destinationRule"] = rule;
        routing["istio"] = istio;
    }
    canary["trafficRouting"] = routing;
    const std::string templateName = name + "-analysis";
    if (plan.analysis && (plan.analysis->successRateMin || plan.analysis->latencyP99MaxMs)) {
        YAML::Node reference = map();
        reference["templateName"] = text(templateName);
        YAML::Node templates(YAML::NodeType::Sequence);
        templates.push_back(reference);
        YAML::Node analysis = map();
        analysis["templates"] = templates;
        canary["analysis"] = analysis;
    }
    YAML::Node steps(YAML::NodeType::Sequence);
    for (const RolloutStep &step : plan.steps) {
        steps.push_back(stepNode(step, notes));
        // rollouts-plugin-trafficrouter-gatewayapi implements SetMirrorRoute as a no-op.
        if (plan.onHttpRoute() && step.kind == RolloutStep::Kind::SetMirror && step.mirrorPercent > 0)
            note("step " + step.describe()
                 + ": Argo's Gateway API plugin ignores setMirrorRoute, so the cluster "
                   "mirrors nothing; the rehearsal writes a RequestMirror filter on the rule");
    }
    canary["steps"] = steps;
    YAML::Node strategy = map();
    strategy["canary"] = canary;
    spec["strategy"] = strategy;
    root["spec"] = spec;
    std::string out = YamlWriter::block(root, 0);

    if (plan.analysis && (plan.analysis->successRateMin || plan.analysis->latencyP99MaxMs)) {
        YAML::Node analysisTemplate = map();
        analysisTemplate["apiVersion"] = text("argoproj.io/v1alpha1");
        analysisTemplate["kind"] = text("AnalysisTemplate");
        YAML::Node templateMetadata = map();
        templateMetadata["name"] = text(templateName);
        templateMetadata["namespace"] = text(plan.ns);
        analysisTemplate["metadata"] = templateMetadata;
        YAML::Node metrics(YAML::NodeType::Sequence);
        if (plan.analysis->successRateMin)
            metrics.push_back(metric(plan, target, "success-rate",
                                     "result[0] >= " + numberText(*plan.analysis->successRateMin), false));
        if (plan.analysis->latencyP99MaxMs)
            metrics.push_back(metric(plan, target, "latency-p99",
                                     "result[0] <= " + numberText(*plan.analysis->latencyP99MaxMs), true));
        YAML::Node templateSpec = map();
        templateSpec["metrics"] = metrics;
        analysisTemplate["spec"] = templateSpec;
        out += "---\n" + YamlWriter::block(analysisTemplate, 0);
        if (plan.analysis->successRateMin && plan.analysis->latencyP99MaxMs && plan.analysis->failureLimit > 0)
            note("Argo counts failureLimit per metric; the plan counts failed intervals over both gates");
    }
    return out;
}

} // namespace meshlane
