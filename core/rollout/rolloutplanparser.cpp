// SPDX-License-Identifier: MIT
#include "rollout/rolloutplanparser.h"

#include "load/untrustedyaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace meshlane {

namespace {

struct ParseError
{
    int line = 0;
    std::string message;
};

[[noreturn]] void fail(const YAML::Node &node, const std::string &message)
{
    throw ParseError{node.Mark().line >= 0 ? node.Mark().line + 1 : 0, message};
}

void checkKeys(const YAML::Node &node, const char *where, const std::set<std::string> &known)
{
    if (!node.IsMap())
        fail(node, std::string(where) + " must be a map");
    for (const auto &entry : node) {
        const std::string key = entry.first.Scalar();
        if (!known.count(key)) {
            std::string list;
            for (const std::string &name : known)
                list += (list.empty() ? "" : ", ") + name;
            fail(entry.first, "unknown key '" + key + "' in " + where + " (expected " + list + ")");
        }
    }
}

YAML::Node required(const YAML::Node &node, const char *key, const char *where)
{
    const YAML::Node value = node[key];
    if (!value || value.IsNull())
        fail(node, std::string(where) + " needs `" + key + "`");
    return value;
}

std::string text(const YAML::Node &node, const char *key)
{
    if (!node.IsScalar() || node.Scalar().empty())
        fail(node, std::string(key) + " must be a non-empty string");
    return node.Scalar();
}

double number(const YAML::Node &node, const char *key, double minimum, double maximum)
{
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value) || value < minimum
        || value > maximum) {
        auto shown = [](double v) {
            std::string s = std::to_string(v);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.')
                s.pop_back();
            return s;
        };
        fail(node, std::string(key) + " must be a number from " + shown(minimum) + " to " + shown(maximum));
    }
    return value;
}

int64_t wholeNumber(const YAML::Node &node, const char *key, double minimum, double maximum)
{
    const double value = number(node, key, minimum, maximum);
    if (value != std::floor(value))
        fail(node, std::string(key) + " must be a whole number");
    return int64_t(value);
}

double duration(const YAML::Node &node, const char *key)
{
    const std::optional<double> seconds =
        node.IsScalar() ? RolloutPlanParser::parseDuration(node.Scalar()) : std::nullopt;
    if (!seconds || !(*seconds > 0))
        fail(node, std::string(key) + " must be a duration above 0 such as 30s, 5m or 1h");
    return *seconds;
}

