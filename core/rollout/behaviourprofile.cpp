// SPDX-License-Identifier: MIT
#include "rollout/behaviourprofile.h"

#include "load/untrustedyaml.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
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

// The standard normal's quantile function, by Peter Acklam's rational
// approximation (relative error below 1.2e-9): plenty for a latency model.
double inverseNormal(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low)
        return -inverseNormal(1 - p);
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

} // namespace

bool BehaviourProfile::matches(const std::string &hostFqdn, const std::string &targetSubset) const
{
    const bool hostMatches = hostFqdn == host
        || (hostFqdn.size() > host.size() && hostFqdn.compare(0, host.size(), host) == 0
            && hostFqdn[host.size()] == '.');
    return hostMatches && (subset.empty() || subset == targetSubset);
}

std::vector<double> BehaviourProfile::latencyQuantiles() const
{
    std::vector<double> table(kLatencyQuantiles, latencyP50Ms);
    if (fixedLatency())
        return table;
    // Log-normal with median p50 and 99th percentile p99: z(0.99) = 2.326348.
    const double sigma = std::log(latencyP99Ms / latencyP50Ms) / 2.3263478740408408;
    for (size_t i = 0; i < table.size(); ++i)
        table[i] = latencyP50Ms * std::exp(sigma * inverseNormal((double(i) + 0.5) / double(table.size())));
    return table;
}

Result<std::vector<BehaviourProfile>> BehaviourProfile::listFromYaml(const std::string &text)
{
    try {
        const YAML::Node root = UntrustedYaml::load(text);
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
        return Result<std::vector<BehaviourProfile>>::failure(
            (problem.line > 0 ? "line " + std::to_string(problem.line) + ": " : std::string()) + problem.message);
    } catch (const YAML::Exception &problem) {
        return Result<std::vector<BehaviourProfile>>::failure(
            (problem.mark.line >= 0 ? "line " + std::to_string(problem.mark.line + 1) + ": " : std::string())
            + problem.msg);
    }
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
