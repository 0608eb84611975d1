// SPDX-License-Identifier: MIT
#include "analysis/analyzer.h"

#include "analysis/analysiscontext.h"
#include "analysis/gatewayapicheck.h"
#include "analysis/mirrorfaultcheck.h"
#include "analysis/referencecheck.h"
#include "analysis/routeconflictcheck.h"
#include "analysis/schemacheck.h"
#include "analysis/weightcheck.h"

#include <algorithm>

namespace meshlane {

Diagnostics analyze(const Mesh &mesh)
{
    AnalysisContext context(mesh);
    SchemaCheck(context).run();
    ReferenceCheck(context).run();
    RouteConflictCheck(context).run();
    WeightCheck(context).run();
    MirrorFaultCheck(context).run();
    GatewayApiCheck(context).run();
    Diagnostics diagnostics = context.takeDiagnostics();
    sortDiagnostics(diagnostics);
    return diagnostics;
}

Diagnostics analyze(const LoadResult &loaded)
{
    Diagnostics diagnostics = loaded.diagnostics;
    if (loaded.mesh) {
        Diagnostics found = analyze(*loaded.mesh);
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    }
    sortDiagnostics(diagnostics);
    return diagnostics;
}

size_t countAtOrAbove(const Diagnostics &diagnostics, Severity threshold)
{
    return size_t(std::count_if(diagnostics.begin(), diagnostics.end(),
                                [threshold](const Diagnostic &d) { return d.severity >= threshold; }));
}

} // namespace meshlane
