// SPDX-License-Identifier: MIT
// meshgen: writes a synthetic but valid Istio mesh (Services, Deployments,
// DestinationRules, VirtualServices, one ingress Gateway) for load, benchmark
// and fuzz-seed tests of Meshlane. Output depends only on the arguments: the
// same arguments give byte-identical files, so generated meshes can be
// regenerated in CI instead of being checked in.
//
// Standalone on purpose (C++20 standard library only, no Qt, no meshlane_core)
// so it can never share a bug with the loader it is used to test.
//
//   g++ -std=c++20 -O2 -Wall -Wextra -o meshgen tests/tools/meshgen.cpp

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int kExitUsage = 64; // EX_USAGE, as istioctl analyze uses
constexpr int kExitIo = 74;    // EX_IOERR

const char *const kUsage =
    "usage: meshgen --services N --versions K --out DIR [--namespace NS] [--seed S]\n"
    "               [--files-per-kind]\n"
    "\n"
    "  --services N      number of services, 1..9999 (named svc-0001 ...)\n"
    "  --versions K      versions per service, 1..50 (v1 ... vK)\n"
    "  --out DIR         output directory (created if missing; same-named files are\n"
    "                    overwritten, other files are left alone)\n"
    "  --namespace NS    metadata.namespace for every object (default: default)\n"
    "  --seed S          unsigned 64-bit seed for replicas and weights (default: 1)\n"
    "  --files-per-kind  write services/deployments/destination-rules/\n"
    "                    virtual-services.yaml instead of one file per service\n"
    "\n"
    "Every 5th service gets a first route matching `x-canary: \"true\"` -> vK;\n"
    "every 10th gets an ingress VirtualService on gateway `mesh-gateway`.\n";

// SplitMix64: tiny, well-mixed and fully specified, unlike std:: distributions
// whose output may differ between standard libraries.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

// Integer weights summing to exactly 100 (largest remainder method). Ties go to
// the lower version so the result is deterministic.
std::vector<int> splitHundred(SplitMix64 &rng, int k)
{
    std::vector<long> raw(k);
    for (auto &r : raw)
        r = 1 + rng.below(100);
    const long total = std::accumulate(raw.begin(), raw.end(), 0L);
    std::vector<int> w(k);
    std::vector<long> rem(k);
    int given = 0;
    for (int j = 0; j < k; ++j) {
        w[j] = static_cast<int>(100 * raw[j] / total);
        rem[j] = 100 * raw[j] % total;
        given += w[j];
    }
    std::vector<int> order(k);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rem[a] > rem[b]; });
    for (int j = 0; given < 100; ++j, ++given)
        ++w[order[j]];
    return w;
}

struct Options {
    int services = 0, versions = 0;
    std::string out, ns = "default";
    std::uint64_t seed = 1;
    bool perKind = false;
};

template <typename T> bool parseNumber(std::string_view s, T &v)
{
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

bool isDnsLabel(std::string_view s)
{
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-')
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

int usageError(const std::string &msg)
{
    std::cerr << "meshgen: " << msg << "\n\n" << kUsage;
    return kExitUsage;
}

// One kind of object per string, so both file layouts are just concatenations.
struct ServiceDocs {
    std::string name, service, deployments, destinationRule, virtualService, ingress;
};

std::string doc(const std::string &body) { return "---\n" + body; }

ServiceDocs generate(const Options &o, int i)
{
    const std::string num = std::to_string(i), k = std::to_string(o.versions);
    const std::string name = "svc-" + std::string(4 - std::min<size_t>(4, num.size()), '0') + num;
    // Per-service stream: a service's output does not depend on --services.
    SplitMix64 rng{o.seed ^ (0xD1B54A32D192ED03ull * static_cast<std::uint64_t>(i))};
    const auto meta = [&](const std::string &n) {
        return "metadata:\n  name: " + n + "\n  namespace: " + o.ns + "\n";
    };
    ServiceDocs d;
    d.name = name;

    d.service = doc("apiVersion: v1\nkind: Service\n" + meta(name) + "  labels:\n    app: " + name +
                    "\nspec:\n  selector:\n    app: " + name +
                    "\n  ports:\n  - name: http\n    port: 8080\n    targetPort: 8080\n");

    for (int v = 1; v <= o.versions; ++v) {
        const std::string ver = "v" + std::to_string(v);
        const auto labels = [&](const std::string &pad) {
            return pad + "app: " + name + "\n" + pad + "version: " + ver + "\n";
        };
        d.deployments += doc("apiVersion: apps/v1\nkind: Deployment\n" + meta(name + "-" + ver) +
                             "  labels:\n" + labels("    ") +
                             "spec:\n  replicas: " + std::to_string(1 + rng.below(3)) + "\n" +
                             "  selector:\n    matchLabels:\n" + labels("      ") +
                             "  template:\n    metadata:\n      labels:\n" + labels("        ") +
                             "    spec:\n      containers:\n      - name: app\n" +
                             "        image: registry.example.com/meshgen/" + name + ":" + ver + "\n" +
                             "        ports:\n        - containerPort: 8080\n");
    }

    std::string subsets;
    for (int v = 1; v <= o.versions; ++v)
        subsets += "  - name: v" + std::to_string(v) + "\n    labels:\n      version: v" +
                   std::to_string(v) + "\n";
    d.destinationRule = doc("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n" +
                            meta(name) + "spec:\n  host: " + name + "\n  subsets:\n" + subsets);

    std::string http;
    if (i % 5 == 0)
        http += "  # canary testers opt in to the newest version\n"
                "  - match:\n    - headers:\n        x-canary:\n          exact: \"true\"\n"
                "    route:\n    - destination:\n        host: " + name + "\n        subset: v" + k + "\n";
    const std::vector<int> weights = splitHundred(rng, o.versions);
    http += "  - route:\n";
    for (int v = 1; v <= o.versions; ++v)
        http += "    - destination:\n        host: " + name + "\n        subset: v" +
                std::to_string(v) + "\n      weight: " + std::to_string(weights[v - 1]) + "\n";
    d.virtualService = doc("apiVersion: networking.istio.io/v1\nkind: VirtualService\n" + meta(name) +
                           "spec:\n  hosts:\n  - " + name + "\n  http:\n" + http);

    if (i % 10 == 0)
        d.ingress = doc("apiVersion: networking.istio.io/v1\nkind: VirtualService\n" +
                        meta(name + "-ingress") + "spec:\n  hosts:\n  - " + name +
                        ".example.com\n  gateways:\n  - mesh-gateway\n  http:\n  - route:\n" +
                        "    - destination:\n        host: " + name +
                        "\n        port:\n          number: 8080\n");
    return d;
}

bool writeFile(const std::filesystem::path &path, const std::string &text)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc); // binary: "\n" on every OS
    f << text;
    f.close();
    if (!f)
        std::cerr << "meshgen: cannot write " << path.string() << "\n";
    return static_cast<bool>(f);
}

} // namespace

