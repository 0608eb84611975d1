// SPDX-License-Identifier: MIT
#include "simulation/trafficmix.h"

#include "base/ipprefix.h"
#include "load/untrustedyaml.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <iomanip>
#include <optional>
#include <set>
#include <sstream>

namespace meshlane {

namespace {

struct ParseError
{
    std::string message;
};

[[noreturn]] void fail(const YAML::Node &node, const std::string &message)
{
    const YAML::Mark mark = node.Mark();
    throw ParseError{(mark.line >= 0 ? "line " + std::to_string(mark.line + 1) + ": " : std::string()) + message};
}

std::string scalar(const YAML::Node &node, const char *key)
{
    if (!node.IsScalar())
        fail(node, std::string(key) + " must be a single value");
    return node.Scalar();
}

// Shares and rates are bounded so that the integer arithmetic built on them
// (millionths of a share, summed over every class; requests per step) cannot
// overflow: a million times a million per class leaves room for millions of classes.
constexpr double kMaxShare = 1e6;
constexpr double kMaxRequestsPerSecond = 1e6;

double number(const YAML::Node &node, const char *key, double minimum,
              std::optional<double> maximum = std::nullopt)
{
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value) || value < minimum
        || (maximum && value > *maximum)) {
        std::ostringstream range;
        range << std::fixed << std::setprecision(0) << key << " must be a number ";
        if (maximum)
            range << "from " << minimum << " to " << *maximum;
        else
            range << ">= " << minimum;
        fail(node, range.str());
    }
    return value;
}

std::vector<std::pair<std::string, std::string>> stringMap(const YAML::Node &node, const char *key)
{
    if (!node.IsMap())
        fail(node, std::string(key) + " must be a map of names to values");
    std::vector<std::pair<std::string, std::string>> result;
    for (const auto &entry : node) {
        if (!entry.first.IsScalar() || !entry.second.IsScalar())
            fail(entry.first, std::string(key) + " entries must be name: value");
        result.emplace_back(entry.first.Scalar(), entry.second.Scalar());
    }
    return result;
}

RequestClass parseClass(const YAML::Node &node, size_t index, const HttpRequest &defaults)
{
    if (!node.IsMap())
        fail(node, "each class must be a map");
    RequestClass requestClass;
    requestClass.name = "class " + std::to_string(index + 1);
    requestClass.request = defaults;
    HttpRequest &request = requestClass.request;
    static const std::set<std::string> known = {"name",  "share",   "host",  "port",          "method",
                                                "scheme", "path",   "headers", "query",       "source_labels",
                                                "source_namespace", "gateway", "protocol", "sni",
                                                "destination_ip"};
    for (const auto &entry : node) {
        const std::string key = entry.first.Scalar();
        if (!known.count(key))
            fail(entry.first, "unknown key '" + key + "' in a class");
    }
    if (node["name"])
        requestClass.name = scalar(node["name"], "name");
    if (node["share"])
        requestClass.share = number(node["share"], "share", 0, kMaxShare);
    if (node["host"]) {
        request.authority = scalar(node["host"], "host");
        request.port = 0;
    }
    if (node["port"]) {
        const double port = number(node["port"], "port", 1);
        if (port > 65535 || port != std::floor(port))
            fail(node["port"], "port must be a whole number from 1 to 65535");
        request.port = uint32_t(port);
    }
    if (node["method"])
        request.method = scalar(node["method"], "method");
    if (node["scheme"])
        request.scheme = scalar(node["scheme"], "scheme");
    if (node["path"])
        request.setPath(scalar(node["path"], "path"));
    if (node["headers"]) {
        request.headers.clear();
        for (const auto &[name, value] : stringMap(node["headers"], "headers"))
            request.addHeader(name, value);
    }
    if (node["query"]) {
        for (const auto &[name, value] : stringMap(node["query"], "query"))
            request.addQueryParam(name, value);
    }
    if (node["source_labels"]) {
        request.sourceLabels.clear();
        for (const auto &[key, value] : stringMap(node["source_labels"], "source_labels"))
            request.sourceLabels[key] = value;
    }
    if (node["source_namespace"])
        request.sourceNamespace = scalar(node["source_namespace"], "source_namespace");
    if (node["gateway"]) {
        request.gateway = scalar(node["gateway"], "gateway");
        if (!request.gateway.empty() && request.gateway.find('/') == std::string::npos)
            fail(node["gateway"], "gateway must be written namespace/name");
    }
    if (node["protocol"]) {
        const std::optional<ConnectionProtocol> protocol = connectionProtocolFromName(scalar(node["protocol"], "protocol"));
        if (!protocol)
            fail(node["protocol"], "protocol must be http, tcp or tls");
        request.protocol = *protocol;
    }
    if (node["sni"]) {
        request.sni = scalar(node["sni"], "sni");
        if (request.protocol != ConnectionProtocol::Tls)
            fail(node["sni"], "sni needs protocol: tls");
    } else if (request.protocol == ConnectionProtocol::Tls && (node["host"] || request.sni.empty())) {
        request.sni = request.hostName(); // a TLS client names the host it calls
    }
    if (request.protocol != ConnectionProtocol::Tls)
        request.sni.clear();
    if (node["destination_ip"]) {
        request.destinationIp = scalar(node["destination_ip"], "destination_ip");
        if (!IpPrefix::address(request.destinationIp))
            fail(node["destination_ip"], "destination_ip must be an IPv4 or IPv6 address");
    }
    if (request.authority.empty())
        fail(node, "class '" + requestClass.name + "' has no host (give one here or with --host)");
    return requestClass;
}

} // namespace

