// SPDX-License-Identifier: MIT
#include "routing/compiledroute.h"

#include <algorithm>

namespace meshlane {

namespace {

constexpr uint32_t kMillion = 1000000;

FaultOutcome compileFault(const HttpFault &fault, std::vector<TranslatedText> &notes)
{
    FaultOutcome outcome;
    if (fault.delay) {
        if (fault.delay->delayMs <= 0) {
            notes.push_back(
                MESHLANE_TR("meshlane::CompiledRoute", "fault.delay has no fixedDelay: Istio drops the delay"));
        } else {
            outcome.delayMs = fault.delay->delayMs;
            outcome.delayPerMillion = percentToPerMillion(fault.delay->percentage.value_or(0.0));
            if (!fault.delay->percentage)
                notes.push_back(
                    MESHLANE_TR("meshlane::CompiledRoute", "fault.delay has no percentage: it delays 0 % of requests"));
        }
    }
    if (fault.abort) {
        if (fault.abort->httpStatus == 0 && fault.abort->grpcStatus.empty()) {
            notes.push_back(MESHLANE_TR("meshlane::CompiledRoute",
                                        "fault.abort has neither httpStatus nor grpcStatus: Istio drops the abort"));
        } else {
            outcome.abortStatus = fault.abort->httpStatus;
            outcome.abortGrpcStatus = fault.abort->httpStatus == 0 ? fault.abort->grpcStatus : std::string();
            outcome.abortPerMillion = percentToPerMillion(fault.abort->percentage.value_or(0.0));
            if (!fault.abort->percentage)
                notes.push_back(
                    MESHLANE_TR("meshlane::CompiledRoute", "fault.abort has no percentage: it aborts 0 % of requests"));
        }
    }
    return outcome;
}

void compileMirrors(const HttpRoute &route, const DestinationResolver &resolver, CompiledRoute &compiled)
{
    if (route.mirror) {
        MirrorOutcome mirror{resolver.resolve(*route.mirror), kMillion};
        if (route.mirrorPercentage) {
            mirror.perMillion = percentToPerMillion(*route.mirrorPercentage);
        } else if (route.legacyMirrorPercent) {
            // Istio reads the deprecated integer as n/100, i.e. n * 10000 per million.
            const int64_t percent = std::clamp<int64_t>(*route.legacyMirrorPercent, 0, 100);
            mirror.perMillion = uint32_t(percent * 10000);
            compiled.notes.push_back(MESHLANE_TR("meshlane::CompiledRoute",
                                                 "mirror_percent is deprecated (IST0133): use mirrorPercentage.value"));
        }
        if (mirror.perMillion == 0)
            compiled.notes.push_back(
                MESHLANE_TR("meshlane::CompiledRoute", "mirror to %1 is set to 0 %: Istio mirrors nothing")
                    .arg(mirror.target.label()));
        compiled.mirrors.push_back(std::move(mirror));
    }
    for (const MirrorPolicy &policy : route.mirrors) {
        MirrorOutcome mirror{resolver.resolve(policy.destination), kMillion};
        if (policy.percentage)
            mirror.perMillion = percentToPerMillion(*policy.percentage);
        compiled.mirrors.push_back(std::move(mirror));
    }
}

void compileDestinations(const HttpRoute &route, const DestinationResolver &resolver, CompiledRoute &compiled)
{
    int64_t running = 0;
    for (size_t i = 0; i < route.route.size(); ++i) {
        DestinationOutcome outcome;
        outcome.target = resolver.resolve(route.route[i].destination);
        if (const std::string &reason = route.route[i].destination.unresolvedReason; !reason.empty()) {
            // The Gateway API: a backend that does not resolve answers its share with 500.
            outcome.target.status = 500;
            outcome.target.pods.clear();
            outcome.target.problem = MESHLANE_TR("meshlane::CompiledRoute", "backendRef %1 does not resolve (%2): its share gets 500")
                                         .arg(route.route[i].destination.host)
                                         .arg(reason);
        }
        outcome.weight = route.effectiveWeight(i);
        if (outcome.weight < 0) {
            compiled.notes.push_back(
                MESHLANE_TR("meshlane::CompiledRoute", "destination %1 has a negative weight; counted as 0")
                    .arg(int64_t(i)));
            outcome.weight = 0;
        }
        running += outcome.weight;
        compiled.cumulativeWeights.push_back(running);
        compiled.destinations.push_back(std::move(outcome));
    }
    compiled.totalWeight = running;
    if (running <= 0) {
        compiled.action = RouteAction::Failure;
        compiled.status = 503;
        compiled.failure =
            MESHLANE_TR("meshlane::CompiledRoute", "every destination has weight 0: nothing can receive the request");
        return;
    }
    for (DestinationOutcome &outcome : compiled.destinations)
        outcome.probability = double(outcome.weight) / double(running);
    if (route.route.size() == 1 && route.route.front().weight && *route.route.front().weight != 100)
        compiled.notes.push_back(
            MESHLANE_TR("meshlane::CompiledRoute",
                        "a lone destination receives all traffic whatever its weight (%1 is ignored)")
                .arg(*route.route.front().weight));
}

} // namespace

uint32_t percentToPerMillion(double percent)
{
    if (!(percent > 0))
        return 0;
    if (percent >= 100)
        return kMillion;
    return uint32_t(percent * 10000);
}

std::string CompiledRoute::label() const
{
    if (route && route->origin) {
        const GatewayApiOrigin &origin = *route->origin;
        std::string text = origin.kind + ' ' + origin.ns + '/' + origin.name + " rules[" + std::to_string(origin.rule) + ']';
        if (origin.match >= 0)
            text += " matches[" + std::to_string(origin.match) + ']';
        return text;
    }
    std::string text = "VirtualService " + virtualService->meta.ns + '/' + virtualService->meta.name + " http["
        + std::to_string(httpIndex) + ']';
    if (route && !route->name.empty())
        text += " \"" + route->name + '"';
    return text;
}

CompiledRoute CompiledRoute::compile(const VirtualService &virtualService, int httpIndex,
                                     const DestinationResolver &resolver)
{
    CompiledRoute compiled;
    compiled.virtualService = &virtualService;
    compiled.httpIndex = httpIndex;
    compiled.route = &virtualService.http[size_t(httpIndex)];
    const HttpRoute &route = *compiled.route;

    // Faults sit in front of every action (Envoy's fault filter runs before
    // the router), so they apply to redirects and direct responses too.
    if (route.fault)
        compiled.fault = compileFault(*route.fault, compiled.notes);

    if (route.redirect) {
        compiled.action = RouteAction::Redirect;
        compiled.status = route.redirect->redirectCode;
        return compiled;
    }
    if (route.directResponse) {
        compiled.action = RouteAction::DirectResponse;
        compiled.status = route.directResponse->status;
        return compiled;
    }
    if (route.delegate) {
        // The router links the delegate's table; until then it cannot forward.
        compiled.action = RouteAction::Failure;
        compiled.failure = MESHLANE_TR("meshlane::CompiledRoute", "delegate VirtualService %1 not found")
                               .arg(route.delegate->ns + '/' + route.delegate->name);
        return compiled;
    }
    if (route.route.empty()) {
        compiled.action = RouteAction::Failure;
        compiled.failure =
            MESHLANE_TR("meshlane::CompiledRoute", "the route has no destination, redirect or direct response");
        return compiled;
    }
    compiled.action = RouteAction::Forward;
    compiled.status = 200;
    compileDestinations(route, resolver, compiled);
    // Mirrors belong to the forwarding action only (Istio puts them on the RouteAction).
    if (compiled.action == RouteAction::Forward)
        compileMirrors(route, resolver, compiled);
    return compiled;
}

} // namespace meshlane