int main(int argc, char **argv)
{
    Options o; // services/versions stay 0 until given, which marks them missing
    for (int a = 1; a < argc; ++a) {
        const std::string_view arg = argv[a];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (arg == "--files-per-kind") {
            o.perKind = true;
            continue;
        }
        const bool valued = arg == "--services" || arg == "--versions" || arg == "--out" ||
                            arg == "--namespace" || arg == "--seed";
        if (!valued)
            return usageError("unknown argument '" + std::string(arg) + "'");
        if (a + 1 >= argc)
            return usageError(std::string(arg) + " needs a value");
        const std::string_view val = argv[++a];
        if (arg == "--services" &&
            (!parseNumber(val, o.services) || o.services < 1 || o.services > 9999))
            return usageError("--services must be an integer in 1..9999");
        if (arg == "--versions" &&
            (!parseNumber(val, o.versions) || o.versions < 1 || o.versions > 50))
            return usageError("--versions must be an integer in 1..50");
        if (arg == "--seed" && !parseNumber(val, o.seed))
            return usageError("--seed must be an unsigned 64-bit integer");
        if (arg == "--namespace" && !isDnsLabel(val))
            return usageError("--namespace must be a DNS label (a-z, 0-9, '-', at most 63)");
        if (arg == "--namespace")
            o.ns = val;
        if (arg == "--out")
            o.out = val;
    }
    if (o.services == 0 || o.versions == 0 || o.out.empty())
        return usageError("--services, --versions and a non-empty --out are required");

    const std::filesystem::path dir(o.out);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir)) {
        std::cerr << "meshgen: cannot create directory " << o.out << ": " << ec.message() << "\n";
        return kExitIo;
    }

    // (file name, documents); everything is built first, then written in order.
    std::vector<std::pair<std::string, std::string>> files;
    ServiceDocs all;
    for (int i = 1; i <= o.services; ++i) {
        const ServiceDocs d = generate(o, i);
        if (!o.perKind) {
            files.emplace_back(d.name + ".yaml", d.service + d.deployments + d.destinationRule +
                                                     d.virtualService + d.ingress);
            continue;
        }
        all.service += d.service;
        all.deployments += d.deployments;
        all.destinationRule += d.destinationRule;
        all.virtualService += d.virtualService + d.ingress;
    }
    if (o.perKind) {
        files.emplace_back("services.yaml", all.service);
        files.emplace_back("deployments.yaml", all.deployments);
        files.emplace_back("destination-rules.yaml", all.destinationRule);
        files.emplace_back("virtual-services.yaml", all.virtualService);
    }
    files.emplace_back("gateway.yaml",
                       doc("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
                           "  name: mesh-gateway\n  namespace: " + o.ns + "\nspec:\n  selector:\n"
                           "    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n"
                           "      name: http\n      protocol: HTTP\n    hosts:\n    - \"*.example.com\"\n"));

    const std::string header = "# Generated by meshgen (seed " + std::to_string(o.seed) +
                               ", namespace " + o.ns + "). Regenerate instead of editing.\n";
    for (const auto &[name, text] : files)
        if (!writeFile(dir / name, header + text))
            return kExitIo;
    std::cerr << "meshgen: wrote " << files.size() << " files to " << o.out << "\n";
    return 0;
}
