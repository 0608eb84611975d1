// SPDX-License-Identifier: MIT
#include "analysis/mirrorfaultcheck.h"

#include "analysis/analyzercodes.h"

#include <sstream>

namespace meshlane {

namespace {

std::string formatNumber(double value)
{
    std::ostringstream stream;
    stream << value;
    return stream.str();
}

} // namespace

MirrorFaultCheck::MirrorFaultCheck(AnalysisContext &context)
    : m_context(context)
{
}

void MirrorFaultCheck::run()
{
    for (const auto &vs : m_context.mesh().virtualServices) {
        for (size_t i = 0; i < vs->http.size(); ++i) {
            checkMirrors(*vs, i);
            checkFault(*vs, i);
        }
    }
}

void MirrorFaultCheck::checkMirrors(const VirtualService &vs, size_t index)
{
    const HttpRoute &route = vs.http[index];
    const std::string name = describeHttpRoute(vs, index);
    if (route.mirror && !route.mirrors.empty()) {
        m_context.report(codes::SchemaError, Severity::Error, vs.meta, route.mirror->location,
                         name + " sets both mirror and mirrors; Istio rejects the VirtualService",
                         "move the mirror into the mirrors list (with its percentage)");
    }
    if (route.legacyMirrorPercent) {
        // Its deprecation is DeprecationCheck's (IST0133); the value is still checked here.
        const int64_t value = *route.legacyMirrorPercent;
        checkPercentage(vs, double(value), route.legacyMirrorPercentLocation, "mirror_percent of " + name);
    }
    if (route.mirrorPercentage)
        checkPercentage(vs, *route.mirrorPercentage, route.mirrorPercentageLocation, "mirrorPercentage of " + name);
    if ((route.mirrorPercentage || route.legacyMirrorPercent) && !route.mirror) {
        const SourceLocation at = route.mirrorPercentage ? route.mirrorPercentageLocation
                                                         : route.legacyMirrorPercentLocation;
        m_context.report(codes::MirrorPercentageWithoutMirror, Severity::Warning, vs.meta, at,
                         name + " has a mirror percentage but no mirror: nothing is mirrored",
                         route.mirrors.empty() ? "add mirror: {host: ...} to this route, or remove the percentage"
                                               : "set the percentage on each mirrors entry instead");
    }
    if (route.mirror)
        checkMirrorTarget(vs, index, *route.mirror);
    for (size_t m = 0; m < route.mirrors.size(); ++m) {
        const MirrorPolicy &policy = route.mirrors[m];
        if (policy.percentage)
            checkPercentage(vs, *policy.percentage, policy.location,
                            "percentage of mirrors[" + std::to_string(m) + "] in " + name);
        checkMirrorTarget(vs, index, policy.destination);
    }
}

void MirrorFaultCheck::checkMirrorTarget(const VirtualService &vs, size_t index, const Destination &mirror)
{
    if (mirror.host.empty())
        return;
    for (const RouteDestination &entry : vs.http[index].route) {
        const Destination &served = entry.destination;
        if (served.fqdn != mirror.fqdn || served.subset != mirror.subset)
            continue;
        m_context.report(codes::MirrorToServingDestination, Severity::Warning, vs.meta, mirror.location,
                         "mirror target " + mirror.label() + " also serves " + describeHttpRoute(vs, index)
                             + ": it receives each mirrored request twice and the shadow traffic tells nothing new",
                         "mirror to the version under test, e.g. another subset of " + mirror.host);
        return;
    }
}

void MirrorFaultCheck::checkFault(const VirtualService &vs, size_t index)
{
    const HttpRoute &route = vs.http[index];
    if (!route.fault)
        return;
    const std::string name = describeHttpRoute(vs, index);
    if (const auto &delay = route.fault->delay) {
        if (!delay->percentage) {
            m_context.report(codes::FaultWithoutPercentage, Severity::Warning, vs.meta, delay->location,
                             "fault delay in " + name + " has no percentage: it affects 0 % of requests",
                             "add percentage: {value: 100} (or the share of requests to delay)");
        } else {
            checkPercentage(vs, *delay->percentage, delay->location, "fault delay percentage of " + name);
        }
        if (delay->delayMs < 0) {
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, delay->location,
                             "fault delay in " + name + " has an invalid fixedDelay; Istio rejects the VirtualService",
                             "write a duration such as 5s or 200ms");
        }
    }
    if (const auto &abort = route.fault->abort) {
        if (!abort->percentage) {
            m_context.report(codes::FaultWithoutPercentage, Severity::Warning, vs.meta, abort->location,
                             "fault abort in " + name + " has no percentage: it affects 0 % of requests",
                             "add percentage: {value: 100} (or the share of requests to abort)");
        } else {
            checkPercentage(vs, *abort->percentage, abort->location, "fault abort percentage of " + name);
        }
        // httpStatus 0 means it was not written (grpcStatus or http2Error instead).
        if (abort->httpStatus != 0 && (abort->httpStatus < 200 || abort->httpStatus > 599)) {
            m_context.report(codes::SchemaError, Severity::Error, vs.meta, abort->location,
                             "fault abort httpStatus " + std::to_string(abort->httpStatus) + " in " + name
                                 + " is outside 200-599; Istio rejects the VirtualService",
                             "use an HTTP status such as 503");
        }
    }
}

void MirrorFaultCheck::checkPercentage(const VirtualService &vs, double value, const SourceLocation &at,
                                       const std::string &what)
{
    if (value >= 0.0 && value <= 100.0)
        return;
    m_context.report(codes::SchemaError, Severity::Error, vs.meta, at,
                     what + " is " + formatNumber(value) + ", outside 0-100; Istio rejects the VirtualService",
                     value < 0 ? std::string("use 0 to turn it off") : std::string("use 100 for every request"));
}

} // namespace meshlane
