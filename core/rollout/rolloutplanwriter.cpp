// SPDX-License-Identifier: MIT
#include "rollout/rolloutplanwriter.h"

#include "yaml/yamlwriter.h"

#include <charconv>
#include <cmath>

namespace meshlane {

namespace {

YAML::Node text(const std::string &value) { return YamlWriter::stringNode(value); }

YAML::Node analysisNode(const RolloutAnalysis &analysis)
{
    YAML::Node node(YAML::NodeType::Map);
    node["interval"] = text(RolloutPlanWriter::durationText(analysis.intervalSeconds));
    node["failureLimit"] = YamlWriter::integerNode(analysis.failureLimit);
    node["minRequests"] = YamlWriter::integerNode(analysis.minRequests);
    if (analysis.successRateMin) {
        YAML::Node rate(YAML::NodeType::Map);
        rate["min"] = YamlWriter::numberNode(*analysis.successRateMin);
        node["successRate"] = rate;
    }
    if (analysis.latencyP99MaxMs) {
        YAML::Node latency(YAML::NodeType::Map);
        latency["maxMs"] = YamlWriter::numberNode(*analysis.latencyP99MaxMs);
        node["latencyP99"] = latency;
    }
    return node;
}

YAML::Node stepNode(const RolloutStep &step)
{
    YAML::Node node(YAML::NodeType::Map);
    switch (step.kind) {
    case RolloutStep::Kind::SetWeight: node["setWeight"] = YamlWriter::integerNode(step.weight); break;
    case RolloutStep::Kind::Pause: {
        YAML::Node pause(YAML::NodeType::Map);
        if (step.pauseSeconds)
            pause["duration"] = text(RolloutPlanWriter::durationText(*step.pauseSeconds));
        node["pause"] = pause;
        break;
    }
    case RolloutStep::Kind::SetHeaderRoute: {
        YAML::Node route(YAML::NodeType::Map);
        route["name"] = text(step.headerRouteName);
        YAML::Node match(YAML::NodeType::Sequence);
        for (const MatchCondition &condition : step.match)
            match.push_back(RolloutPlanWriter::headerMatch(condition));
        route["match"] = match;
        node["setHeaderRoute"] = route;
        break;
    }
    case RolloutStep::Kind::SetMirror: {
        YAML::Node mirror(YAML::NodeType::Map);
        mirror["percent"] = YamlWriter::numberNode(step.mirrorPercent);
        node["setMirror"] = mirror;
        break;
    }
    }
    return node;
}

} // namespace

const char *RolloutPlanWriter::matchKindName(StringMatch::Kind kind)
{
    switch (kind) {
    case StringMatch::Kind::Prefix: return "prefix";
    case StringMatch::Kind::Regex: return "regex";
    default: return "exact";
    }
}

YAML::Node RolloutPlanWriter::headerMatch(const MatchCondition &condition)
{
    YAML::Node node(YAML::NodeType::Map);
    node["headerName"] = text(condition.name);
    YAML::Node value(YAML::NodeType::Map);
    value[matchKindName(condition.kind)] = text(condition.value);
    node["headerValue"] = value;
    return node;
}

std::string RolloutPlanWriter::durationText(double seconds)
{
    auto whole = [](double value) { return std::fabs(value - std::round(value)) < 1e-9 && value >= 1; };
    auto number = [](double value) {
        char buffer[64];
        // Fixed notation: "1e-05s" would not read back as a duration.
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
        return std::string(buffer, result.ptr);
    };
    if (whole(seconds / 3600))
        return number(std::round(seconds / 3600)) + "h";
    if (whole(seconds / 60))
        return number(std::round(seconds / 60)) + "m";
    return number(seconds) + "s";
}

std::string RolloutPlanWriter::write(const RolloutPlan &plan)
{
    YAML::Node root(YAML::NodeType::Map);
    root["apiVersion"] = text("meshlane.io/v1alpha1");
    root["kind"] = text("RolloutPlan");
    YAML::Node metadata(YAML::NodeType::Map);
    if (!plan.name.empty())
        metadata["name"] = text(plan.name);
    metadata["namespace"] = text(plan.ns);
    root["metadata"] = metadata;
    YAML::Node spec(YAML::NodeType::Map);
    YAML::Node route(YAML::NodeType::Map);
    if (plan.onHttpRoute()) {
        route["httpRoute"] = text(plan.httpRouteNs + '/' + plan.httpRouteName);
        route["rule"] = YamlWriter::integerNode(int64_t(plan.rule));
    } else {
        route["virtualService"] = text(plan.virtualServiceNs + '/' + plan.virtualServiceName);
        route["http"] = text(plan.http);
    }
    spec["route"] = route;
    spec["stable"] = text(plan.stable);
    spec["canary"] = text(plan.canary);
    YAML::Node steps(YAML::NodeType::Sequence);
    for (const RolloutStep &step : plan.steps)
        steps.push_back(stepNode(step));
    spec["steps"] = steps;
    if (plan.analysis)
        spec["analysis"] = analysisNode(*plan.analysis);
    root["spec"] = spec;
    return YamlWriter::block(root, 0);
}

} // namespace meshlane
