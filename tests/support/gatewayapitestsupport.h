// SPDX-License-Identifier: MIT
#pragma once

// What the Gateway API routing tests share: a base mesh of backends, a Router
// over it plus a scenario, and short answers ("infra-backend-v1", "404").

#include "support/routingtestsupport.h"

#include <memory>
#include <string>

namespace meshlane::testing {

inline std::string baseYaml()
{
    QFile file(test::testData(QStringLiteral("gatewayapi/base.yaml")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/gatewayapi/base.yaml is missing");
    return file.readAll().toStdString();
}

inline std::shared_ptr<const Router> routesOver(const std::string &yaml)
{
    return routerFor(baseYaml() + "\n---\n" + yaml);
}

inline std::string shortName(const std::string &host) { return host.substr(0, host.find('.')); }

// "infra-backend-v1", "404", "500", "302 http://...", "a:0.7,b:0.3".
inline std::string reach(const RouteDecision &decision)
{
    switch (decision.action) {
    case RouteAction::NoRoute: return "404";
    case RouteAction::Redirect: return std::to_string(decision.status) + ' ' + decision.redirectLocation;
    case RouteAction::DirectResponse:
    case RouteAction::Failure: return std::to_string(decision.status);
    case RouteAction::Forward: break;
    }
    if (decision.destinations.size() == 1)
        return decision.destinations.front().target.status == 200 ? shortName(decision.destinations.front().target.host)
                                                                    : std::to_string(decision.destinations.front().target.status);
    std::string text;
    for (const DestinationOutcome &destination : decision.destinations) {
        char share[16];
        std::snprintf(share, sizeof share, "%.2g", destination.probability);
        text += (text.empty() ? "" : ",")
            + (destination.target.status == 200 ? shortName(destination.target.host)
                                                : std::to_string(destination.target.status))
            + ':' + share;
    }
    return text;
}

inline std::string via(const Router &router, const std::string &gateway, RequestSpec spec)
{
    spec.gateway = gateway;
    if (spec.host.empty())
        spec.host = "gateway.example";
    return reach(router.route(makeRequest(spec)));
}

inline constexpr const char *kMatching = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: matching, namespace: infra}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /}
    - headers: [{name: version, value: one}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches:
    - path: {type: PathPrefix, value: /v2}
    - headers: [{name: version, value: two}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
)";

} // namespace meshlane::testing
