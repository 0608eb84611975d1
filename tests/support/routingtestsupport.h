// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the routing and simulation tests: load a mesh from YAML
// text or a sample folder, and build requests in one line.

#include "load/manifestloader.h"
#include "routing/httprequest.h"
#include "routing/router.h"
#include "support/testdata.h"

#include <QByteArray>
#include <QTest>

#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

namespace meshlane::testing {

inline MeshPtr meshFromText(const std::string &yaml)
{
    LoadResult result = ManifestLoader().loadText("test.yaml", yaml);
    for (const Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.severity == Severity::Error)
            qWarning("unexpected load error: %s", diagnostic.toString().c_str());
    }
    return result.mesh;
}

inline std::string samplePath(const std::string &name)
{
    return test::samplePath(name);
}

inline MeshPtr sampleMesh(const std::string &name)
{
    return ManifestLoader().loadFolder(samplePath(name)).mesh;
}

inline std::shared_ptr<const Router> routerFor(const std::string &yaml)
{
    return std::make_shared<const Router>(meshFromText(yaml));
}

struct RequestSpec
{
    std::string host;
    std::string path = "/";
    std::initializer_list<std::pair<const char *, const char *>> headers = {};
    std::string method = "GET";
    std::string gateway = {};
    uint32_t port = 0;
    std::string sourceNamespace = "default";
    Labels sourceLabels = {};
    std::string scheme = "http";
};

inline HttpRequest makeRequest(const RequestSpec &spec)
{
    HttpRequest request;
    request.authority = spec.host;
    request.setPath(spec.path);
    for (const auto &[name, value] : spec.headers)
        request.addHeader(name, value);
    request.method = spec.method;
    request.gateway = spec.gateway;
    request.port = spec.port;
    request.sourceNamespace = spec.sourceNamespace;
    request.sourceLabels = spec.sourceLabels;
    request.scheme = spec.scheme;
    return request;
}

// Probability of the destination (host, subset) in a decision, 0 if absent.
inline double shareOf(const RouteDecision &decision, const std::string &subset)
{
    double share = 0;
    for (const DestinationOutcome &destination : decision.destinations) {
        if (destination.target.subset == subset)
            share += destination.probability;
    }
    return share;
}

inline std::string explanationText(const RouteDecision &decision)
{
    std::string text;
    for (const std::string &line : decision.explanation)
        text += line + '\n';
    return text;
}

// Two Services (app reviews with v1/v2/v3 pods, app ratings), a DestinationRule
// with subsets v1..v3 for reviews, in namespace default. Tests add their
// VirtualService text to it.
inline const char *kReviewsBase = R"(
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: reviews, version: v1}}
  template: {metadata: {labels: {app: reviews, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v2, namespace: default}
spec:
  replicas: 3
  selector: {matchLabels: {app: reviews, version: v2}}
  template: {metadata: {labels: {app: reviews, version: v2}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v3, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: reviews, version: v3}}
  template: {metadata: {labels: {app: reviews, version: v3}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
  - {name: v9, labels: {version: v9}}
---
apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: default}
spec:
  selector: {app: ratings}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ratings-v1, namespace: default}
spec:
  selector: {matchLabels: {app: ratings}}
  template: {metadata: {labels: {app: ratings, version: v1}}}
---
)";

// kReviewsBase plus a VirtualService for reviews whose `http:` list is `http`
// (YAML, indented by two spaces, starting with "  - ").
inline std::string reviewsMesh(const std::string &http, const std::string &extraSpec = {})
{
    return std::string(kReviewsBase) + R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
)" + extraSpec + "  http:\n" + http;
}

} // namespace meshlane::testing
