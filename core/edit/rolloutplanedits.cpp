// SPDX-License-Identifier: MIT
#include "edit/rolloutplanedits.h"

#include "base/regex.h"
#include "edit/editcontext.h"
#include "model/hostname.h"
#include "yaml/yamlwriter.h"

#include <cmath>
#include <set>

namespace meshlane {

namespace {

const char *stepKey(RolloutStep::Kind kind)
{
    switch (kind) {
    case RolloutStep::Kind::SetWeight: return "setWeight";
    case RolloutStep::Kind::Pause: return "pause";
    case RolloutStep::Kind::SetHeaderRoute: return "setHeaderRoute";
    case RolloutStep::Kind::SetMirror: return "setMirror";
    }
    return "setWeight";
}

const char *matchKey(StringMatch::Kind kind)
{
    switch (kind) {
    case StringMatch::Kind::Prefix: return "prefix";
    case StringMatch::Kind::Regex: return "regex";
    default: return "exact";
    }
}

// The value under the step's key; fails when the step would not read back
// (the strict plan reader's ranges, checked here so the user reads why
// rather than "the edit adds a finding").
Result<YAML::Node> stepValue(const RolloutStep &step)
{
    switch (step.kind) {
    case RolloutStep::Kind::SetWeight:
        if (step.weight < 0 || step.weight > 100)
            return Result<YAML::Node>::failure("setWeight must be from 0 to 100");
        return YamlWriter::integerNode(step.weight);
    case RolloutStep::Kind::Pause: {
        YAML::Node value(YAML::NodeType::Map);
        if (step.pauseSeconds) {
            if (!(*step.pauseSeconds > 0) || !std::isfinite(*step.pauseSeconds))
                return Result<YAML::Node>::failure(
                    "a pause lasts more than 0 seconds (or waits to be promoted by hand)");
            value["duration"] = YamlWriter::stringNode(rolloutDurationText(*step.pauseSeconds));
        }
        return value;
    }
    case RolloutStep::Kind::SetMirror:
        if (!(step.mirrorPercent >= 0 && step.mirrorPercent <= 100))
            return Result<YAML::Node>::failure("setMirror.percent must be from 0 to 100");
        {
            YAML::Node value(YAML::NodeType::Map);
            value["percent"] = YamlWriter::numberNode(step.mirrorPercent);
            return value;
        }
    case RolloutStep::Kind::SetHeaderRoute: {
        if (step.headerRouteName.empty())
            return Result<YAML::Node>::failure("a setHeaderRoute step needs a name");
        YAML::Node value(YAML::NodeType::Map);
        value["name"] = YamlWriter::stringNode(step.headerRouteName);
        YAML::Node match(YAML::NodeType::Sequence);
        for (const MatchCondition &condition : step.match) {
            if (condition.field != MatchCondition::Field::Header || condition.name.empty()
                || condition.kind == StringMatch::Kind::Present)
                return Result<YAML::Node>::failure(
                    "a setHeaderRoute condition is a header name with an exact, prefix or regex value");
            if (condition.kind == StringMatch::Kind::Regex) {
                if (const auto regex = compileRegex(condition.value); !regex)
                    return Result<YAML::Node>::failure("invalid regex '" + condition.value + "': " + regex.error());
            }
            YAML::Node entry(YAML::NodeType::Map);
            entry["headerName"] = YamlWriter::stringNode(toLower(condition.name));
            entry["headerValue"][matchKey(condition.kind)] = YamlWriter::stringNode(condition.value);
            match.push_back(entry);
        }
        if (match.size() > 0)
            value["match"] = match;
        return value;
    }
    }
    return YAML::Node();
}

// Opens the plan and walks to spec.steps; the typed plan in *typed.
YAML::Node openSteps(EditContext &context, const RolloutPlanRef &ref, const RolloutPlan **typed)
{
    const RolloutPlanResource *resource = findRolloutPlan(context.mesh(), ref);
    if (!resource) {
        context.fail("no RolloutPlan " + ref.ns + '/' + ref.name);
        return {};
    }
    if (!resource->plan) {
        context.fail("RolloutPlan " + ref.ns + '/' + ref.name + " does not read: " + resource->error);
        return {};
    }
    *typed = resource->plan.get();
    if (!context.openResource(resource->meta))
        return {};
    const YAML::Node spec = context.spec();
    const YAML::Node steps = context.ok() ? context.patcher().enter(spec, "steps") : YAML::Node();
    if (context.ok() && !steps.IsSequence())
        context.fail("RolloutPlan " + ref.ns + '/' + ref.name + " has no steps list");
    return steps;
}

bool checkIndex(EditContext &context, const RolloutPlan &plan, size_t index, const RolloutPlanRef &ref)
{
    if (index < plan.steps.size())
        return true;
    context.fail("RolloutPlan " + ref.ns + '/' + ref.name + " has no step " + std::to_string(index + 1));
    return false;
}

std::string planName(const RolloutPlanRef &ref) { return ref.ns + '/' + ref.name; }

} // namespace

const RolloutPlanResource *findRolloutPlan(const Mesh &mesh, const RolloutPlanRef &plan)
{
    for (const auto &resource : mesh.rolloutPlans) {
        if (resource->meta.ns == plan.ns && resource->meta.name == plan.name)
            return resource.get();
    }
    return nullptr;
}

std::string rolloutDurationText(double seconds)
{
    const double whole = std::round(seconds);
    if (std::abs(seconds - whole) > 1e-9) {
        std::string text = std::to_string(seconds);
        text.erase(text.find_last_not_of('0') + 1);
        return text + 's';
    }
    const auto value = int64_t(whole);
    if (value % 3600 == 0)
        return std::to_string(value / 3600) + 'h';
    if (value % 60 == 0)
        return std::to_string(value / 60) + 'm';
    return std::to_string(value) + 's';
}

Result<MeshChange> addRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &ref, size_t at, const RolloutStep &step)
{
    EditContext context(mesh);
    const RolloutPlan *plan = nullptr;
    const YAML::Node steps = openSteps(context, ref, &plan);
    if (!context.ok())
        return context.finish({});
    if (at > plan->steps.size()) {
        context.fail("position " + std::to_string(at + 1) + " is past the " + std::to_string(plan->steps.size())
                     + " steps");
        return context.finish({});
    }
    const Result<YAML::Node> value = stepValue(step);
    if (!value) {
        context.fail(value.error());
        return context.finish({});
    }
    YAML::Node item(YAML::NodeType::Map);
    item[stepKey(step.kind)] = *value;
    context.patcher().insertItem(steps, at, item);
    return context.finish("Add step " + step.describe() + " to " + planName(ref));
}

