// SPDX-License-Identifier: MIT
// The gateways a request can enter through (Istio's and the Gateway API's)
// and the listener port a client of each protocol reaches.

#include "load/manifestloader.h"
#include "model/mesh.h"
#include "routing/ingressgateway.h"
#include "support/testdata.h"

#include <QTest>

using namespace meshlane;

namespace {

MeshPtr meshOf(const char *yaml)
{
    return ManifestLoader().loadText("gateways.yaml", yaml).mesh;
}

const char *kBothApis = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: ingress}
spec:
  selector: {istio: ingressgateway}
  servers:
  - {port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}
  - {port: {number: 443, name: tls, protocol: TLS}, tls: {mode: PASSTHROUGH}, hosts: ["*"]}
  - {port: {number: 31400, name: tcp, protocol: TCP}, hosts: ["*"]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: apps}
spec:
  gatewayClassName: istio
  listeners:
  - {name: db, port: 5432, protocol: TCP}
  - {name: http, port: 8080, protocol: HTTP}
  - {name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}
)";

} // namespace

class TestIngressGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsBothApis()
    {
        const MeshPtr mesh = meshOf(kBothApis);
        const std::vector<IngressGateway> gateways = ingressGateways(*mesh);
        QCOMPARE(gateways.size(), size_t(2));
        QCOMPARE(gateways[0].ref, std::string("ingress/edge"));
        QCOMPARE(std::string(gateways[0].kindName()), std::string("Gateway"));
        QCOMPARE(gateways[1].ref, std::string("apps/web"));
        QCOMPARE(std::string(gateways[1].kindName()), std::string("Gateway API Gateway"));
        QVERIFY(hasIngressGateway(*mesh, "ingress/edge"));
        QVERIFY(hasIngressGateway(*mesh, "apps/web"));
        QVERIFY(!hasIngressGateway(*mesh, "apps/edge"));
    }

    // The first server or listener taking the protocol, not the first one written.
    void listenerPortPerProtocol()
    {
        const MeshPtr mesh = meshOf(kBothApis);
        QCOMPARE(ingressListenerPort(*mesh, "ingress/edge", ConnectionProtocol::Http), uint32_t(80));
        QCOMPARE(ingressListenerPort(*mesh, "ingress/edge", ConnectionProtocol::Tls), uint32_t(443));
        QCOMPARE(ingressListenerPort(*mesh, "ingress/edge", ConnectionProtocol::Tcp), uint32_t(31400));
        QCOMPARE(ingressListenerPort(*mesh, "apps/web", ConnectionProtocol::Http), uint32_t(8080));
        QCOMPARE(ingressListenerPort(*mesh, "apps/web", ConnectionProtocol::Tcp), uint32_t(5432));
        QCOMPARE(ingressListenerPort(*mesh, "apps/web", ConnectionProtocol::Tls), uint32_t(8443));
        QCOMPARE(ingressListenerPort(*mesh, "apps/none", ConnectionProtocol::Http), uint32_t(0));
    }

    void samples()
    {
        const MeshPtr tcp = ManifestLoader().loadFolder(test::samplePath("tcp-echo-shift")).mesh;
        QCOMPARE(ingressListenerPort(*tcp, "echo/echo-gateway", ConnectionProtocol::Tcp), uint32_t(31400));
        QCOMPARE(ingressListenerPort(*tcp, "echo/echo-gateway", ConnectionProtocol::Http), uint32_t(0)); // TCP only
        const MeshPtr bookinfo = ManifestLoader().loadFolder(test::samplePath("bookinfo-gateway-api")).mesh;
        QCOMPARE(ingressListenerPort(*bookinfo, "bookinfo/bookinfo-gateway", ConnectionProtocol::Http), uint32_t(80));
    }
};

QTEST_GUILESS_MAIN(TestIngressGateway)
#include "tst_ingressgateway.moc"
