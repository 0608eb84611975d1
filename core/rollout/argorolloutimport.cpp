// SPDX-License-Identifier: MIT
#include "rollout/argorolloutimport.h"

#include "load/untrustedyaml.h"
#include "rollout/importreader.h"
#include "rollout/rolloutannotations.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace meshlane {

namespace {

const char *kNotModelled = "the plan does not model the workload (pods, scaling, metadata); ignored";

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

MatchCondition headerCondition(ImportReader match)
{
    MatchCondition condition;
    condition.field = MatchCondition::Field::Header;
    const std::optional<std::string> name = match.string("headerName");
    if (!name || name->empty())
        ImportReader::fail(match.node(), match.path("headerName") + " is required");
    condition.name = lower(*name);
    std::optional<ImportReader> value = match.map("headerValue");
    if (!value)
        ImportReader::fail(match.node(), match.path("headerValue") + " is required");
    int kinds = 0;
    for (const auto &[key, kind] :
         {std::pair{"exact", StringMatch::Kind::Exact}, std::pair{"prefix", StringMatch::Kind::Prefix},
          std::pair{"regex", StringMatch::Kind::Regex}}) {
        if (std::optional<std::string> text = value->string(key)) {
            condition.kind = kind;
            condition.value = *text;
            ++kinds;
        }
    }
    if (kinds != 1)
        ImportReader::fail(value->node(), value->path("") + " takes exactly one of exact, prefix, regex");
    value->listRest("not a header value match Argo defines; ignored");
    match.listRest("not part of a header route match; ignored");
    return condition;
}

// True for the match a whole-route mirror is written with: [{path: {prefix: /}}].
bool matchesEverything(const YAML::Node &match)
{
    if (!match.IsSequence() || match.size() != 1 || !match[0].IsMap() || match[0].size() != 1)
        return false;
    const YAML::Node path = match[0]["path"];
    return path && path.IsMap() && path.size() == 1 && path["prefix"] && path["prefix"].Scalar() == "/";
}

std::optional<RolloutStep> readStep(const YAML::Node &node, const std::string &where,
                                    std::vector<RolloutImport::Note> *notes)
{
    ImportReader reader(node, where, notes);
    if (node.size() != 1)
        ImportReader::fail(node, where + " must have exactly one step kind");
    RolloutStep step;
    step.line = ImportReader::line(node);
    if (reader.has("setWeight")) {
        step.kind = RolloutStep::Kind::SetWeight;
        const double weight = *reader.number("setWeight");
        if (weight < 0 || weight > 100 || weight != double(int(weight)))
            ImportReader::fail(node, where + ".setWeight must be a whole number from 0 to 100");
        step.weight = int(weight);
    } else if (reader.has("pause") || node["pause"]) {
        step.kind = RolloutStep::Kind::Pause;
        if (std::optional<ImportReader> pause = reader.map("pause")) {
            if (const YAML::Node duration = pause->take("duration"); duration && !duration.IsNull())
                step.pauseSeconds = ImportReader::duration(duration, pause->path("duration"));
            pause->listRest("not a pause field; ignored");
        }
    } else if (std::optional<ImportReader> route = reader.map("setHeaderRoute")) {
        step.kind = RolloutStep::Kind::SetHeaderRoute;
        const std::optional<std::string> name = route->string("name");
        if (!name || name->empty())
            ImportReader::fail(route->node(), route->path("name") + " is required");
        step.headerRouteName = *name;
        const YAML::Node match = route->take("match");
        if (match && !match.IsNull()) {
            if (!match.IsSequence())
                ImportReader::fail(match, route->path("match") + " must be a list");
            for (size_t i = 0; i < match.size(); ++i)
                step.match.push_back(
                    headerCondition(ImportReader(match[i], route->path("match[" + std::to_string(i) + "]"), notes)));
            if (match.size() > 1)
                route->note(match, route->path("match"),
                            "Argo sends a request that matches ANY entry to the canary; the plan's header route needs "
                            "ALL of them to match");
        }
        route->listRest("not a setHeaderRoute field; ignored");
    } else if (std::optional<ImportReader> mirror = reader.map("setMirrorRoute")) {
        step.kind = RolloutStep::Kind::SetMirror;
        mirror->take("name"); // the plan has one mirror per route, so it needs no name
        const YAML::Node match = mirror->take("match");
        if (match && !match.IsNull() && match.size() > 0) {
            step.mirrorPercent = mirror->number("percentage").value_or(100);
            if (step.mirrorPercent < 0 || step.mirrorPercent > 100)
                ImportReader::fail(node, mirror->path("percentage") + " must be from 0 to 100");
            if (!matchesEverything(match))
                mirror->note(match, mirror->path("match"),
                             "the plan mirrors the whole route; only mirroring the requests this match selects is "
                             "not supported, so every request of the route is mirrored");
        } else {
            mirror->take("percentage"); // no match removes the mirror route (Argo's rule)
            step.mirrorPercent = 0;
        }
        mirror->listRest("not a setMirrorRoute field; ignored");
    } else {
        const std::string kind = node.begin()->first.Scalar();
        reader.listRest("step kind '" + kind
                        + "' is not supported by plans (they know setWeight, pause, "
                          "setHeaderRoute, setMirrorRoute); the step is dropped");
        return std::nullopt;
    }
    return step;
}

struct MetricThreshold
{
    std::string op;
    double value = 0;
};

std::optional<MetricThreshold> plainThreshold(const std::string &condition)
{
    static const std::regex pattern(R"(^\s*result(\[0\])?\s*(>=|>|<=|<)\s*([0-9]+(\.[0-9]+)?)\s*$)");
    std::smatch match;
    if (!std::regex_match(condition, match, pattern))
        return std::nullopt;
    return MetricThreshold{match[2].str(), std::stod(match[3].str())};
}

// The metrics of one AnalysisTemplate that are plain thresholds, into `analysis`.
void readTemplate(const YAML::Node &document, const std::string &name, RolloutAnalysis *analysis,
                  std::optional<int> *failureLimit, std::vector<RolloutImport::Note> *notes)
{
    ImportReader root(document, "AnalysisTemplate " + name, notes);
    root.take("apiVersion");
    root.take("kind");
    root.take("metadata"); // only its name is used
    std::optional<ImportReader> spec = root.map("spec");
    root.listRest("not part of an AnalysisTemplate; ignored");
    if (!spec)
        return;
    spec->ignore("args", "template arguments are not evaluated: the rehearsal measures the canary directly");
    spec->ignore("dryRun", "dry-run metrics are not modelled");
    spec->ignore("measurementRetention", "measurement retention is not modelled");
    const YAML::Node metrics = spec->take("metrics");
    spec->listRest("not an AnalysisTemplate spec field; ignored");
    if (!metrics || !metrics.IsSequence())
        return;
    for (size_t i = 0; i < metrics.size(); ++i) {
        ImportReader metric(metrics[i], spec->path("metrics[" + std::to_string(i) + "]"), notes);
        const std::string metricName = lower(metric.string("name").value_or(""));
        const YAML::Node condition = metric.take("successCondition");
        const std::optional<MetricThreshold> threshold =
            condition && condition.IsScalar() ? plainThreshold(condition.Scalar()) : std::nullopt;
        const bool success = metricName.find("success") != std::string::npos;
        const bool latency =
            metricName.find("latency") != std::string::npos || metricName.find("duration") != std::string::npos;
        const bool atLeast = threshold && threshold->op[0] == '>';
        if (!threshold || (success && !atLeast) || (latency && atLeast) || (!success && !latency)) {
            metric.note(metrics[i], spec->path("metrics[" + std::to_string(i) + "]"),
                        "not a plain threshold on the canary's success rate (a metric named *success* with "
                        "successCondition result[0] >= X) or latency (named *latency*/*duration*, result[0] <= "
                        "X ms); the metric is not a gate of the plan");
            continue;
        }
        if (threshold->op.size() == 1)
            metric.note(condition, metric.path("successCondition"),
                        "a strict comparison is read as " + threshold->op + "=");
        if (success) {
            double rate = threshold->value;
            if (rate > 1) {
                rate /= 100;
                metric.note(condition, metric.path("successCondition"), "a threshold above 1 is read as a percentage");
            }
            analysis->successRateMin = std::min(rate, 1.0);
        } else {
            analysis->latencyP99MaxMs = threshold->value;
            if (metricName.find("99") == std::string::npos)
                metric.note(metrics[i], metric.path("name"),
                            "read as the canary's p99 latency in milliseconds (the query is not evaluated)");
        }
        if (const YAML::Node interval = metric.take("interval"); interval && !interval.IsNull())
            analysis->intervalSeconds = ImportReader::duration(interval, metric.path("interval"));
        const int limit = int(metric.number("failureLimit").value_or(0));
        if (*failureLimit && **failureLimit != limit)
            metric.note(metrics[i], metric.path("failureLimit"),
                        "Argo counts failures per metric, the plan per interval: the smaller limit is used");
        *failureLimit = std::min(limit, failureLimit->value_or(limit));
        metric.ignore("provider",
                      "the query is not evaluated: the rehearsal measures the canary from simulated "
                      "traffic and behaviour profiles");
        metric.listRest("not modelled by the plan's gates; ignored");
    }
}

// The Gateway API plugin (argoproj-labs/gatewayAPI): the HTTPRoute's backend
// Services canaryService and stableService are the plan's canary and stable.
void readGatewayApiPlugin(ImportReader &canary, ImportReader &plugin, RolloutPlan &plan, size_t rule)
{
    std::optional<std::string> name = plugin.string("httpRoute");
    if (!name) {
        const YAML::Node list = plugin.take("httpRoutes");
        if (list && list.IsSequence() && list.size() > 0 && list[0].IsMap() && list[0]["name"])
            name = list[0]["name"].Scalar();
        if (list && list.IsSequence() && list.size() > 1)
            plugin.note(list[1], plugin.path("httpRoutes[1..]"), "a plan drives one route; only the first is used");
    }
    if (!name || name->empty())
        ImportReader::fail(plugin.node(), plugin.path("httpRoute") + " is required");
    plan.httpRouteNs = plugin.string("namespace").value_or(plan.ns);
    plan.httpRouteName = *name;
    plan.rule = rule;
    plugin.listRest("not a Gateway API plugin field the plan uses; ignored");
    const std::optional<std::string> stable = canary.string("stableService");
    const std::optional<std::string> canaryService = canary.string("canaryService");
    if (!stable || !canaryService || stable->empty() || canaryService->empty())
        ImportReader::fail(canary.node(),
                           canary.path("")
                               + " needs canaryService and stableService with the Gateway "
                                 "API plugin");
    plan.stable = *stable;
    plan.canary = *canaryService;
}

// True when the plan drives a Gateway API HTTPRoute (through the Argo plugin).
bool readTrafficRouting(ImportReader &canary, RolloutPlan &plan, size_t ruleIndex,
                        std::vector<RolloutImport::Note> *notes)
{
    std::optional<ImportReader> routing = canary.map("trafficRouting");
    if (!routing)
        ImportReader::fail(canary.node(),
                           canary.path("trafficRouting")
                               + ".istio is required: a plan drives an "
                                 "Istio VirtualService route");
    routing->take("managedRoutes"); // the names of the header and mirror routes the steps add
    if (!routing->has("istio") && routing->has("plugins")) {
        std::optional<ImportReader> plugins = routing->map("plugins");
        if (std::optional<ImportReader> gateway = plugins->map("argoproj-labs/gatewayAPI")) {
            readGatewayApiPlugin(canary, *gateway, plan, ruleIndex);
            plugins->listRest("only the Gateway API plugin becomes a plan; ignored");
            routing->listRest("only one traffic router drives a plan; ignored");
            return true;
        }
    }
    std::optional<ImportReader> istio = routing->map("istio");
    routing->listRest("only Istio traffic routing becomes a plan; ignored");
    if (!istio)
        ImportReader::fail(routing->node(),
                           routing->path("istio")
                               + " is required: other traffic routers are "
                                 "not supported");
    std::optional<ImportReader> vs = istio->map("virtualService");
    if (!vs) {
        const YAML::Node list = istio->take("virtualServices");
        if (!list || !list.IsSequence() || list.size() == 0)
            ImportReader::fail(istio->node(), istio->path("virtualService") + " is required");
        vs.emplace(list[0], istio->path("virtualServices[0]"), notes);
        if (list.size() > 1)
            istio->note(list[1], istio->path("virtualServices[1..]"),
                        "a plan drives one route; only the first VirtualService is used");
    }
    const std::optional<std::string> vsName = vs->string("name");
    if (!vsName || vsName->empty())
        ImportReader::fail(vs->node(), vs->path("name") + " is required");
    plan.virtualServiceNs = plan.ns;
    plan.virtualServiceName = *vsName;
    const YAML::Node routes = vs->take("routes");
    if (routes && routes.IsSequence() && routes.size() > 0) {
        if (!routes[0].IsScalar() || routes[0].Scalar().empty()) // found by fuzz_rolloutplan: it became ""
            ImportReader::fail(routes[0], vs->path("routes[0]") + " must name an http route of the VirtualService");
        plan.http = routes[0].Scalar();
        if (routes.size() > 1)
            vs->note(routes[1], vs->path("routes[1..]"), "a plan drives one http route; only the first is used");
    } else {
        plan.http = "0"; // Argo's rule: without routes the VirtualService has a single http route
    }
    vs->ignore("tlsRoutes", "a plan drives an http route; TLS routes are not rehearsed");
    vs->ignore("tcpRoutes", "a plan drives an http route; TCP routes are not rehearsed");
    vs->listRest("not a virtualService field; ignored");
    std::optional<ImportReader> rule = istio->map("destinationRule");
    if (!rule)
        ImportReader::fail(istio->node(),
                           istio->path("destinationRule")
                               + " is required: a plan splits by subset "
                                 "(host-level splitting through "
                                 "canaryService/stableService is not "
                                 "supported)");
    rule->take("name");
    const std::optional<std::string> canarySubset = rule->string("canarySubsetName");
    const std::optional<std::string> stableSubset = rule->string("stableSubsetName");
    if (!canarySubset || !stableSubset || canarySubset->empty() || stableSubset->empty())
        ImportReader::fail(rule->node(), rule->path("") + " needs canarySubsetName and stableSubsetName");
    if (*canarySubset == *stableSubset) // one subset cannot be both sides of a split
        ImportReader::fail(rule->node(), rule->path("") + " canarySubsetName must differ from stableSubsetName");
    plan.canary = *canarySubset;
    plan.stable = *stableSubset;
    rule->listRest("not a destinationRule field; ignored");
    istio->listRest("not an Istio traffic routing field; ignored");
    return false;
}

RolloutPlan readRollout(const YAML::Node &document, const std::map<std::string, YAML::Node> &templates,
                        std::vector<RolloutImport::Note> *notes)
{
    ImportReader root(document, "", notes);
    root.take("apiVersion");
    root.take("kind");
    RolloutPlan plan;
    std::optional<int64_t> minRequests;
    size_t rule = 0;
    if (std::optional<ImportReader> metadata = root.map("metadata")) {
        plan.name = metadata->string("name").value_or("");
        plan.ns = metadata->string("namespace").value_or("");
        const std::map<std::string, std::string> annotations = RolloutAnnotations::read(*metadata);
        minRequests = RolloutAnnotations::minRequests(annotations);
        rule = RolloutAnnotations::rule(annotations);
        metadata->listRest("metadata other than name and namespace does not change the plan; ignored");
    }
    if (plan.ns.empty())
        plan.ns = "default";
    std::optional<ImportReader> spec = root.map("spec");
    root.listRest("not part of a Rollout's desired state; ignored");
    if (!spec)
        ImportReader::fail(document, "a Rollout needs spec.strategy.canary");
    std::optional<ImportReader> strategy = spec->map("strategy");
    spec->listRest(kNotModelled);
    if (!strategy)
        ImportReader::fail(spec->node(), "spec.strategy.canary is required");
    if (strategy->has("blueGreen"))
        ImportReader::fail(strategy->node(),
                           "spec.strategy.blueGreen cannot be a plan: only the canary strategy "
                           "shifts traffic in steps");
    std::optional<ImportReader> canary = strategy->map("canary");
    strategy->listRest("not a strategy Argo defines; ignored");
    if (!canary)
        ImportReader::fail(strategy->node(), "spec.strategy.canary is required");
    const bool gatewayApi = readTrafficRouting(*canary, plan, rule, notes);
    if (!gatewayApi) {
        canary->ignore("canaryService", "not needed with subset-level splitting (destinationRule); ignored");
        canary->ignore("stableService", "not needed with subset-level splitting (destinationRule); ignored");
    }
    const YAML::Node steps = canary->take("steps");
    if (!steps || !steps.IsSequence() || steps.size() == 0)
        ImportReader::fail(canary->node(), canary->path("steps") + " must be a non-empty list");
    for (size_t i = 0; i < steps.size(); ++i) {
        if (std::optional<RolloutStep> step =
                readStep(steps[i], canary->path("steps[" + std::to_string(i) + "]"), notes))
            plan.steps.push_back(std::move(*step));
    }
    if (plan.steps.empty())
        ImportReader::fail(steps, "none of the Rollout's steps can be rehearsed");
    for (size_t i = 0; gatewayApi && notes && i < plan.steps.size(); ++i) {
        // rollouts-plugin-trafficrouter-gatewayapi implements SetMirrorRoute as a no-op.
        if (plan.steps[i].kind == RolloutStep::Kind::SetMirror && plan.steps[i].mirrorPercent > 0)
            notes->push_back({plan.steps[i].line, canary->path("steps"),
                              plan.steps[i].describe()
                                  + ": Argo's Gateway API plugin ignores setMirrorRoute (the cluster mirrors "
                                    "nothing); the rehearsal mirrors with a RequestMirror filter on the rule"});
    }
    if (std::optional<ImportReader> analysis = canary->map("analysis")) {
        RolloutAnalysis gates;
        std::optional<int> failureLimit;
        bool any = false;
        const YAML::Node list = analysis->take("templates");
        for (size_t i = 0; list && list.IsSequence() && i < list.size(); ++i) {
            ImportReader ref(list[i], analysis->path("templates[" + std::to_string(i) + "]"), notes);
            const std::string name = ref.string("templateName").value_or("");
            if (ref.has("clusterScope"))
                ref.take("clusterScope");
            ref.listRest("not a template reference field; ignored");
            const auto found = templates.find(name);
            if (found == templates.end()) {
                ref.note(list[i], ref.path("templateName"),
                         "template '" + name + "' is not in this file: its metrics are not imported");
                continue;
            }
            readTemplate(found->second, name, &gates, &failureLimit, notes);
            any = true;
        }
        analysis->ignore("args", "template arguments are not evaluated");
        analysis->ignore("startingStep", "the plan judges every pause from the first step");
        analysis->listRest("not modelled by the plan's gates; ignored");
        if (any && (gates.successRateMin || gates.latencyP99MaxMs)) {
            gates.failureLimit = failureLimit.value_or(0);
            gates.minRequests = minRequests.value_or(0);
            plan.analysis = gates;
        }
    }
    canary->listRest(kNotModelled);
    return plan;
}

} // namespace

