// SPDX-License-Identifier: MIT
#include "routing/requestarguments.h"

#include "base/ipprefix.h"

#include <algorithm>
#include <charconv>

namespace meshlane {

namespace {

std::string trimmed(const std::string &text)
{
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// "k=v" -> (k, v); the value may contain '=' and may be empty, the name may not.
bool splitPair(const std::string &text, std::string *name, std::string *value)
{
    const size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        return false;
    *name = trimmed(text.substr(0, equals));
    *value = text.substr(equals + 1);
    return !name->empty();
}

const std::string *last(const RequestArguments &arguments, const char *name)
{
    const auto found = arguments.find(name);
    return found == arguments.end() || found->second.empty() ? nullptr : &found->second.back();
}

const std::vector<std::string> &all(const RequestArguments &arguments, const char *name)
{
    static const std::vector<std::string> none;
    const auto found = arguments.find(name);
    return found == arguments.end() ? none : found->second;
}

Result<void> applyHttp(const RequestArguments &arguments, HttpRequest &request)
{
    const auto fail = Result<void>::failure;
    if (const std::string *host = last(arguments, "host")) {
        if (trimmed(*host).empty())
            return fail("--host needs a value");
        request.authority = trimmed(*host);
    }
    if (const std::string *text = last(arguments, "port")) {
        unsigned port = 0;
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), port);
        if (error != std::errc() || end != text->data() + text->size() || port == 0 || port > 65535)
            return fail("--port must be a number from 1 to 65535, not '" + *text + '\'');
        request.port = port;
    }
    if (const std::string *method = last(arguments, "method")) {
        request.method = trimmed(*method);
        if (request.method.empty())
            return fail("--method needs a value");
    }
    if (const std::string *path = last(arguments, "path")) {
        if (path->empty() || path->front() != '/')
            return fail("--path must start with '/', not '" + *path + '\'');
        request.setPath(*path);
    }
    for (const std::string &header : all(arguments, "header")) {
        std::string name, value;
        if (!splitPair(header, &name, &value))
            return fail("--header wants name=value, not '" + header + '\'');
        request.addHeader(name, value);
    }
    for (const std::string &query : all(arguments, "query")) {
        std::string name, value;
        if (!splitPair(query, &name, &value))
            return fail("--query wants name=value, not '" + query + '\'');
        request.addQueryParam(name, value);
    }
    if (const std::string *text = last(arguments, "gateway")) {
        const std::string gateway = trimmed(*text);
        const size_t slash = gateway.find('/');
        if (slash == std::string::npos || slash == 0 || slash == gateway.size() - 1
            || gateway.find('/', slash + 1) != std::string::npos)
            return fail("--gateway wants namespace/name, not '" + gateway + '\'');
        request.gateway = gateway;
    }
    if (const std::string *labels = last(arguments, "source-labels")) {
        size_t start = 0;
        while (start <= labels->size()) {
            const size_t comma = std::min(labels->find(',', start), labels->size());
            const std::string pair = labels->substr(start, comma - start);
            start = comma + 1;
            if (pair.empty())
                continue;
            std::string name, value;
            if (!splitPair(pair, &name, &value))
                return fail("--source-labels wants k=v,k2=v2, not '" + *labels + '\'');
            request.sourceLabels[name] = trimmed(value);
        }
    }
    if (const std::string *ns = last(arguments, "source-namespace")) {
        request.sourceNamespace = trimmed(*ns);
        if (request.sourceNamespace.empty())
            return fail("--source-namespace needs a value");
    }
    return {};
}

Result<void> applyConnection(const RequestArguments &arguments, HttpRequest &request)
{
    const auto fail = Result<void>::failure;
    if (const std::string *name = last(arguments, "protocol")) {
        const std::optional<ConnectionProtocol> protocol = connectionProtocolFromName(trimmed(*name));
        if (!protocol)
            return fail("--protocol must be http, tcp or tls, not '" + *name + '\'');
        request.protocol = *protocol;
    }
    if (const std::string *sni = last(arguments, "sni")) {
        if (request.protocol != ConnectionProtocol::Tls)
            return fail("--sni needs --protocol tls");
        request.sni = trimmed(*sni);
    } else {
        request.defaultSniToHost();
    }
    if (const std::string *text = last(arguments, "destination-ip")) {
        const std::string address = trimmed(*text);
        if (!IpPrefix::address(address))
            return fail("--destination-ip wants an IPv4 or IPv6 address, not '" + address + '\'');
        request.destinationIp = address;
    }
    return {};
}

} // namespace

const std::vector<std::string> &requestArgumentNames()
{
    static const std::vector<std::string> names = {"host",    "port",          "method",           "path",
                                                   "header",  "query",         "gateway",          "source-labels",
                                                   "source-namespace", "protocol", "sni",          "destination-ip"};
    return names;
}

Result<void> applyRequestArguments(const RequestArguments &arguments, HttpRequest &request)
{
    if (Result<void> http = applyHttp(arguments, request); !http)
        return http;
    return applyConnection(arguments, request);
}

Result<RequestArguments> splitRequestArguments(const std::string &commandLine)
{
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    for (size_t i = 0; i < commandLine.size(); ++i) {
        const char c = commandLine[i];
        if (c == '\'') {
            const size_t close = commandLine.find('\'', i + 1);
            if (close == std::string::npos)
                return Result<RequestArguments>::failure("a quote opened at column " + std::to_string(i + 1)
                                                         + " is never closed");
            word += commandLine.substr(i + 1, close - i - 1);
            inWord = true;
            i = close;
        } else if (c == '\\' && i + 1 < commandLine.size()) {
            word += commandLine[++i];
            inWord = true;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (inWord)
                words.push_back(std::move(word));
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push_back(std::move(word));

    RequestArguments arguments;
    const std::vector<std::string> &names = requestArgumentNames();
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string &option = words[i];
        const std::string name = option.rfind("--", 0) == 0 ? option.substr(2) : std::string();
        if (std::find(names.begin(), names.end(), name) == names.end())
            return Result<RequestArguments>::failure("unknown option '" + option + '\'');
        if (i + 1 >= words.size())
            return Result<RequestArguments>::failure(option + " needs a value");
        arguments[name].push_back(words[++i]);
    }
    return arguments;
}

} // namespace meshlane
