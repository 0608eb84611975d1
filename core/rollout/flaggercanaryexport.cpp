// SPDX-License-Identifier: MIT
#include "rollout/flaggercanaryexport.h"

#include "rollout/rolloutannotations.h"
#include "rollout/rolloutplanwriter.h"
#include "yaml/yamlwriter.h"

#include <cmath>

namespace meshlane {

namespace {

using Kind = RolloutStep::Kind;

YAML::Node text(const std::string &value) { return YamlWriter::stringNode(value); }
YAML::Node map() { return YAML::Node(YAML::NodeType::Map); }

// The plan's steps read as Flagger's phases.
struct Shape
{
    std::optional<double> mirrorPercent; // a mirrored pause first
    std::optional<double> mirrorSeconds;
    const RolloutStep *headerRoute = nullptr;
    std::optional<double> headerSeconds;
    std::vector<int> weights; // progressive, without the final promotion
    std::vector<double> weightSeconds;
    std::vector<double> plainPauses; // Blue/Green
};

Shape shapeOf(const RolloutPlan &plan, std::vector<std::string> *notes)
{
    auto drop = [&](size_t i, const std::string &why) {
        if (notes)
            notes->push_back("step " + std::to_string(i + 1) + " (" + plan.steps[i].describe()
                             + ") cannot be expressed in a Flagger Canary: " + why + "; left out");
    };
    Shape shape;
    const std::vector<RolloutStep> &steps = plan.steps;
    auto pauseAt = [&](size_t i) -> std::optional<double> {
        if (i < steps.size() && steps[i].kind == Kind::Pause && steps[i].pauseSeconds)
            return steps[i].pauseSeconds;
        return std::nullopt;
    };
    size_t i = 0;
    if (i < steps.size() && steps[i].kind == Kind::SetMirror && steps[i].mirrorPercent > 0 && pauseAt(i + 1)) {
        shape.mirrorPercent = steps[i].mirrorPercent;
        shape.mirrorSeconds = pauseAt(i + 1);
        i += 2;
        if (i < steps.size() && steps[i].kind == Kind::SetMirror && steps[i].mirrorPercent == 0)
            ++i;
    }
    bool weighted = false;
    for (const RolloutStep &step : steps)
        weighted |= step.kind == Kind::SetWeight && step.weight > 0 && step.weight < 100;
    for (; i < steps.size(); ++i) {
        const RolloutStep &step = steps[i];
        const bool last = i + 1 == steps.size();
        if (step.kind == Kind::SetWeight && step.weight == 100 && last)
            break; // Flagger's promotion
        if (step.kind == Kind::SetWeight && pauseAt(i + 1) && shape.plainPauses.empty()) {
            shape.weights.push_back(step.weight);
            shape.weightSeconds.push_back(*pauseAt(i + 1));
            ++i;
        } else if (step.kind == Kind::SetHeaderRoute && !step.match.empty() && !weighted && !shape.headerRoute
                   && pauseAt(i + 1)) {
            shape.headerRoute = &step;
            shape.headerSeconds = pauseAt(i + 1);
            ++i;
        } else if (step.kind == Kind::SetHeaderRoute && !step.match.empty() && weighted) {
            drop(i, "Flagger runs either A/B testing (a header route) or progressive weights, not both");
            if (pauseAt(i + 1)) {
                ++i;
                drop(i, "it belongs to the header-route stage");
            }
        } else if (step.kind == Kind::Pause && step.pauseSeconds && shape.weights.empty() && !shape.headerRoute) {
            shape.plainPauses.push_back(*step.pauseSeconds);
        } else if (step.kind == Kind::Pause && !step.pauseSeconds) {
            drop(i, "Flagger has no pause until promoted by hand (a confirm-promotion webhook does that)");
        } else {
            drop(i, "it does not fit Flagger's canary, A/B or Blue/Green phases");
        }
    }
    return shape;
}

YAML::Node metricNode(const char *name, const char *bound, double value, double interval)
{
    YAML::Node metric = map();
    metric["name"] = text(name);
    YAML::Node range = map();
    range[bound] = YamlWriter::numberNode(value);
    metric["thresholdRange"] = range;
    metric["interval"] = text(RolloutPlanWriter::durationText(interval));
    return metric;
}

} // namespace

std::string FlaggerCanaryExport::write(const RolloutPlan &plan, const RolloutExportTarget &target,
                                       std::vector<std::string> *notes)
{
    auto note = [&](const std::string &line) {
        if (notes)
            notes->push_back(line);
    };
    const Shape shape = shapeOf(plan, notes);
    const double window = plan.analysis ? plan.analysis->intervalSeconds : 60;

    YAML::Node root = map();
    root["apiVersion"] = text("flagger.app/v1beta1");
    root["kind"] = text("Canary");
    YAML::Node metadata = map();
    metadata["name"] = text(plan.name.empty() ? target.workload : plan.name);
    metadata["namespace"] = text(plan.ns);
    YAML::Node annotations = map();
    if (plan.onHttpRoute()) {
        annotations[RolloutAnnotations::kHttpRouteRef] = text(plan.httpRouteNs + '/' + plan.httpRouteName);
        if (plan.rule > 0)
            annotations[RolloutAnnotations::kRule] = text(std::to_string(plan.rule));
    } else {
        annotations[RolloutAnnotations::kVirtualService] = text(plan.virtualServiceNs + '/' + plan.virtualServiceName);
        annotations[RolloutAnnotations::kHttpRoute] = text(plan.http);
    }
    annotations[RolloutAnnotations::kStable] = text(plan.stable);
    annotations[RolloutAnnotations::kCanary] = text(plan.canary);
    if (plan.analysis && plan.analysis->minRequests > 0)
        annotations[RolloutAnnotations::kMinRequests] = text(std::to_string(plan.analysis->minRequests));
    metadata["annotations"] = annotations;
    root["metadata"] = metadata;

    YAML::Node spec = map();
    spec["provider"] = text(plan.onHttpRoute() ? "gatewayapi:v1" : "istio");
    YAML::Node targetRef = map();
    targetRef["apiVersion"] = text("apps/v1");
    targetRef["kind"] = text("Deployment");
    targetRef["name"] = text(target.workload);
    spec["targetRef"] = targetRef;
    YAML::Node service = map();
    service["name"] = text(target.service);
    if (target.port == 0)
        note("the route's Service port is unknown; spec.service.port written as 80");
    service["port"] = YamlWriter::integerNode(target.port ? target.port : 80);
    spec["service"] = service;

    YAML::Node analysis = map();
    double interval = window;
    if (!shape.weights.empty()) {
        interval = shape.weightSeconds.front();
        for (double seconds : shape.weightSeconds) {
            if (seconds != interval) {
                note("Flagger holds every weight for one interval; pauses of different lengths are written as "
                     + RolloutPlanWriter::durationText(interval));
                break;
            }
        }
        if (shape.mirrorSeconds && *shape.mirrorSeconds != interval)
            note("Flagger mirrors for one interval; the mirrored pause is written as "
                 + RolloutPlanWriter::durationText(interval));
    }
    analysis["interval"] = text(RolloutPlanWriter::durationText(interval));
    analysis["threshold"] = YamlWriter::integerNode(plan.analysis ? plan.analysis->failureLimit + 1 : 1);
    auto iterationsOf = [&](double seconds) {
        const double count = std::round(seconds / interval);
        if (std::fabs(count * interval - seconds) > 1e-6)
            note("a pause of " + RolloutPlanWriter::durationText(seconds) + " is not a whole number of "
                 + RolloutPlanWriter::durationText(interval) + " intervals; rounded");
        return int64_t(std::max(1.0, count));
    };
    if (!shape.weights.empty()) {
        YAML::Node weights(YAML::NodeType::Sequence);
        for (int weight : shape.weights)
            weights.push_back(YamlWriter::integerNode(weight));
        weights.SetStyle(YAML::EmitterStyle::Flow);
        analysis["stepWeights"] = weights;
        if (shape.headerRoute)
            note("the header route is left out: Flagger runs A/B testing or progressive weights, not both");
    } else if (shape.headerRoute) {
        double total = *shape.headerSeconds;
        for (double seconds : shape.plainPauses)
            total += seconds;
        analysis["iterations"] = YamlWriter::integerNode(iterationsOf(total));
        YAML::Node headers = map();
        for (const MatchCondition &condition : shape.headerRoute->match) {
            YAML::Node value = map();
            value[RolloutPlanWriter::matchKindName(condition.kind)] = text(condition.value);
            headers[condition.name] = value;
        }
        YAML::Node block = map();
        block["headers"] = headers;
        YAML::Node match(YAML::NodeType::Sequence);
        match.push_back(block);
        analysis["match"] = match;
    } else {
        double total = shape.mirrorSeconds.value_or(0);
        for (double seconds : shape.plainPauses)
            total += seconds;
        analysis["iterations"] = YamlWriter::integerNode(iterationsOf(total > 0 ? total : interval));
    }
    if (shape.mirrorPercent) {
        analysis["mirror"] = YAML::Node(true);
        analysis["mirrorWeight"] = YamlWriter::integerNode(int64_t(std::lround(*shape.mirrorPercent)));
    }
    if (plan.analysis) {
        YAML::Node metrics(YAML::NodeType::Sequence);
        if (plan.analysis->successRateMin)
            metrics.push_back(metricNode("request-success-rate", "min", *plan.analysis->successRateMin * 100, window));
        if (plan.analysis->latencyP99MaxMs)
            metrics.push_back(metricNode("request-duration", "max", *plan.analysis->latencyP99MaxMs, window));
        if (metrics.size() > 0)
            analysis["metrics"] = metrics;
    }
    spec["analysis"] = analysis;
    root["spec"] = spec;
    return YamlWriter::block(root, 0);
}

} // namespace meshlane