Result<MeshChange> removeRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &ref, size_t index)
{
    EditContext context(mesh);
    const RolloutPlan *plan = nullptr;
    const YAML::Node steps = openSteps(context, ref, &plan);
    if (!context.ok() || !checkIndex(context, *plan, index, ref))
        return context.finish({});
    if (plan->steps.size() == 1) {
        context.fail("the last step of a plan cannot be removed");
        return context.finish({});
    }
    context.patcher().removeItem(steps, index);
    return context.finish("Remove step " + std::to_string(index + 1) + " (" + plan->steps[index].describe() + ") of "
                          + planName(ref));
}

Result<MeshChange> moveRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &ref, size_t from, size_t to)
{
    EditContext context(mesh);
    const RolloutPlan *plan = nullptr;
    const YAML::Node steps = openSteps(context, ref, &plan);
    if (!context.ok() || !checkIndex(context, *plan, from, ref) || !checkIndex(context, *plan, to, ref))
        return context.finish({});
    if (from != to)
        context.patcher().moveItem(steps, from, to);
    return context.finish("Move step " + std::to_string(from + 1) + " of " + planName(ref) + " to "
                          + std::to_string(to + 1));
}

Result<MeshChange> setRolloutStep(const MeshPtr &mesh, const RolloutPlanRef &ref, size_t index,
                                  const RolloutStep &step)
{
    EditContext context(mesh);
    const RolloutPlan *plan = nullptr;
    const YAML::Node steps = openSteps(context, ref, &plan);
    if (!context.ok() || !checkIndex(context, *plan, index, ref))
        return context.finish({});
    const Result<YAML::Node> value = stepValue(step);
    if (!value) {
        context.fail(value.error());
        return context.finish({});
    }
    YamlPatcher &patcher = context.patcher();
    const std::string description =
        "Set step " + std::to_string(index + 1) + " of " + planName(ref) + " to " + step.describe();
    if (plan->steps[index].kind == step.kind) {
        const YAML::Node item = patcher.enter(steps, index);
        const YAML::Node written = context.ok() ? patcher.enter(item, stepKey(step.kind)) : YAML::Node();
        if (context.ok() && written.IsMap() && value->IsMap() && value->size() > 0) {
            // Key by key, so `pause: {duration: 5m}` stays a flow mapping
            // and only `5m` changes (the patcher rewrites a whole flow
            // mapping in block style).
            std::set<std::string> keys;
            for (const auto &entry : *value) {
                keys.insert(entry.first.Scalar());
                patcher.setValue(written, entry.first.Scalar(), entry.second);
            }
            for (const auto &entry : written) {
                if (!keys.count(entry.first.Scalar()))
                    patcher.removeKey(written, entry.first.Scalar());
            }
        } else if (context.ok()) {
            patcher.setValue(item, stepKey(step.kind), *value);
        }
        return context.finish(description);
    }
    // Another kind: a new item in its place (comment lines directly above the
    // old one go with it, as removeRolloutStep takes them).
    YAML::Node item(YAML::NodeType::Map);
    item[stepKey(step.kind)] = *value;
    patcher.insertItem(steps, index + 1, item);
    patcher.removeItem(steps, index);
    return context.finish(description);
}

} // namespace meshlane
