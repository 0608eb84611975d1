// SPDX-License-Identifier: MIT
#include "rollout/flaggercanaryimport.h"

#include "load/untrustedyaml.h"
#include "rollout/importreader.h"
#include "rollout/rolloutannotations.h"

#include <algorithm>
#include <cctype>

namespace meshlane {

namespace {

using Notes = std::vector<RolloutImport::Note>;

RolloutStep weightStep(int weight, int line)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.weight = weight;
    step.line = line;
    return step;
}

RolloutStep pauseStep(double seconds, int line)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::Pause;
    step.pauseSeconds = seconds;
    step.line = line;
    return step;
}

RolloutStep mirrorStep(double percent, int line)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetMirror;
    step.mirrorPercent = percent;
    step.line = line;
    return step;
}

int wholeWeight(ImportReader &reader, const YAML::Node &node, const std::string &field)
{
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || value < 0 || value > 100
        || value != double(int(value)))
        ImportReader::fail(node, field + " must be a whole number from 0 to 100");
    (void)reader;
    return int(value);
}

// Flagger's analysis.match: Istio HTTPMatchRequests (ORed); the plan's header
// route takes the headers of the first one (ANDed, as Istio does inside one).
std::vector<MatchCondition> headerMatch(ImportReader &analysis, const YAML::Node &match, Notes *notes)
{
    std::vector<MatchCondition> conditions;
    if (!match.IsSequence() || match.size() == 0)
        ImportReader::fail(match, analysis.path("match") + " must be a non-empty list");
    if (match.size() > 1)
        analysis.note(match[1], analysis.path("match[1..]"),
                      "the plan's header route has one match block; only the first is used");
    ImportReader block(match[0], analysis.path("match[0]"), notes);
    std::optional<ImportReader> headers = block.map("headers");
    block.listRest("the plan's header route matches headers only; ignored");
    if (!headers)
        ImportReader::fail(match[0], block.path("headers") + " is required for a header route");
    for (const auto &entry : headers->node()) {
        const std::string name = entry.first.Scalar();
        std::optional<ImportReader> value = headers->map(name.c_str());
        MatchCondition condition;
        condition.field = MatchCondition::Field::Header;
        condition.name = name;
        std::transform(condition.name.begin(), condition.name.end(), condition.name.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        int kinds = 0;
        for (const auto &[key, kind] :
             {std::pair{"exact", StringMatch::Kind::Exact}, std::pair{"prefix", StringMatch::Kind::Prefix},
              std::pair{"regex", StringMatch::Kind::Regex}}) {
            if (std::optional<std::string> text = value ? value->string(key) : std::nullopt) {
                condition.kind = kind;
                condition.value = *text;
                ++kinds;
            }
        }
        if (kinds != 1)
            ImportReader::fail(entry.second, headers->path(name) + " takes exactly one of exact, prefix, regex");
        value->listRest("not a string match the plan knows; ignored");
        conditions.push_back(condition);
    }
    if (conditions.empty())
        ImportReader::fail(match[0], block.path("headers") + " must name at least one header");
    return conditions;
}

void readMetrics(ImportReader &analysis, RolloutAnalysis &gates, Notes *notes)
{
    const YAML::Node metrics = analysis.take("metrics");
    if (!metrics || metrics.IsNull())
        return;
    if (!metrics.IsSequence())
        ImportReader::fail(metrics, analysis.path("metrics") + " must be a list");
    std::optional<double> window;
    for (size_t i = 0; i < metrics.size(); ++i) {
        ImportReader metric(metrics[i], analysis.path("metrics[" + std::to_string(i) + "]"), notes);
        const std::string name = metric.string("name").value_or("");
        const bool success = name == "request-success-rate";
        const bool duration = name == "request-duration";
        if (!success && !duration) {
            metric.listRest("only Flagger's built-in request-success-rate and request-duration are gates of "
                            "the plan; metric '"
                            + name + "' is not imported");
            continue;
        }
        std::optional<ImportReader> range = metric.map("thresholdRange");
        std::optional<double> bound;
        if (range) {
            bound = range->number(success ? "min" : "max");
            range->listRest(success ? "the plan's success-rate gate is a minimum; ignored"
                                    : "the plan's latency gate is a maximum; ignored");
        } else if (const std::optional<double> legacy = metric.number("threshold")) {
            bound = legacy; // the deprecated single threshold: min for success rate, max for duration
        }
        if (!bound) {
            metric.listRest("no threshold: not a gate");
            continue;
        }
        if (success)
            gates.successRateMin = std::clamp(*bound / 100, 0.0, 1.0);
        else
            gates.latencyP99MaxMs = *bound;
        double seconds = 60; // Flagger's default metric interval, 1m
        if (const YAML::Node interval = metric.take("interval"); interval && !interval.IsNull())
            seconds = ImportReader::duration(interval, metric.path("interval"));
        if (window && *window != seconds)
            metric.note(metrics[i], metric.path("interval"),
                        "the plan judges every gate over one window; the first metric's interval is used");
        if (!window)
            window = seconds;
        metric.listRest("not part of a built-in metric check; ignored");
    }
    if (window)
        gates.intervalSeconds = *window;
}

RolloutPlan readCanary(const YAML::Node &document, Notes *notes)
{
    ImportReader root(document, "", notes);
    root.take("apiVersion");
    root.take("kind");
    RolloutPlan plan;
    std::map<std::string, std::string> annotations;
    if (std::optional<ImportReader> metadata = root.map("metadata")) {
        plan.name = metadata->string("name").value_or("");
        plan.ns = metadata->string("namespace").value_or("");
        annotations = RolloutAnnotations::read(*metadata);
        metadata->listRest("metadata other than name and namespace does not change the plan; ignored");
    }
    if (plan.ns.empty())
        plan.ns = "default";
    std::optional<ImportReader> spec = root.map("spec");
    root.listRest("not part of a Canary's desired state; ignored");
    if (!spec)
        ImportReader::fail(document, "a Canary needs spec.analysis");
    const std::string provider = spec->string("provider").value_or("istio");
    // Flagger's Gateway API provider ("gatewayapi:v1") shifts an HTTPRoute between <name>-primary and <name>-canary.
    const bool gatewayApi = provider.rfind("gatewayapi", 0) == 0;
    if (provider != "istio" && !gatewayApi)
        ImportReader::fail(spec->node(),
                           "spec.provider " + provider
                               + " is not supported: the plan drives an Istio VirtualService route or a "
                                 "Gateway API HTTPRoute");
    std::string target;
    if (std::optional<ImportReader> targetRef = spec->map("targetRef")) {
        target = targetRef->string("name").value_or("");
        targetRef->listRest("the plan does not model the workload; ignored");
    }
    std::string serviceName = target;
    if (std::optional<ImportReader> service = spec->map("service")) {
        serviceName = service->string("name").value_or(target);
        service->listRest("Flagger generates its Services and VirtualService from these; the plan drives the "
                          "mesh's existing route instead; ignored");
    }
    auto annotation = [&](const char *key, const std::string &fallback) {
        const auto found = annotations.find(key);
        return found == annotations.end() ? fallback : found->second;
    };
    auto split = [&](const std::string &ref, std::string *ns, std::string *name) {
        const size_t slash = ref.find('/');
        *ns = slash == std::string::npos ? plan.ns : ref.substr(0, slash);
        *name = slash == std::string::npos ? ref : ref.substr(slash + 1);
    };
    if (gatewayApi) {
        split(annotation(RolloutAnnotations::kHttpRouteRef, plan.ns + '/' + serviceName), &plan.httpRouteNs,
              &plan.httpRouteName);
        plan.rule = RolloutAnnotations::rule(annotations);
        plan.stable = annotation(RolloutAnnotations::kStable, serviceName + "-primary");
        plan.canary = annotation(RolloutAnnotations::kCanary, serviceName + "-canary");
    } else {
        split(annotation(RolloutAnnotations::kVirtualService, plan.ns + '/' + serviceName), &plan.virtualServiceNs,
              &plan.virtualServiceName);
        plan.http = annotation(RolloutAnnotations::kHttpRoute, "0");
        plan.stable = annotation(RolloutAnnotations::kStable, "primary");
        plan.canary = annotation(RolloutAnnotations::kCanary, "canary");
        if (!annotations.count(RolloutAnnotations::kStable))
            root.note(document, "metadata.annotations",
                      "Flagger routes between Services " + serviceName + "-primary and " + serviceName
                          + "-canary; without meshlane.io/stable and meshlane.io/canary the plan uses subsets named "
                            "primary and canary");
    }
    if ((plan.virtualServiceName.empty() && plan.httpRouteName.empty()) || plan.stable == plan.canary)
        ImportReader::fail(document, "the Canary names no route (spec.targetRef.name or meshlane.io annotations)");

    if (spec->has("skipAnalysis") && spec->node()["skipAnalysis"].Scalar() == "true")
        spec->note(spec->node()["skipAnalysis"], spec->path("skipAnalysis"),
                   "Flagger would promote at once; the plan still rehearses the analysis");
    spec->take("skipAnalysis");
    std::optional<ImportReader> analysis = spec->map("analysis");
    if (!analysis)
        analysis = spec->map("canaryAnalysis"); // the deprecated name
    spec->listRest("not modelled by a plan (workload, autoscaling, deadlines); ignored");
    if (!analysis)
        ImportReader::fail(spec->node(), "spec.analysis is required");

    const int line = ImportReader::line(analysis->node());
    double interval = 60;
    if (const YAML::Node node = analysis->take("interval"); node && !node.IsNull())
        interval = std::max(10.0, ImportReader::duration(node, analysis->path("interval"))); // Flagger's floor
    const int threshold = int(analysis->number("threshold").value_or(1));
    const int iterations = int(analysis->number("iterations").value_or(0));
    const bool mirror = analysis->has("mirror") && analysis->node()["mirror"].Scalar() == "true";
    analysis->take("mirror");
    const double mirrorWeight = analysis->number("mirrorWeight").value_or(100);
    const YAML::Node match = analysis->take("match");
    const YAML::Node stepWeight = analysis->take("stepWeight");
    const YAML::Node stepWeights = analysis->take("stepWeights");
    const YAML::Node maxWeight = analysis->take("maxWeight");

    RolloutAnalysis gates;
    readMetrics(*analysis, gates, notes);
    gates.failureLimit = std::max(0, threshold - 1);
    gates.minRequests = RolloutAnnotations::minRequests(annotations).value_or(0);
    if (gates.successRateMin || gates.latencyP99MaxMs)
        plan.analysis = gates;

    const bool hasMatch = match && !match.IsNull();
    if (hasMatch && iterations > 0) { // A/B testing
        RolloutStep route;
        route.kind = RolloutStep::Kind::SetHeaderRoute;
        route.headerRouteName = (plan.name.empty() ? std::string("flagger") : plan.name) + "-ab";
        route.match = headerMatch(*analysis, match, notes);
        route.line = ImportReader::line(match);
        plan.steps.push_back(route);
        plan.steps.push_back(pauseStep(interval * iterations, line));
        plan.steps.push_back(weightStep(100, line));
    } else if (stepWeight || stepWeights) {
        if (hasMatch)
            analysis->note(match, analysis->path("match"),
                           "Flagger applies progressive weights only to requests that match; the plan shifts all "
                           "of the route's traffic");
        if (mirror) {
            plan.steps.push_back(mirrorStep(mirrorWeight, line));
            plan.steps.push_back(pauseStep(interval, line));
            plan.steps.push_back(mirrorStep(0, line));
        }
        std::vector<int> weights;
        if (stepWeights && !stepWeights.IsNull()) {
            if (!stepWeights.IsSequence() || stepWeights.size() == 0)
                ImportReader::fail(stepWeights, analysis->path("stepWeights") + " must be a non-empty list");
            for (size_t i = 0; i < stepWeights.size(); ++i)
                weights.push_back(wholeWeight(*analysis, stepWeights[i], analysis->path("stepWeights")));
            if (stepWeight)
                analysis->note(stepWeight, analysis->path("stepWeight"),
                               "stepWeights is used; Flagger prefers stepWeight when both are set");
        } else {
            const int step = wholeWeight(*analysis, stepWeight, analysis->path("stepWeight"));
            const int max = maxWeight ? wholeWeight(*analysis, maxWeight, analysis->path("maxWeight")) : 100;
            if (step <= 0)
                ImportReader::fail(stepWeight, analysis->path("stepWeight") + " must be above 0");
            for (int weight = step; !weights.size() || weights.back() < max; weight += step)
                weights.push_back(std::min(weight, 100));
        }
        for (int weight : weights) {
            plan.steps.push_back(weightStep(weight, line));
            plan.steps.push_back(pauseStep(interval, line));
        }
        if (weights.back() != 100)
            plan.steps.push_back(weightStep(100, line)); // promotion
    } else if (iterations > 0) { // Blue/Green
        if (mirror)
            plan.steps.push_back(mirrorStep(mirrorWeight, line));
        plan.steps.push_back(pauseStep(interval * iterations, line));
        if (mirror)
            plan.steps.push_back(mirrorStep(0, line));
        plan.steps.push_back(weightStep(100, line));
    } else {
        ImportReader::fail(analysis->node(), "spec.analysis needs stepWeight, stepWeights or iterations");
    }
    if (stepWeights && maxWeight)
        analysis->note(maxWeight, analysis->path("maxWeight"), "ignored with stepWeights (Flagger's rule)");
    analysis->ignore("stepWeightPromotion",
                     "promotion is one step in the plan; Flagger's gradual promotion is not rehearsed");
    analysis->ignore("webhooks", "webhooks (load tests, gates, conformance tests) are not called in a rehearsal");
    analysis->ignore("alerts", "alerts are not sent in a rehearsal");
    analysis->listRest("not modelled by the plan; ignored");
    return plan;
}

} // namespace

Result<RolloutImport> FlaggerCanaryImport::read(const std::string &text, const std::string &fileName)
{
    RolloutImport result;
    result.fileName = fileName;
    result.format = "Flagger Canary";
    try {
        const std::vector<YAML::Node> documents = UntrustedYaml::loadAll(text);
        std::optional<YAML::Node> canary;
        for (size_t i = 0; i < documents.size(); ++i) {
            const YAML::Node &document = documents[i];
            if (!document.IsMap())
                continue;
            const std::string kind = document["kind"] ? document["kind"].Scalar() : std::string();
            const std::string api = document["apiVersion"] ? document["apiVersion"].Scalar() : std::string();
            if (api.rfind("flagger.app/", 0) == 0 && kind == "Canary" && !canary)
                canary = document;
            else
                result.notes.push_back(
                    {ImportReader::line(document), "document " + std::to_string(i + 1),
                     (kind.empty() ? std::string("a document") : kind) + " is not the Canary; ignored"});
        }
        if (!canary)
            throw ImportError{0, "no flagger.app Canary in the file"};
        result.plan = readCanary(*canary, &result.notes);
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