Result<RolloutImport> ArgoRolloutImport::read(const std::string &text, const std::string &fileName)
{
    RolloutImport result;
    result.fileName = fileName;
    result.format = "Argo Rollout";
    try {
        const std::vector<YAML::Node> documents = UntrustedYaml::loadAll(text);
        std::map<std::string, YAML::Node> templates;
        std::optional<YAML::Node> rollout;
        for (size_t i = 0; i < documents.size(); ++i) {
            const YAML::Node &document = documents[i];
            if (!document.IsMap())
                continue;
            const std::string kind = document["kind"] ? document["kind"].Scalar() : std::string();
            const std::string api = document["apiVersion"] ? document["apiVersion"].Scalar() : std::string();
            const bool argo = api.rfind("argoproj.io/", 0) == 0;
            if (argo && kind == "Rollout" && !rollout) {
                rollout = document;
            } else if (argo && kind == "AnalysisTemplate" && document["metadata"] && document["metadata"]["name"]) {
                templates[document["metadata"]["name"].Scalar()] = document;
            } else {
                result.notes.push_back({ImportReader::line(document), "document " + std::to_string(i + 1),
                                        (kind.empty() ? std::string("a document") : kind)
                                            + " is not a Rollout or one of its AnalysisTemplates; ignored"});
            }
        }
        if (!rollout)
            throw ImportError{0, "no argoproj.io Rollout in the file"};
        result.plan = readRollout(*rollout, templates, &result.notes);
        return result;
    } catch (const ImportError &problem) {
        return Result<RolloutImport>::failure(
            fileName + (problem.line > 0 ? ":" + std::to_string(problem.line) : std::string()) + ": "
            + problem.message);
    } catch (const YAML::Exception &problem) {
        return Result<RolloutImport>::failure(fileName + ":" + std::to_string(problem.mark.line + 1) + ": "
                                              + problem.msg);
    }
}

} // namespace meshlane