MatchCondition headerCondition(const YAML::Node &node)
{
    checkKeys(node, "a setHeaderRoute match", {"headerName", "headerValue"});
    MatchCondition condition;
    condition.field = MatchCondition::Field::Header;
    condition.name = text(required(node, "headerName", "a setHeaderRoute match"), "headerName");
    std::transform(condition.name.begin(), condition.name.end(), condition.name.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    const YAML::Node value = required(node, "headerValue", "a setHeaderRoute match");
    checkKeys(value, "headerValue", {"exact", "prefix", "regex"});
    if (value.size() != 1)
        fail(value, "headerValue takes exactly one of exact, prefix, regex");
    const auto entry = *value.begin();
    const std::string kind = entry.first.Scalar();
    condition.kind = kind == "exact" ? StringMatch::Kind::Exact
        : kind == "prefix"           ? StringMatch::Kind::Prefix
                                     : StringMatch::Kind::Regex;
    if (!entry.second.IsScalar())
        fail(entry.second, "headerValue." + kind + " must be a string");
    condition.value = entry.second.Scalar();
    return condition;
}

RolloutStep parseStep(const YAML::Node &node)
{
    if (!node.IsMap() || node.size() != 1)
        fail(node, "each step is a map with one of setWeight, pause, setHeaderRoute, setMirror");
    const auto entry = *node.begin();
    const std::string kind = entry.first.Scalar();
    const YAML::Node value = entry.second;
    RolloutStep step;
    step.line = node.Mark().line + 1;
    if (kind == "setWeight") {
        step.kind = RolloutStep::Kind::SetWeight;
        step.weight = int(wholeNumber(value, "setWeight", 0, 100));
    } else if (kind == "pause") {
        step.kind = RolloutStep::Kind::Pause;
        if (value && !value.IsNull()) {
            checkKeys(value, "pause", {"duration"});
            if (value["duration"])
                step.pauseSeconds = duration(value["duration"], "pause.duration");
        }
    } else if (kind == "setHeaderRoute") {
        step.kind = RolloutStep::Kind::SetHeaderRoute;
        checkKeys(value, "setHeaderRoute", {"name", "match"});
        step.headerRouteName = text(required(value, "name", "setHeaderRoute"), "setHeaderRoute.name");
        if (const YAML::Node match = value["match"]; match && !match.IsNull()) {
            if (!match.IsSequence())
                fail(match, "setHeaderRoute.match must be a list");
            for (const YAML::Node &condition : match)
                step.match.push_back(headerCondition(condition));
        }
    } else if (kind == "setMirror") {
        step.kind = RolloutStep::Kind::SetMirror;
        checkKeys(value, "setMirror", {"percent"});
        step.mirrorPercent = number(required(value, "percent", "setMirror"), "setMirror.percent", 0, 100);
    } else {
        fail(entry.first, "unknown step '" + kind + "' (expected setWeight, pause, setHeaderRoute, setMirror)");
    }
    return step;
}

RolloutAnalysis parseAnalysis(const YAML::Node &node)
{
    checkKeys(node, "analysis", {"interval", "failureLimit", "minRequests", "successRate", "latencyP99"});
    RolloutAnalysis analysis;
    if (node["interval"])
        analysis.intervalSeconds = duration(node["interval"], "analysis.interval");
    if (node["failureLimit"])
        analysis.failureLimit = int(wholeNumber(node["failureLimit"], "analysis.failureLimit", 0, 1000));
    if (node["minRequests"])
        analysis.minRequests = wholeNumber(node["minRequests"], "analysis.minRequests", 0, 1e12);
    if (const YAML::Node rate = node["successRate"]) {
        checkKeys(rate, "successRate", {"min"});
        analysis.successRateMin = number(required(rate, "min", "successRate"), "successRate.min", 0, 1);
    }
    if (const YAML::Node latency = node["latencyP99"]) {
        checkKeys(latency, "latencyP99", {"maxMs"});
        analysis.latencyP99MaxMs = number(required(latency, "maxMs", "latencyP99"), "latencyP99.maxMs", 0, 1e9);
    }
    return analysis;
}

RolloutPlan parsePlan(const YAML::Node &root)
{
    checkKeys(root, "a RolloutPlan", {"apiVersion", "kind", "metadata", "spec"});
    if (text(required(root, "apiVersion", "a RolloutPlan"), "apiVersion") != "meshlane.io/v1alpha1")
        fail(root["apiVersion"], "apiVersion must be meshlane.io/v1alpha1");
    if (text(required(root, "kind", "a RolloutPlan"), "kind") != "RolloutPlan")
        fail(root["kind"], "kind must be RolloutPlan");
    RolloutPlan plan;
    if (const YAML::Node metadata = root["metadata"]) {
        checkKeys(metadata, "metadata", {"name", "namespace"});
        if (metadata["name"])
            plan.name = text(metadata["name"], "metadata.name");
        if (metadata["namespace"])
            plan.ns = text(metadata["namespace"], "metadata.namespace");
    }
    if (plan.ns.empty())
        plan.ns = "default";
    const YAML::Node spec = required(root, "spec", "a RolloutPlan");
    checkKeys(spec, "spec", {"route", "stable", "canary", "steps", "analysis"});
    const YAML::Node route = required(spec, "route", "spec");
    checkKeys(route, "spec.route", {"virtualService", "http", "httpRoute", "rule"});
    auto qualified = [&](const YAML::Node &node, const char *key, std::string *ns, std::string *name) {
        const std::string written = text(node, key);
        const size_t slash = written.find('/');
        *ns = slash == std::string::npos ? plan.ns : written.substr(0, slash);
        *name = slash == std::string::npos ? written : written.substr(slash + 1);
        if (ns->empty() || name->empty())
            fail(node, std::string(key) + " must be written namespace/name");
    };
    if (route["httpRoute"]) {
        // Gateway API: a rule of an HTTPRoute; stable and canary are backend Services.
        if (route["virtualService"] || route["http"])
            fail(route, "spec.route takes either virtualService (and http) or httpRoute (and rule)");
        qualified(route["httpRoute"], "spec.route.httpRoute", &plan.httpRouteNs, &plan.httpRouteName);
        if (route["rule"])
            plan.rule = size_t(wholeNumber(route["rule"], "spec.route.rule", 0, 1e6));
    } else {
        if (route["rule"])
            fail(route["rule"], "spec.route.rule goes with httpRoute; a VirtualService route is chosen by http");
        qualified(required(route, "virtualService", "spec.route"), "spec.route.virtualService", &plan.virtualServiceNs,
                  &plan.virtualServiceName);
        if (route["http"])
            plan.http = text(route["http"], "spec.route.http");
    }
    plan.stable = text(required(spec, "stable", "spec"), "spec.stable");
    plan.canary = text(required(spec, "canary", "spec"), "spec.canary");
    if (plan.stable == plan.canary)
        fail(spec["canary"], "spec.canary must differ from spec.stable");
    const YAML::Node steps = required(spec, "steps", "spec");
    if (!steps.IsSequence() || steps.size() == 0)
        fail(steps, "spec.steps must be a non-empty list");
    for (const YAML::Node &step : steps)
        plan.steps.push_back(parseStep(step));
    if (const YAML::Node analysis = spec["analysis"]; analysis && !analysis.IsNull())
        plan.analysis = parseAnalysis(analysis);
    return plan;
}

std::string trimmedNumber(double value)
{
    std::string s = std::to_string(value);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

std::string RolloutStep::describe() const
{
    switch (kind) {
    case Kind::SetWeight: return "setWeight " + std::to_string(weight);
    case Kind::Pause:
        return pauseSeconds ? "pause " + trimmedNumber(*pauseSeconds) + "s" : std::string("pause until promoted");
    case Kind::SetHeaderRoute: return "setHeaderRoute " + headerRouteName + (match.empty() ? " (remove)" : "");
    case Kind::SetMirror: return "setMirror " + trimmedNumber(mirrorPercent) + "%";
    }
    return {};
}

std::optional<double> RolloutPlanParser::parseDuration(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    double total = 0;
    size_t pos = 0;
    bool any = false;
    while (pos < text.size()) {
        size_t end = pos;
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
            ++end;
        if (end == pos)
            return std::nullopt;
        double value = 0;
        try {
            value = std::stod(text.substr(pos, end - pos));
        } catch (...) {
            return std::nullopt;
        }
        double unit = 1;
        if (end < text.size()) {
            const char suffix = text[end];
            if (suffix == 's')
                unit = 1;
            else if (suffix == 'm' && end + 1 < text.size() && text[end + 1] == 's')
                unit = 0.001, ++end;
            else if (suffix == 'm')
                unit = 60;
            else if (suffix == 'h')
                unit = 3600;
            else
                return std::nullopt;
            ++end;
        } else if (any) {
            return std::nullopt; // "1m30" is ambiguous
        }
        total += value * unit;
        any = true;
        pos = end;
    }
    // Go's time.ParseDuration (Argo, Flagger, Kubernetes) stops at 2^63 ns, some 292 years.
    constexpr double kMaxSeconds = 9223372036.854775807;
    if (!(total <= kMaxSeconds))
        return std::nullopt;
    return total;
}

Result<RolloutPlan> RolloutPlanParser::parse(const std::string &text, const std::string &fileName)
{
    const auto failure = [&](int line, const std::string &message) {
        return Result<RolloutPlan>::failure(fileName + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": "
                                            + message);
    };
    YAML::Node root;
    try {
        root = UntrustedYaml::load(text);
    } catch (const YAML::Exception &problem) {
        return failure(problem.mark.line >= 0 ? problem.mark.line + 1 : 0, problem.msg);
    }
    std::string message;
    int line = 0;
    std::optional<RolloutPlan> plan = parseDocument(root, &message, &line);
    if (!plan)
        return failure(line, message);
    return std::move(*plan);
}

std::optional<RolloutPlan> RolloutPlanParser::parseDocument(const YAML::Node &document, std::string *message, int *line)
{
    try {
        if (!document.IsMap())
            throw ParseError{1, "a RolloutPlan is a map with apiVersion, kind, metadata and spec"};
        return parsePlan(document);
    } catch (const ParseError &problem) {
        *line = problem.line;
        *message = problem.message;
    } catch (const YAML::Exception &problem) {
        *line = problem.mark.line >= 0 ? problem.mark.line + 1 : 0;
        *message = problem.msg;
    }
    return std::nullopt;
}

} // namespace meshlane
