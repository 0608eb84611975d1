// SPDX-License-Identifier: MIT
#pragma once

// A mesh for TCP / TLS routing tests: Service `ledger` (namespace default)
// with a TCP, an HTTPS, an HTTP and an unnamed (auto-detected) port, two
// versions behind subsets v1 / v2, and Gateway `edge` with a TCP server
// (31400), a TLS passthrough server (443), an AUTO_PASSTHROUGH one (15443)
// and an HTTP one (80). Tests append their VirtualService.

#include "support/routingtestsupport.h"

#include <string>

namespace meshlane::testing {

inline const char *kLedgerBase = R"(
apiVersion: v1
kind: Service
metadata: {name: ledger, namespace: default}
spec:
  selector: {app: ledger}
  ports:
  - {name: tcp, port: 7000}
  - {name: https, port: 8443}
  - {name: http-api, port: 8080}
  - {port: 9100}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ledger-v1, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: ledger, version: v1}}
  template: {metadata: {labels: {app: ledger, version: v1}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ledger-v2, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: ledger, version: v2}}
  template: {metadata: {labels: {app: ledger, version: v2}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ledger, namespace: default}
spec:
  host: ledger
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 31400, name: tcp, protocol: TCP}
    hosts: ["*"]
  - port: {number: 443, name: tls, protocol: TLS}
    tls: {mode: PASSTHROUGH}
    hosts: ["*.example.com"]
  - port: {number: 15443, name: tls-auto, protocol: TLS}
    tls: {mode: AUTO_PASSTHROUGH}
    hosts: ["*.local"]
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
)";

inline std::string ledgerMesh(const std::string &virtualServices = {})
{
    return std::string(kLedgerBase) + virtualServices;
}

// A connection from a sidecar in `default` (or through `gateway`).
inline HttpRequest connection(ConnectionProtocol protocol, const std::string &host, uint32_t port,
                              const std::string &sni = {}, const std::string &destinationIp = {},
                              const std::string &gateway = {})
{
    HttpRequest request;
    request.protocol = protocol;
    request.authority = host;
    request.port = port;
    request.sni = sni;
    request.destinationIp = destinationIp;
    request.gateway = gateway;
    return request;
}

} // namespace meshlane::testing
