// SPDX-License-Identifier: MIT
#include "rollout/rolloutplanloader.h"

#include "load/untrustedyaml.h"
#include "rollout/argorolloutimport.h"
#include "rollout/flaggercanaryimport.h"
#include "rollout/rolloutplanparser.h"

#include <yaml-cpp/yaml.h>

namespace meshlane {

Result<RolloutImport> RolloutPlanLoader::load(const std::string &text, const std::string &fileName)
{
    std::vector<YAML::Node> documents;
    try {
        documents = UntrustedYaml::loadAll(text);
    } catch (const YAML::Exception &) {
        // RolloutPlanParser reports the syntax error with its line.
    }
    for (const YAML::Node &document : documents) {
        if (!document.IsMap() || !document["apiVersion"] || !document["kind"] || !document["apiVersion"].IsScalar()
            || !document["kind"].IsScalar())
            continue;
        const std::string api = document["apiVersion"].Scalar();
        const std::string kind = document["kind"].Scalar();
        if (api.rfind("argoproj.io/", 0) == 0 && kind == "Rollout")
            return ArgoRolloutImport::read(text, fileName);
        if (api.rfind("flagger.app/", 0) == 0 && kind == "Canary")
            return FlaggerCanaryImport::read(text, fileName);
    }
    RolloutImport result;
    result.fileName = fileName;
    result.format = "RolloutPlan";
    Result<RolloutPlan> plan = RolloutPlanParser::parse(text, fileName);
    if (!plan)
        return Result<RolloutImport>::failure(plan.error());
    result.plan = std::move(plan).value();
    return result;
}

} // namespace meshlane
