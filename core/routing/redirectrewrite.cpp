// SPDX-License-Identifier: MIT
#include "routing/redirectrewrite.h"

#include <charconv>

namespace meshlane {

namespace {

std::string trimTrailingSlash(std::string text)
{
    while (!text.empty() && text.back() == '/')
        text.pop_back();
    return text;
}

std::string withoutPort(const std::string &authority)
{
    const size_t colon = authority.rfind(':');
    if (colon != std::string::npos && authority.find(']', colon) == std::string::npos)
        return authority.substr(0, colon);
    return authority;
}

// The prefix a URI rewrite replaces: Istio's rewrite.uri replaces what a
// prefix match matched, and the whole path otherwise.
const StringMatch *prefixMatchOf(const HttpMatchRequest *matched)
{
    if (matched && matched->uri
        && (matched->uri->kind == StringMatch::Kind::Prefix || matched->uri->kind == StringMatch::Kind::PathPrefix))
        return &*matched->uri;
    return nullptr;
}

} // namespace

std::string RedirectRewrite::replacePrefix(const std::string &path, const std::string &prefix,
                                           const std::string &replacement)
{
    const std::string trimmed = trimTrailingSlash(prefix);
    const size_t query = path.find('?');
    const std::string bare = path.substr(0, query);
    const std::string rest = bare.size() >= trimmed.size() ? bare.substr(trimmed.size()) : std::string();
    std::string out = trimTrailingSlash(replacement) + rest;
    if (out.empty() || out.front() != '/')
        out.insert(out.begin(), '/');
    return query == std::string::npos ? out : out + path.substr(query);
}

RedirectOutcome RedirectRewrite::redirect(const HttpRoute &route, const HttpRequest &request, uint32_t listenerPort)
{
    const HttpRedirect &redirect = *route.redirect;
    RedirectOutcome outcome;
    outcome.status = redirect.redirectCode;
    outcome.scheme = redirect.scheme.empty() ? request.scheme : redirect.scheme;
    if (!redirect.gatewayApi) {
        const std::string authority = redirect.authority.empty() ? request.authority : redirect.authority;
        outcome.hostname = withoutPort(authority);
        if (redirect.port)
            outcome.port = redirect.port;
        else if (authority.size() > outcome.hostname.size()) {
            uint32_t port = 0;
            const char *first = authority.data() + outcome.hostname.size() + 1;
            const char *last = authority.data() + authority.size();
            if (std::from_chars(first, last, port).ptr == last)
                outcome.port = port;
        }
        outcome.path = redirect.uri.empty() ? request.path : redirect.uri;
        return outcome;
    }
    outcome.hostname = redirect.authority.empty() ? request.hostName() : redirect.authority;
    if (redirect.port)
        outcome.port = redirect.port;
    else if (!redirect.scheme.empty())
        outcome.port = redirect.scheme == "https" ? 443 : 80;
    else
        outcome.port = listenerPort;
    if ((outcome.scheme == "http" && outcome.port == 80u) || (outcome.scheme == "https" && outcome.port == 443u))
        outcome.port.reset();
    if (!redirect.uri.empty())
        outcome.path = redirect.uri;
    else if (redirect.replacePrefixMatch && route.origin)
        outcome.path = replacePrefix(request.path, route.origin->matchedPrefix, *redirect.replacePrefixMatch);
    else
        outcome.path = request.path;
    return outcome;
}

std::string RedirectRewrite::location(const RedirectOutcome &redirect)
{
    std::string text = redirect.scheme + "://" + redirect.hostname;
    if (redirect.port)
        text += ':' + std::to_string(*redirect.port);
    return text + redirect.path;
}

std::optional<RewriteOutcome> RedirectRewrite::rewrite(const HttpRoute &route, const HttpMatchRequest *matched,
                                                       const HttpRequest &request)
{
    if (!route.rewrite)
        return std::nullopt;
    const HttpRewrite &rewrite = *route.rewrite;
    RewriteOutcome outcome;
    outcome.hostname = rewrite.authority;
    if (rewrite.replacePrefixMatch && route.origin) {
        outcome.path = replacePrefix(request.path, route.origin->matchedPrefix, *rewrite.replacePrefixMatch);
    } else if (!rewrite.uri.empty()) {
        const StringMatch *prefix = route.origin ? nullptr : prefixMatchOf(matched);
        outcome.path = prefix && request.path.size() >= prefix->value.size()
            ? rewrite.uri + request.path.substr(prefix->value.size())
            : rewrite.uri;
    }
    if (outcome.hostname.empty() && outcome.path.empty())
        return std::nullopt;
    return outcome;
}

} // namespace meshlane
