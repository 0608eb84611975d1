// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "routing/httprequest.h"

#include <string>
#include <vector>

namespace meshlane {

// One kind of request in a traffic mix and its relative share.
struct RequestClass
{
    std::string name;
    double share = 1; // relative to the other classes' shares
    HttpRequest request;
};

// What the simulator sends: request classes with shares, at a rate.
//
// YAML form (every key optional except `classes`; a class falls back to the
// defaults given to fromYaml, typically the CLI's request options):
//
//   requests_per_second: 100
//   classes:
//     - name: jason
//       share: 10
//       host: reviews            # as a client calls it
//       port: 9080
//       method: GET
//       scheme: http
//       path: /reviews/1?stars=5  # query parameters are read from it
//       headers: {end-user: jason}
//       query: {debug: "1"}
//       source_labels: {app: productpage}
//       source_namespace: default
//       gateway: default/bookinfo-gateway
//       protocol: tcp             # http (default), tcp or tls: a connection
//       sni: db.example.com       # tls only; default: the host
//       destination_ip: 10.0.0.7  # for destinationSubnets
//     - name: anonymous
//       share: 90
struct TrafficMix
{
    double requestsPerSecond = 100;
    std::vector<RequestClass> classes;

    // One class with all the traffic.
    static TrafficMix single(const HttpRequest &request, double requestsPerSecond = 100);
    // Parses the YAML form; fails with the line and the problem
    // ("line 4: share must be a number from 0 to 1000000").
    static Result<TrafficMix> fromYaml(const std::string &text, const HttpRequest &defaults);
    // Class shares scaled to integers (millionths) for exact integer picks.
    std::vector<int64_t> cumulativeShares() const;
};

} // namespace meshlane
