// SPDX-License-Identifier: MIT
#include "analysis/analyzer.h"

#include "analysis/analysiscontext.h"
#include "analysis/cacertificatecheck.h"
#include "analysis/deprecationcheck.h"
#include "analysis/duplicatematchcheck.h"
#include "analysis/gatewayapicheck.h"
#include "analysis/gatewayapil4check.h"
#include "analysis/gatewayconflictcheck.h"
#include "analysis/gatewayreferencecheck.h"
#include "analysis/gatewayworkloadcheck.h"
#include "analysis/ingresssubsetcheck.h"
#include "analysis/jwtclaimroutecheck.h"
#include "analysis/l4routecheck.h"
#include "analysis/meshhostconflictcheck.h"
#include "analysis/mirrorfaultcheck.h"
#include "analysis/mtlscheck.h"
#include "analysis/referencecheck.h"
#include "analysis/routeconflictcheck.h"
#include "analysis/schemacheck.h"
#include "analysis/serviceentrycheck.h"
#include "analysis/sidecarcheck.h"
#include "analysis/subsetpodcheck.h"
#include "analysis/weightcheck.h"

#include <algorithm>

namespace meshlane {

Diagnostics analyze(const Mesh &mesh)
{
    AnalysisContext context(mesh);
    SchemaCheck(context).run();
    ReferenceCheck(context).run();
    SubsetPodCheck(context).run();
    GatewayReferenceCheck(context).run();
    IngressSubsetCheck(context).run();
    MeshHostConflictCheck(context).run();
    DuplicateMatchCheck duplicateMatches(context);
    duplicateMatches.run();
    RouteConflictCheck(context, duplicateMatches).run();
    WeightCheck(context).run();
    MirrorFaultCheck(context).run();
    L4RouteCheck(context).run();
    DeprecationCheck(context).run();
    CaCertificateCheck(context).run();
    ServiceEntryCheck(context).run();
    JwtClaimRouteCheck(context).run();
    SidecarCheck(context).run();
    GatewayWorkloadCheck(context).run();
    GatewayConflictCheck(context).run();
    MtlsCheck(context).run();
    GatewayApiCheck(context).run();
    GatewayApiL4Check(context).run();
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