TrafficMix TrafficMix::single(const HttpRequest &request, double requestsPerSecond)
{
    TrafficMix mix;
    mix.requestsPerSecond = requestsPerSecond;
    mix.classes.push_back({"all", 1, request});
    return mix;
}

Result<TrafficMix> TrafficMix::fromYaml(const std::string &text, const HttpRequest &defaults)
{
    try {
        const YAML::Node root = UntrustedYaml::load(text);
        if (!root.IsMap())
            fail(root, "a traffic mix is a map with `classes:`");
        for (const auto &entry : root) {
            const std::string key = entry.first.Scalar();
            if (key != "requests_per_second" && key != "classes")
                fail(entry.first, "unknown key '" + key + "' (expected requests_per_second, classes)");
        }
        TrafficMix mix;
        if (root["requests_per_second"])
            mix.requestsPerSecond = number(root["requests_per_second"], "requests_per_second", 0, kMaxRequestsPerSecond);
        const YAML::Node classes = root["classes"];
        if (!classes || !classes.IsSequence() || classes.size() == 0)
            fail(classes ? classes : root, "classes must be a non-empty list");
        double total = 0;
        for (size_t i = 0; i < classes.size(); ++i) {
            mix.classes.push_back(parseClass(classes[i], i, defaults));
            total += mix.classes.back().share;
        }
        if (!(total > 0))
            fail(classes, "the shares add up to 0: no request would be sent");
        return mix;
    } catch (const ParseError &problem) {
        return Result<TrafficMix>::failure(problem.message);
    } catch (const YAML::Exception &problem) {
        return Result<TrafficMix>::failure(
            (problem.mark.line >= 0 ? "line " + std::to_string(problem.mark.line + 1) + ": " : std::string())
            + problem.msg);
    }
}

std::vector<int64_t> TrafficMix::cumulativeShares() const
{
    std::vector<int64_t> cumulative;
    int64_t running = 0;
    for (const RequestClass &requestClass : classes) {
        running += std::llround(requestClass.share * 1e6);
        cumulative.push_back(running);
    }
    return cumulative;
}

} // namespace meshlane
