// SPDX-License-Identifier: MIT
#include "load/resourceparsers.h"
#include "model/hostname.h"

#include <limits>

namespace meshlane {

namespace {

std::optional<StringMatch> parseStringMatch(FieldReader &parent, const char *key)
{
    std::optional<FieldReader> reader = parent.map(key);
    if (!reader)
        return std::nullopt;
    StringMatch match;
    match.location = reader->location();
    int kinds = 0;
    if (auto exact = reader->string("exact")) { match.kind = StringMatch::Kind::Exact; match.value = *exact; ++kinds; }
    if (auto prefix = reader->string("prefix")) { match.kind = StringMatch::Kind::Prefix; match.value = *prefix; ++kinds; }
    if (auto regex = reader->string("regex")) { match.kind = StringMatch::Kind::Regex; match.value = *regex; ++kinds; }
    if (kinds == 0)
        match.kind = StringMatch::Kind::Present;
    if (kinds > 1)
        reader->context().report(Severity::Error, codes::SchemaError, reader->node(),
                                 reader->path() + ": use only one of exact, prefix or regex");
    reader->finish();
    return match;
}

std::vector<NamedStringMatch> parseNamedMatches(FieldReader &parent, const char *key, bool lowerCaseNames)
{
    std::vector<NamedStringMatch> result;
    std::optional<FieldReader> reader = parent.map(key);
    if (!reader)
        return result;
    for (const auto &entry : reader->node()) {
        if (!entry.first.IsScalar())
            continue;
        const std::string name = entry.first.Scalar();
        if (auto match = parseStringMatch(*reader, name.c_str()))
            result.push_back({lowerCaseNames ? toLower(name) : name, *match});
        else if (!entry.second.IsMap()) // `x-user: {}` and `x-user:` both mean "present"
            result.push_back({lowerCaseNames ? toLower(name) : name,
                              {StringMatch::Kind::Present, {}, reader->context().locationOf(entry.first)}});
    }
    return result;
}

HttpMatchRequest parseMatch(FieldReader &reader)
{
    HttpMatchRequest match;
    match.location = reader.location();
    match.name = reader.string("name").value_or("");
    match.uri = parseStringMatch(reader, "uri");
    match.scheme = parseStringMatch(reader, "scheme");
    match.method = parseStringMatch(reader, "method");
    match.authority = parseStringMatch(reader, "authority");
    match.headers = parseNamedMatches(reader, "headers", true);
    match.withoutHeaders = parseNamedMatches(reader, "withoutHeaders", true);
    match.queryParams = parseNamedMatches(reader, "queryParams", false);
    match.ignoreUriCase = reader.boolean("ignoreUriCase").value_or(false);
    if (auto port = reader.integer("port"))
        match.port = uint32_t(*port);
    match.sourceLabels = reader.stringMap("sourceLabels");
    match.sourceNamespace = reader.string("sourceNamespace").value_or("");
    match.gateways = reader.stringList("gateways");
    reader.ignore("statPrefix");
    reader.finish();
    return match;
}

// Istio's schema types a weight as int32, so the API server refuses anything
// larger; refusing it here also keeps every sum of weights far from overflow.
std::optional<int64_t> parseWeight(FieldReader &entry)
{
    const std::optional<int64_t> weight = entry.integer("weight");
    if (weight && (*weight < std::numeric_limits<int32_t>::min() || *weight > std::numeric_limits<int32_t>::max())) {
        entry.context().report(Severity::Error, codes::SchemaError, entry.value("weight"),
                               entry.path() + ".weight: " + std::to_string(*weight)
                                   + " does not fit Istio's 32-bit weight field; kubectl refuses it");
        return std::nullopt;
    }
    return weight;
}

std::optional<double> parsePercent(FieldReader &parent, const char *key, SourceLocation *location = nullptr)
{
    std::optional<FieldReader> reader = parent.map(key);
    if (!reader)
        return std::nullopt;
    if (location)
        *location = reader->locationOf("value");
    std::optional<double> value = reader->number("value");
    reader->finish();
    return value.value_or(0.0);
}

std::optional<HttpFault> parseFault(FieldReader &parent)
{
    std::optional<FieldReader> reader = parent.map("fault");
    if (!reader)
        return std::nullopt;
    HttpFault fault;
    fault.location = reader->location();
    if (std::optional<FieldReader> delay = reader->map("delay")) {
        FaultDelay parsed;
        parsed.location = delay->location();
        parsed.percentage = parsePercent(*delay, "percentage");
        if (!parsed.percentage) {
            if (auto legacy = delay->integer("percent"))
                parsed.percentage = double(*legacy);
        }
        if (auto fixed = delay->string("fixedDelay"))
            parsed.delayMs = parseDurationMs(*fixed);
        delay->ignore("exponentialDelay");
        delay->finish();
        fault.delay = parsed;
    }
    if (std::optional<FieldReader> abort = reader->map("abort")) {
        FaultAbort parsed;
        parsed.location = abort->location();
        parsed.percentage = parsePercent(*abort, "percentage");
        parsed.httpStatus = int(abort->integer("httpStatus").value_or(0));
        parsed.grpcStatus = abort->string("grpcStatus").value_or("");
        abort->ignore("http2Error");
        abort->finish();
        fault.abort = parsed;
    }
    reader->finish();
    return fault;
}

HttpRoute parseHttpRoute(FieldReader &reader, const std::string &ns)
{
    HttpRoute route;
    route.location = reader.location();
    route.name = reader.string("name").value_or("");
    for (FieldReader &match : itemsFor(reader, "match", route.match))
        route.match.push_back(parseMatch(match));
    for (FieldReader &entry : itemsFor(reader, "route", route.route)) {
        RouteDestination destination;
        destination.location = entry.location();
        if (std::optional<FieldReader> inner = entry.map("destination"))
            destination.destination = parseDestination(*inner, ns);
        else
            entry.context().report(Severity::Error, codes::SchemaError, entry.node(),
                                   entry.path() + ": a route entry needs a destination");
        destination.weightLocation = entry.locationOf("weight");
        destination.weight = parseWeight(entry);
        entry.ignore("headers");
        entry.finish();
        route.route.push_back(std::move(destination));
    }
    if (std::optional<FieldReader> redirect = reader.map("redirect")) {
        HttpRedirect parsed;
        parsed.location = redirect->location();
        parsed.uri = redirect->string("uri").value_or("");
        parsed.authority = redirect->string("authority").value_or("");
        parsed.scheme = redirect->string("scheme").value_or("");
        if (auto port = redirect->integer("port"))
            parsed.port = uint32_t(*port);
        parsed.redirectCode = int(redirect->integer("redirectCode").value_or(301));
        redirect->ignore("derivePort");
        redirect->finish();
        route.redirect = parsed;
    }
    if (std::optional<FieldReader> direct = reader.map("directResponse")) {
        HttpDirectResponse parsed;
        parsed.location = direct->location();
        parsed.status = int(direct->integer("status").value_or(0));
        if (std::optional<FieldReader> body = direct->map("body")) {
            parsed.body = body->string("string").value_or("");
            body->ignore("bytes");
            body->finish();
        }
        direct->finish();
        route.directResponse = parsed;
    }
    if (std::optional<FieldReader> delegate = reader.map("delegate")) {
        route.delegate = Delegate{delegate->string("name").value_or(""),
                                  delegate->string("namespace").value_or(ns), delegate->location()};
        delegate->finish();
    }
    if (std::optional<FieldReader> rewrite = reader.map("rewrite")) {
        route.rewrite = HttpRewrite{rewrite->string("uri").value_or(""), rewrite->string("authority").value_or(""),
                                    rewrite->location(), std::nullopt};
        rewrite->ignore("uriRegexRewrite");
        rewrite->finish();
    }
    route.timeout = reader.string("timeout");
    if (std::optional<FieldReader> retries = reader.map("retries")) {
        route.retries = HttpRetry{int(retries->integer("attempts").value_or(0)),
                                  retries->string("perTryTimeout").value_or(""),
                                  retries->string("retryOn").value_or(""), retries->location()};
        retries->ignore("retryRemoteLocalities");
        retries->finish();
    }
    route.fault = parseFault(reader);
    if (std::optional<FieldReader> mirror = reader.map("mirror"))
        route.mirror = parseDestination(*mirror, ns);
    route.mirrorPercentage = parsePercent(reader, "mirrorPercentage", &route.mirrorPercentageLocation);
    route.legacyMirrorPercentLocation = reader.locationOf("mirror_percent");
    route.legacyMirrorPercent = reader.integer("mirror_percent");
    if (!route.legacyMirrorPercent) {
        route.legacyMirrorPercentLocation = reader.locationOf("mirrorPercent");
        route.legacyMirrorPercent = reader.integer("mirrorPercent");
    }
    noteDeprecatedNumber(reader.context(), childOf(childOf(childOf(reader.node(), "fault"), "delay"), "percent"),
                         "fault.delay.percent", route.deprecatedFields);
    for (const char *spelling : {"mirrorPercent", "mirror_percent"}) {
        const CompactNode legacy = childOf(reader.node(), spelling);
        if (legacy.IsDefined())
            route.deprecatedFields.push_back(DeprecatedField{
                spelling, legacy.IsScalar() ? legacy.Scalar() : std::string(), reader.context().locationOf(legacy)});
    }
    for (FieldReader &entry : itemsFor(reader, "mirrors", route.mirrors)) {
        MirrorPolicy policy;
        policy.location = entry.location();
        if (std::optional<FieldReader> inner = entry.map("destination"))
            policy.destination = parseDestination(*inner, ns);
        policy.percentage = parsePercent(entry, "percentage");
        entry.finish();
        route.mirrors.push_back(std::move(policy));
    }
    route.hasHeaderOperations = reader.has("headers");
    for (const char *known : {"headers", "corsPolicy", "mirror_percent", "mirrorPercent"})
        reader.ignore(known);
    reader.finish();
    return route;
}

L4Match parseL4Match(FieldReader &reader, bool tls)
{
    L4Match match;
    match.location = reader.location();
    match.destinationSubnetsLocation = reader.locationOf("destinationSubnets");
    match.destinationSubnets = reader.stringList("destinationSubnets");
    if (auto port = reader.integer("port"))
        match.port = uint32_t(*port);
    match.sourceLabels = reader.stringMap("sourceLabels");
    match.sourceNamespace = reader.string("sourceNamespace").value_or("");
    match.gateways = reader.stringList("gateways");
    if (tls) {
        match.sniHostsLocation = reader.locationOf("sniHosts");
        match.sniHosts = reader.stringList("sniHosts");
    }
    reader.ignore("sourceSubnet"); // hidden from Istio's docs and ignored by it
    reader.finish();
    return match;
}

L4Route parseL4Route(FieldReader &reader, const std::string &ns, bool tls)
{
    L4Route route;
    route.location = reader.location();
    for (FieldReader &match : itemsFor(reader, "match", route.match))
        route.match.push_back(parseL4Match(match, tls));
    for (FieldReader &entry : itemsFor(reader, "route", route.route)) {
        RouteDestination destination;
        destination.location = entry.location();
        if (std::optional<FieldReader> inner = entry.map("destination"))
            destination.destination = parseDestination(*inner, ns);
        destination.weightLocation = entry.locationOf("weight");
        destination.weight = parseWeight(entry);
        entry.finish();
        route.route.push_back(std::move(destination));
    }
    // Kept for the analyzer, which says why they cannot work here, instead of
    // the loader's generic "unknown field".
    for (const char *key : {"fault", "mirror", "mirrors", "mirrorPercentage", "mirror_percent", "mirrorPercent",
                            "retries", "timeout", "redirect", "rewrite", "directResponse", "delegate", "headers",
                            "corsPolicy"}) {
        if (reader.has(key)) {
            route.misplaced.push_back({key, reader.locationOf(key)});
            reader.ignore(key);
        }
    }
    reader.finish();
    return route;
}

} // namespace

Destination parseDestination(FieldReader &reader, const std::string &ruleNamespace)
{
    Destination destination;
    destination.location = reader.location();
    destination.hostLocation = reader.locationOf("host");
    destination.subsetLocation = reader.locationOf("subset");
    destination.host = reader.string("host").value_or("");
    destination.fqdn = expandHost(destination.host, ruleNamespace);
    destination.subset = reader.string("subset").value_or("");
    if (std::optional<FieldReader> port = reader.map("port")) {
        if (auto number = port->integer("number"))
            destination.port = uint32_t(*number);
        port->finish();
    }
    if (destination.host.empty())
        reader.context().report(Severity::Error, codes::SchemaError, reader.node(),
                                reader.path() + ": destination host is required");
    reader.finish();
    return destination;
}

std::shared_ptr<VirtualService> parseVirtualService(FieldReader &document, ResourceMeta meta)
{
    auto vs = std::make_shared<VirtualService>();
    vs->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return vs;
    vs->hostsLocation = spec->locationOf("hosts");
    vs->hosts = spec->stringList("hosts");
    for (const std::string &host : vs->hosts)
        vs->hostFqdns.push_back(expandHost(host, vs->meta.ns));
    vs->gatewaysLocation = spec->locationOf("gateways");
    vs->gateways = spec->stringList("gateways");
    vs->exportTo = spec->stringList("exportTo");
    for (FieldReader &route : itemsFor(*spec, "http", vs->http))
        vs->http.push_back(parseHttpRoute(route, vs->meta.ns));
    for (FieldReader &route : itemsFor(*spec, "tcp", vs->tcp))
        vs->tcp.push_back(parseL4Route(route, vs->meta.ns, false));
    for (FieldReader &route : itemsFor(*spec, "tls", vs->tls))
        vs->tls.push_back(parseL4Route(route, vs->meta.ns, true));
    vs->writtenHttp = readWrittenRules(document.context(), childOf(spec->node(), "http"), true);
    vs->writtenTcp = readWrittenRules(document.context(), childOf(spec->node(), "tcp"), false);
    vs->writtenTls = readWrittenRules(document.context(), childOf(spec->node(), "tls"), false);
    spec->finish();
    return vs;
}

} // namespace meshlane
