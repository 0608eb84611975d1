// SPDX-License-Identifier: MIT
// libFuzzer: any text given to `meshlane rollout --plan` (a RolloutPlan, an
// Argo Rollout or a Flagger Canary) is refused with "FILE:LINE: why", or
// reads into a plan that (1) Meshlane writes back as a RolloutPlan that reads
// again into the same plan (its writing is a fixed point), and (2) exports
// as an Argo Rollout and a Flagger Canary that read back without error.
#include "rollout/argorolloutexport.h"
#include "rollout/flaggercanaryexport.h"
#include "rollout/rolloutexporttarget.h"
#include "rollout/rolloutplanloader.h"
#include "rollout/rolloutplanwriter.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace meshlane;
    const std::string text(reinterpret_cast<const char *>(data), size);
    const Result<RolloutImport> read = RolloutPlanLoader::load(text, "plan.yaml");
    if (!read) {
        if (read.error().rfind("plan.yaml", 0) != 0)
            __builtin_trap(); // a refusal names the file (and the line)
        return 0;
    }
    const std::string written = RolloutPlanWriter::write(read->plan);
    const Result<RolloutImport> again = RolloutPlanLoader::load(written, "written.yaml");
    if (!again || RolloutPlanWriter::write(again->plan) != written)
        __builtin_trap(); // our own file must read back into the same plan
    const RolloutExportTarget target = RolloutExportTarget::defaults(read->plan);
    if (!read->plan.onHttpRoute()) {
        if (!RolloutPlanLoader::load(ArgoRolloutExport::write(read->plan, target), "argo.yaml"))
            __builtin_trap();
        if (!RolloutPlanLoader::load(FlaggerCanaryExport::write(read->plan, target), "flagger.yaml"))
            __builtin_trap();
    }
    return 0;
}
