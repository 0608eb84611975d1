// SPDX-License-Identifier: MIT
#pragma once

// Random VirtualService route tables and requests, to hold the router to the
// naive answer of "which route takes this request": RequestWitness's in-order
// scan of the http routes, every match block tested as written. The router
// compiles tables, indexes them by path prefix and shares them between
// proxies; any disagreement with the scan is a bug in that machinery (or in
// the witnesses the analyzer prints). Shared by tst_routeroracle (a property
// test) and fuzz_routeroracle (the same check driven by libFuzzer).

#include "analysis/requestwitness.h"
#include "routing/httprequest.h"
#include "routing/router.h"

#include <random>
#include <string>
#include <vector>

namespace meshlane::testing {

// One Service with two http ports and three versions, and room for a VirtualService.
inline const char *kOracleBase = R"(apiVersion: v1
kind: Service
metadata: {name: shop, namespace: default}
spec:
  selector: {app: shop}
  ports: [{name: http, port: 9080}, {name: http-admin, port: 9081}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop-v1, namespace: default}
spec:
  selector: {matchLabels: {app: shop, version: v1}}
  template: {metadata: {labels: {app: shop, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop-v2, namespace: default}
spec:
  selector: {matchLabels: {app: shop, version: v2}}
  template: {metadata: {labels: {app: shop, version: v2}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: shop, namespace: default}
spec:
  host: shop
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
)";

class RandomRouteTables
{
public:
    explicit RandomRouteTables(uint64_t seed) : m_random(seed) {}

    // A VirtualService for host shop: 1-7 http routes, each with 0-3 match
    // blocks of 0-4 conditions drawn from small alphabets, so requests often
    // meet several candidates and the order decides.
    std::string virtualService()
    {
        std::string yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                           "metadata: {name: shop, namespace: default}\nspec:\n  hosts: [shop]\n  http:\n";
        const int routes = 1 + pick(7);
        for (int r = 0; r < routes; ++r) {
            yaml += "  - name: r" + std::to_string(r) + "\n";
            const int blocks = pick(4);
            if (blocks > 0)
                yaml += "    match:\n";
            for (int b = 0; b < blocks; ++b)
                yaml += block();
            yaml += std::string("    route: [{destination: {host: shop, subset: ") + (pick(2) ? "v1" : "v2") + "}}]\n";
        }
        return yaml;
    }

    HttpRequest request()
    {
        HttpRequest request;
        request.sourceNamespace = oneOf({"default", "default", "test"});
        // A short name means the caller's namespace: only callers in default may use it.
        request.authority = request.sourceNamespace == "default"
            ? oneOf({"shop", "shop.default", "shop.default.svc.cluster.local", "SHOP", "shop:9080"})
            : oneOf({"shop.default", "shop.default.svc.cluster.local", "Shop.Default"});
        request.port = pick(4) ? 9080 : 9081;
        std::string path = oneOf({"/", "/a", "/a/", "/a/b", "/ab", "/A/b", "/b", "/b/a", "/api/v1", "/api/v2"});
        if (pick(3) == 0)
            path += std::string("?") + oneOf({"q=1", "q=2", "user=ann", "q=1&user=bob", "flag"});
        request.setPath(path);
        request.method = oneOf({"GET", "GET", "POST", "PUT"});
        if (pick(2))
            request.addHeader("x-user", oneOf({"ann", "bob", "annie", "Ann", ""}));
        if (pick(3) == 0)
            request.addHeader("x-canary", oneOf({"1", "true"}));
        if (pick(2))
            request.sourceLabels = {{"app", oneOf({"web", "batch"})}};
        return request;
    }

private:
    int pick(int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(m_random)); }
    const char *oneOf(std::initializer_list<const char *> values) { return values.begin()[pick(int(values.size()))]; }

    std::string stringMatch(std::initializer_list<const char *> exact, std::initializer_list<const char *> regex)
    {
        switch (pick(3)) {
        case 0: return std::string("{exact: \"") + oneOf(exact) + "\"}";
        case 1: return std::string("{prefix: \"") + oneOf(exact) + "\"}";
        default: return std::string("{regex: \"") + oneOf(regex) + "\"}";
        }
    }

    std::string block()
    {
        std::string fields;
        const int conditions = pick(5);
        bool used[7] = {};
        for (int c = 0; c < conditions; ++c) {
            const int kind = pick(7);
            if (used[kind])
                continue; // a key written twice would be refused, as kubectl refuses it
            used[kind] = true;
            switch (kind) {
            case 0: fields += "uri: " + stringMatch({"/", "/a", "/a/b", "/ab", "/api"}, {"/a.*", "/[ab]/.*", "/api/v[0-9]+", ".*"}) + ", ";
                    if (pick(4) == 0) fields += "ignoreUriCase: true, ";
                    break;
            case 1: fields += "headers: {x-user: " + (pick(5) == 0 ? std::string("{}") : stringMatch({"ann", "bob", "an"}, {"an+.*", "b.b", ""})) + "}, "; break;
            case 2: fields += "withoutHeaders: {x-canary: " + stringMatch({"1", "true"}, {"[0-9]+", "t.*"}) + "}, "; break;
            case 3: fields += "queryParams: {q: " + stringMatch({"1", "2"}, {"[12]", "1.*"}) + "}, "; break;
            case 4: fields += "method: " + stringMatch({"GET", "POST"}, {"P.*", "GET|PUT"}) + ", "; break;
            case 5: fields += std::string("port: ") + (pick(2) ? "9080" : "9081") + ", ";
                    if (pick(2)) fields += pick(2) ? "sourceLabels: {app: web}, " : "sourceNamespace: test, ";
                    break;
            default: fields += std::string("gateways: [") + oneOf({"mesh", "default/edge", "edge", "mesh, edge"}) + "], "; break;
            }
        }
        if (fields.empty())
            return "    - {}\n";
        return "    - {" + fields.substr(0, fields.size() - 2) + "}\n";
    }

    std::mt19937_64 m_random;
};

} // namespace meshlane::testing
