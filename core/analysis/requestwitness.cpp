// SPDX-License-Identifier: MIT
#include "analysis/requestwitness.h"

#include "routing/compiledmatchblock.h"
#include "routing/routetablebuilder.h"

namespace meshlane {

namespace {

// A value the string match accepts; none for a regex (no value is known to match).
std::optional<std::string> sampleValue(const StringMatch &match)
{
    switch (match.kind) {
    case StringMatch::Kind::Exact:
    case StringMatch::Kind::Prefix:
    case StringMatch::Kind::PathPrefix: // the prefix itself is a path under it
        return match.value;
    case StringMatch::Kind::Present:
        return std::string("1");
    case StringMatch::Kind::Regex:
        break;
    }
    return std::nullopt;
}

// Shell-safe: plain words as they are, anything else single-quoted.
std::string quoted(const std::string &text)
{
    bool plain = !text.empty();
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || std::string("-_./=:,@%+").find(c) != std::string::npos;
        plain = plain && ok;
    }
    if (plain)
        return text;
    std::string result = "'";
    for (char c : text)
        result += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return result + '\'';
}

// A name a wildcard host accepts: "*.example.com" -> "www.example.com".
std::string concreteHost(const std::string &host)
{
    if (host == "*" || host.empty())
        return "www.example.com";
    if (host.front() == '*')
        return "www" + host.substr(1);
    return host;
}

} // namespace

std::optional<Witness> RequestWitness::forMatch(const VirtualService &vs, const HttpMatchRequest *match,
                                                const std::string &host)
{
    Witness witness;
    HttpRequest &request = witness.request;
    request.sourceNamespace = vs.meta.ns;
    request.authority = concreteHost(!host.empty() ? host : vs.hosts.empty() ? std::string() : vs.hosts.front());
    if (!vs.appliesToMesh()) {
        const std::vector<std::string> refs = vs.gatewayRefs();
        if (!refs.empty())
            request.gateway = refs.front();
    }
    if (match) {
        if (match->authority) {
            const std::optional<std::string> value = sampleValue(*match->authority);
            if (!value)
                return std::nullopt;
            request.authority = *value;
        }
        if (match->scheme && !(match->scheme->kind == StringMatch::Kind::Exact && match->scheme->value == "http"))
            return std::nullopt;
        if (match->uri) {
            const std::optional<std::string> value = sampleValue(*match->uri);
            if (!value)
                return std::nullopt;
            request.setPath(value->empty() || value->front() != '/' ? '/' + *value : *value);
        }
        if (match->method) {
            const std::optional<std::string> value = sampleValue(*match->method);
            if (!value)
                return std::nullopt;
            request.method = *value;
        }
        for (const NamedStringMatch &header : match->headers) {
            const std::optional<std::string> value = sampleValue(header.match);
            if (!value)
                return std::nullopt;
            request.addHeader(header.name, *value);
        }
        for (const NamedStringMatch &query : match->queryParams) {
            const std::optional<std::string> value = sampleValue(query.match);
            if (!value)
                return std::nullopt;
            request.addQueryParam(query.name, *value);
        }
        if (match->port)
            request.port = *match->port;
        if (!match->sourceNamespace.empty())
            request.sourceNamespace = match->sourceNamespace;
        request.sourceLabels = match->sourceLabels;
        for (const std::string &gateway : match->gateways) {
            if (gateway == "mesh") {
                request.gateway.clear();
                break;
            }
            request.gateway = gateway.find('/') == std::string::npos ? vs.meta.ns + '/' + gateway : gateway;
        }
    }
    witness.arguments = arguments(request);
    return witness;
}

std::string RequestWitness::arguments(const HttpRequest &request)
{
    std::string text = "--host " + quoted(request.authority);
    if (request.port)
        text += " --port " + std::to_string(request.port);
    if (request.method != "GET")
        text += " --method " + quoted(request.method);
    if (request.path != "/")
        text += " --path " + quoted(request.path);
    for (const auto &[name, value] : request.headers)
        text += " --header " + quoted(name + '=' + value);
    if (!request.gateway.empty())
        text += " --gateway " + quoted(request.gateway);
    if (request.sourceNamespace != "default")
        text += " --source-namespace " + quoted(request.sourceNamespace);
    if (!request.sourceLabels.empty()) {
        std::string labels;
        for (const auto &[key, value] : request.sourceLabels)
            labels += (labels.empty() ? "" : ",") + key + '=' + value;
        text += " --source-labels " + quoted(labels);
    }
    return text;
}

RequestWitness::Taking RequestWitness::firstMatchTaking(const VirtualService &vs, const HttpRequest &request)
{
    const ProxyContext proxy{&request.sourceLabels, request.sourceNamespace, request.port};
    const std::string context = request.gateway.empty() ? std::string("mesh") : request.gateway;
    const auto forContext = [&](const HttpMatchRequest &block) {
        return block.gateways.empty() || RouteTableBuilder::gatewaysInclude(vs, block.gateways, context);
    };
    for (size_t i = 0; i < vs.http.size(); ++i) {
        const HttpRoute &route = vs.http[i];
        if (route.match.empty())
            return {int(i), -1};
        for (size_t b = 0; b < route.match.size(); ++b) {
            const HttpMatchRequest &block = route.match[b];
            if (forContext(block) && CompiledMatchBlock(block, block.gateways.empty()).matches(request, proxy))
                return {int(i), int(b)};
        }
    }
    return {};
}

std::optional<Witness> RequestWitness::reachingRoute(const VirtualService &vs, size_t index)
{
    if (index >= vs.http.size())
        return std::nullopt;
    const HttpRoute &route = vs.http[index];
    if (route.match.empty()) {
        std::optional<Witness> witness = forMatch(vs, nullptr);
        if (witness && firstRouteTaking(vs, witness->request) == int(index))
            return witness;
        return std::nullopt;
    }
    for (const HttpMatchRequest &block : route.match) {
        std::optional<Witness> witness = forMatch(vs, &block);
        if (witness && firstRouteTaking(vs, witness->request) == int(index))
            return witness;
    }
    return std::nullopt;
}

} // namespace meshlane
