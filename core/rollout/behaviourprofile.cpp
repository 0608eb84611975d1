// SPDX-License-Identifier: MIT
#include "rollout/behaviourprofile.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <numbers>
#include <set>
#include <sstream>

namespace meshlane {

namespace {

struct ParseError
{
    int line = 0;
    std::string message;
};

[[noreturn]] void fail(const YAML::Node &node, const std::string &message)
{
    throw ParseError{node.Mark().line >= 0 ? node.Mark().line + 1 : 0, message};
}

double number(const YAML::Node &node, const char *key, double minimum, double maximum)
{
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value) || value < minimum
        || value > maximum)
        fail(node,
             std::string(key) + " must be a number from " + std::to_string(int(minimum)) + " to "
                 + (maximum >= 1e9 ? std::string("1e9") : std::to_string(int(maximum))));
    return value;
}

BehaviourProfile parseProfile(const YAML::Node &node)
{
    if (!node.IsMap())
        fail(node, "each behaviour entry must be a map with destination, errorRate, latencyMs");
    static const std::set<std::string> known = {"destination", "errorRate", "latencyMs"};
    for (const auto &entry : node) {
        if (!known.count(entry.first.Scalar()))
            fail(entry.first,
                 "unknown key '" + entry.first.Scalar()
                     + "' in a behaviour entry (expected destination, errorRate, latencyMs)");
    }
    BehaviourProfile profile;
    profile.line = node.Mark().line + 1;
    const YAML::Node destination = node["destination"];
    if (!destination || !destination.IsScalar() || destination.Scalar().empty())
        fail(destination ? destination : node, "a behaviour entry needs destination: HOST:SUBSET or a Service name");
    const std::string written = destination.Scalar();
    const size_t colon = written.find(':');
    profile.host = written.substr(0, colon);
    if (colon != std::string::npos) {
        profile.subset = written.substr(colon + 1);
        if (profile.host.empty() || profile.subset.empty())
            fail(destination, "destination must be HOST:SUBSET or a Service name");
    }
    if (node["errorRate"])
        profile.errorRate = number(node["errorRate"], "errorRate", 0, 1);
    if (const YAML::Node latency = node["latencyMs"]) {
        if (latency.IsScalar()) {
            profile.latencyP50Ms = profile.latencyP99Ms = number(latency, "latencyMs", 0, 1e9);
        } else if (latency.IsMap()) {
            for (const auto &entry : latency) {
                if (entry.first.Scalar() != "p50" && entry.first.Scalar() != "p99")
                    fail(entry.first, "unknown key '" + entry.first.Scalar() + "' in latencyMs (expected p50, p99)");
            }
            if (!latency["p50"] || !latency["p99"])
                fail(latency, "latencyMs needs both p50 and p99 (or one fixed number)");
            profile.latencyP50Ms = number(latency["p50"], "latencyMs.p50", 0, 1e9);
            profile.latencyP99Ms = number(latency["p99"], "latencyMs.p99", 0, 1e9);
            if (profile.latencyP99Ms < profile.latencyP50Ms)
                fail(latency, "latencyMs.p99 must be at least p50");
            if (profile.latencyP50Ms == 0 && profile.latencyP99Ms > 0)
                fail(latency, "latencyMs.p50 must be above 0 when p99 is (a log-normal needs it)");
        } else {
            fail(latency, "latencyMs must be a number or {p50: N, p99: N}");
        }
    }
    return profile;
}

} // namespace

bool BehaviourProfile::matches(const std::string &hostFqdn, const std::string &targetSubset) const
{
    const bool hostMatches = hostFqdn == host
        || (hostFqdn.size() > host.size() && hostFqdn.compare(0, host.size(), host) == 0
            && hostFqdn[host.size()] == '.');
    return hostMatches && (subset.empty() || subset == targetSubset);
}

double BehaviourProfile::drawLatencyMs(SeededRandom &random) const
{
    if (latencyP99Ms <= latencyP50Ms)
        return latencyP50Ms;
    // Log-normal with median p50 and 99th percentile p99: z(0.99) = 2.326348.
    const double sigma = std::log(latencyP99Ms / latencyP50Ms) / 2.3263478740408408;
    // Box-Muller from two 53-bit uniforms; u1 is kept away from 0.
    const double u1 = (double(random.next() >> 11) + 1.0) * 0x1.0p-53;
    const double u2 = double(random.next() >> 11) * 0x1.0p-53;
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    return latencyP50Ms * std::exp(sigma * z);
}

std::optional<std::vector<BehaviourProfile>> BehaviourProfile::listFromYaml(const std::string &text, std::string *error)
{
    try {
        const YAML::Node root = YAML::Load(text);
        std::vector<BehaviourProfile> profiles;
        if (!root.IsMap())
            return profiles;
        const YAML::Node list = root["behaviour"];
        if (!list || list.IsNull())
            return profiles;
        if (!list.IsSequence())
            fail(list, "behaviour must be a list of {destination, errorRate, latencyMs}");
        for (const YAML::Node &node : list)
            profiles.push_back(parseProfile(node));
        return profiles;
    } catch (const ParseError &problem) {
        if (error)
            *error =
                (problem.line > 0 ? "line " + std::to_string(problem.line) + ": " : std::string()) + problem.message;
    } catch (const YAML::Exception &problem) {
        if (error)
            *error = (problem.mark.line >= 0 ? "line " + std::to_string(problem.mark.line + 1) + ": " : std::string())
                + problem.msg;
    }
    return std::nullopt;
}

std::string BehaviourProfile::withoutBehaviour(const std::string &text)
{
    std::istringstream in(text);
    std::string result;
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        const bool topLevel = !line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#'
            && line[0] != '-'; // a list may start at column 0 under its key
        if (topLevel)
            inside = line.compare(0, 10, "behaviour:") == 0;
        result += inside ? std::string("#") : line;
        result += '\n';
    }
    return result;
}

const BehaviourProfile *BehaviourProfile::find(const std::vector<BehaviourProfile> &profiles,
                                               const std::string &hostFqdn, const std::string &subset)
{
    const BehaviourProfile *hostOnly = nullptr;
    for (const BehaviourProfile &profile : profiles) {
        if (!profile.matches(hostFqdn, subset))
            continue;
        if (!profile.subset.empty())
            return &profile;
        if (!hostOnly)
            hostOnly = &profile;
    }
    return hostOnly;
}

} // namespace meshlane
