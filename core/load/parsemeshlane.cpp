// SPDX-License-Identifier: MIT
// Meshlane's own kinds (meshlane.io): rollout plans, read by the same strict
// reader as `meshlane rollout --plan`, so the dock and the CLI agree on a plan.
#include "load/documenttree.h"
#include "load/resourceparsers.h"

#include "rollout/rolloutplanparser.h"

namespace meshlane {

bool isMeshlaneApi(const std::string &apiVersion) { return apiVersion == "meshlane.io/v1alpha1"; }

std::shared_ptr<RolloutPlanResource> parseRolloutPlan(FieldReader &document, ResourceMeta meta)
{
    auto resource = std::make_shared<RolloutPlanResource>();
    std::string message;
    int line = 0;
    const ParseContext &context = document.context();
    // The plan reader, which also reads plan files of its own, reads yaml-cpp's trees.
    const YAML::Node tree = context.text ? DocumentTree::ofText(*context.text, meta) : YAML::Node();
    if (std::optional<RolloutPlan> plan = RolloutPlanParser::parseDocument(tree, &message, &line)) {
        resource->plan = std::make_shared<const RolloutPlan>(std::move(*plan));
    } else {
        resource->error = context.file + (line > 0 ? ':' + std::to_string(line) : std::string()) + ": " + message;
        if (context.diagnostics) {
            Diagnostic diagnostic;
            diagnostic.code = codes::SchemaError;
            diagnostic.severity = Severity::Error;
            diagnostic.resource = context.resource;
            diagnostic.location = line > 0 ? SourceLocation{context.file, line, 0} : meta.location;
            diagnostic.message = message;
            context.diagnostics->push_back(std::move(diagnostic));
        }
    }
    resource->meta = std::move(meta);
    return resource;
}

} // namespace meshlane
