// SPDX-License-Identifier: MIT
// Gateway API findings (ML0201-ML0208): route status a controller would set,
// forbidden filter combinations, and VirtualService vs mesh HTTPRoute.

#include "analysis/gatewayapicheck.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

const std::string kBase = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, hostname: "*.example.com", port: 80, protocol: HTTP}
  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: infra}
spec:
  selector: {app: app}
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: web}
spec:
  selector: {app: other}
  ports: [{port: 8080}]
---
)";

std::string route(const std::string &name, const std::string &ns, const std::string &spec)
{
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: " + name + ", namespace: " + ns
        + "}\nspec:\n" + spec + "---\n";
}

} // namespace

class TestGatewayApiCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attachmentFailures()
    {
        const std::string yaml = kBase
            + route("missing-gw", "infra", "  parentRefs: [{name: nope}]\n")
            + route("missing-section", "infra", "  parentRefs: [{name: gw, sectionName: https}]\n")
            + route("other-ns", "web", "  parentRefs: [{name: gw, namespace: infra}]\n")
            + route("no-host", "infra", "  parentRefs: [{name: gw, sectionName: http}]\n  hostnames: [example.org]\n")
            + route("fine", "infra", "  parentRefs: [{name: gw}]\n  hostnames: [a.example.com]\n"
                                     "  rules: [{backendRefs: [{name: app, port: 8080}]}]\n");
        const Analysis analysis = analyzeYaml(yaml);
        QCOMPARE(analysis.withCode(codes::GatewayApiNoMatchingParent).size(), size_t(2));
        const Diagnostics notAllowed = analysis.withCode(codes::GatewayApiNotAllowed);
        QCOMPARE(notAllowed.size(), size_t(1));
        QCOMPARE(notAllowed.front().resource.name, std::string("other-ns"));
        QCOMPARE(notAllowed.front().location.line, lineOf(yaml, "parentRefs: [{name: gw, namespace: infra}]"));
        const Diagnostics noHost = analysis.withCode(codes::GatewayApiNoHostname);
        QCOMPARE(noHost.size(), size_t(1));
        QCOMPARE(noHost.front().resource.name, std::string("no-host"));
        for (const Diagnostic &diagnostic : analysis.diagnostics)
            QVERIFY2(diagnostic.resource.name != "fine", diagnostic.toString().c_str());
    }

    void backendsAndGrants()
    {
        const std::string yaml = kBase
            + route("backends", "infra",
                    "  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs:\n"
                    "    - {name: nothing, port: 8080}\n"
                    "    - {name: app, port: 9999}\n"
                    "    - {name: other, namespace: web, port: 8080}\n"
                    "    - {name: ghost, port: 8080, weight: 0}\n"
                    "    - {group: example.com, kind: Thing, name: x}\n")
            + route("mesh-cross", "infra",
                    "  parentRefs: [{group: \"\", kind: Service, name: app}]\n"
                    "  rules: [{backendRefs: [{name: other, namespace: web, port: 8080}]}]\n");
        const Analysis analysis = analyzeYaml(yaml);
        QCOMPARE(analysis.withCode(codes::GatewayApiBackendNotFound).size(), size_t(3));
        const Diagnostics refused = analysis.withCode(codes::GatewayApiRefNotPermitted);
        QCOMPARE(refused.size(), size_t(1)); // the mesh route needs no grant
        QCOMPARE(refused.front().resource.name, std::string("backends"));

        const std::string granted = yaml + R"(apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow, namespace: web}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
  to: [{group: "", kind: Service}]
)";
        QVERIFY(analyzeYaml(granted).withCode(codes::GatewayApiRefNotPermitted).empty());
    }

    void forbiddenFilters()
    {
        const std::string yaml = kBase
            + route("filters", "infra",
                    "  parentRefs: [{name: gw}]\n  rules:\n"
                    "  - filters:\n"
                    "    - {type: RequestRedirect, requestRedirect: {scheme: https}}\n"
                    "    - {type: URLRewrite, urlRewrite: {hostname: x.example.com}}\n"
                    "    backendRefs: [{name: app, port: 8080}]\n"
                    "  - matches: [{path: {type: Exact, value: /a}}]\n"
                    "    filters:\n"
                    "    - type: URLRewrite\n"
                    "      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}\n"
                    "    backendRefs: [{name: app, port: 8080}]\n");
        const Analysis analysis = analyzeYaml(yaml);
        // redirect+rewrite, redirect with backendRefs, ReplacePrefixMatch on an Exact match.
        QCOMPARE(analysis.withCode(codes::GatewayApiFilterConflict).size(), size_t(3));

        // What Istio cannot convert at all: reported once, with the 404 it causes.
        const std::string hard = kBase
            + route("hard", "infra",
                    "  parentRefs: [{name: gw}]\n  rules:\n"
                    "  - backendRefs:\n"
                    "    - name: app\n"
                    "      port: 8080\n"
                    "      filters: [{type: URLRewrite, urlRewrite: {hostname: x.example.com}}]\n");
        const Diagnostics dropped = analyzeYaml(hard).withCode(codes::GatewayApiFilterConflict);
        QCOMPARE(dropped.size(), size_t(1));
        QVERIFY(dropped.front().message.find("get 404") != std::string::npos);
    }

    void virtualServiceVersusMeshRoute()
    {
        const std::string yaml = kBase + R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: app, namespace: infra, creationTimestamp: "2026-01-01T00:00:00Z"}
spec:
  hosts: [app]
  http: [{route: [{destination: {host: app}}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app-route, namespace: infra, creationTimestamp: "2026-02-01T00:00:00Z"}
spec:
  parentRefs: [{group: "", kind: Service, name: app}]
  rules: [{backendRefs: [{name: app, port: 8080}]}]
)";
        const Diagnostics shadowed = analyzeYaml(yaml).withCode(codes::GatewayApiShadowed);
        QCOMPARE(shadowed.size(), size_t(1));
        QCOMPARE(shadowed.front().resource.kind, std::string("HTTPRoute")); // the newer of the two

        std::string older = yaml;
        older.replace(older.find("2026-02-01"), 10, "2025-12-01");
        const Diagnostics flipped = analyzeYaml(older).withCode(codes::GatewayApiShadowed);
        QCOMPARE(flipped.size(), size_t(1));
        QCOMPARE(flipped.front().resource.kind, std::string("VirtualService"));
    }

    void unknownClassIsInfo()
    {
        std::string yaml = kBase;
        yaml.replace(yaml.find("gatewayClassName: istio"), 23, "gatewayClassName: nginx");
        const Diagnostics found = analyzeYaml(yaml).withCode(codes::GatewayApiUnknownClass);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().severity, Severity::Info);
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiCheck)
#include "tst_gatewayapicheck.moc"
