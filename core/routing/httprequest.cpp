// SPDX-License-Identifier: MIT
#include "routing/httprequest.h"

#include "base/textcompare.h"
#include "model/hostname.h"

#include <charconv>

namespace meshlane {

namespace {

// Where the authority's port starts (the ':' index), or npos. IPv6 literals
// ("[::1]:8080") keep their colons inside the brackets.
size_t portColon(const std::string &authority)
{
    const size_t colon = authority.rfind(':');
    if (colon == std::string::npos)
        return colon;
    const size_t bracket = authority.rfind(']');
    if (bracket != std::string::npos && bracket > colon)
        return std::string::npos;
    return colon;
}

} // namespace

void HttpRequest::setPath(std::string pathWithQuery)
{
    path = std::move(pathWithQuery);
    if (path.empty())
        path.push_back('/'); // (assigning "/" trips a GCC 12 -Wrestrict false positive)
    queryParams.clear();
    const size_t question = path.find('?');
    if (question == std::string::npos)
        return;
    size_t end = path.find('#', question);
    if (end == std::string::npos)
        end = path.size();
    size_t start = question + 1;
    while (start < end) {
        size_t amp = path.find('&', start);
        if (amp == std::string::npos || amp > end)
            amp = end;
        const std::string_view pair(path.data() + start, amp - start);
        if (!pair.empty()) {
            const size_t equals = pair.find('=');
            if (equals == std::string_view::npos)
                queryParams.emplace_back(std::string(pair), std::string());
            else
                queryParams.emplace_back(std::string(pair.substr(0, equals)), std::string(pair.substr(equals + 1)));
        }
        start = amp + 1;
    }
}

void HttpRequest::addQueryParam(const std::string &name, const std::string &value)
{
    const size_t hash = path.find('#');
    const std::string fragment = hash == std::string::npos ? std::string() : path.substr(hash);
    std::string base = hash == std::string::npos ? path : path.substr(0, hash);
    const size_t question = base.find('?');
    if (question == std::string::npos)
        base += '?';
    else if (question + 1 < base.size() && base.back() != '&')
        base += '&';
    base += name + '=' + value;
    path = base + fragment;
    queryParams.emplace_back(name, value);
}

void HttpRequest::addHeader(std::string_view name, const std::string &value)
{
    const std::string lower = toLower(std::string(name));
    for (Field &field : headers) {
        if (field.first == lower) {
            field.second += ',' + value;
            return;
        }
    }
    headers.emplace_back(lower, value);
}

const std::string *HttpRequest::header(std::string_view lowerName) const
{
    if (!lowerName.empty() && lowerName.front() == ':') {
        if (lowerName == ":authority")
            return &authority;
        if (lowerName == ":method")
            return &method;
        if (lowerName == ":scheme")
            return &scheme;
        if (lowerName == ":path")
            return &path;
        return nullptr;
    }
    if (lowerName == "host")
        return &authority;
    for (const Field &field : headers) {
        if (sameText(field.first, lowerName))
            return &field.second;
    }
    return nullptr;
}

const std::string *HttpRequest::queryParam(std::string_view name) const
{
    for (const Field &field : queryParams) {
        if (sameText(field.first, name))
            return &field.second;
    }
    return nullptr;
}

std::string_view HttpRequest::pathWithoutQuery() const
{
    // A plain loop: find_first_of calls memchr once per character.
    size_t end = 0;
    while (end < path.size() && path[end] != '?' && path[end] != '#')
        ++end;
    return std::string_view(path).substr(0, end);
}

std::string HttpRequest::hostName() const
{
    const size_t colon = portColon(authority);
    return toLower(colon == std::string::npos ? authority : authority.substr(0, colon));
}

uint32_t HttpRequest::authorityPort() const
{
    const size_t colon = portColon(authority);
    if (colon == std::string::npos)
        return 0;
    uint32_t number = 0;
    const char *begin = authority.data() + colon + 1;
    const char *end = authority.data() + authority.size();
    const auto [ptr, error] = std::from_chars(begin, end, number);
    if (error != std::errc() || ptr != end || number > 65535)
        return 0;
    return number;
}

std::optional<ConnectionProtocol> connectionProtocolFromName(const std::string &name)
{
    const std::string lower = toLower(name);
    if (lower == "http")
        return ConnectionProtocol::Http;
    if (lower == "tcp")
        return ConnectionProtocol::Tcp;
    if (lower == "tls")
        return ConnectionProtocol::Tls;
    return std::nullopt;
}

const char *connectionProtocolName(ConnectionProtocol protocol)
{
    switch (protocol) {
    case ConnectionProtocol::Http: return "http";
    case ConnectionProtocol::Tcp: return "tcp";
    case ConnectionProtocol::Tls: return "tls";
    }
    return "http";
}

void HttpRequest::defaultSniToHost()
{
    if (protocol != ConnectionProtocol::Tls)
        sni.clear();
    else if (sni.empty())
        sni = hostName();
}

} // namespace meshlane
