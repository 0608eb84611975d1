// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourcemeta.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meshlane {

// What the client opens: an HTTP request (routed by http routes, unless the
// port is declared TCP or TLS) or a TCP / TLS connection (tcp / tls routes).
enum class ConnectionProtocol { Http, Tcp, Tls };
// "http", "tcp", "tls" (any case); nullopt for anything else.
std::optional<ConnectionProtocol> connectionProtocolFromName(const std::string &name);
const char *connectionProtocolName(ConnectionProtocol protocol); // "http", "tcp", "tls"

// One HTTP request as the proxy that routes it sees it: the caller's sidecar,
// or a Gateway when `gateway` is set. Plain data; build it once and route it
// as often as you like (the router never changes it).
struct HttpRequest
{
    using Field = std::pair<std::string, std::string>;

    // Host / :authority exactly as the client sends it: a short name
    // ("reviews"), an FQDN, or an external name, maybe with ":port".
    std::string authority;
    // The port the request is addressed to; 0 means "take it from the
    // authority, else the Service's first port, else 80".
    uint32_t port = 0;
    std::string method = "GET";
    std::string scheme = "http";
    std::string path = "/";           // :path with its query string; use setPath()
    std::vector<Field> headers;       // names lower-case; use addHeader()
    std::vector<Field> queryParams;   // from the query string, in order
    Labels sourceLabels;              // the calling workload's pod labels
    std::string sourceNamespace = "default";
    std::string gateway;              // "ns/name" to enter through that Gateway
    // For tcp and tls routing; the HTTP fields above are then ignored.
    ConnectionProtocol protocol = ConnectionProtocol::Http;
    std::string sni;                  // TLS server name the client sends; empty: none
    std::string destinationIp;        // the original destination address, for destinationSubnets

    // Sets :path and re-reads the query parameters from it.
    void setPath(std::string pathWithQuery);
    // Appends `name=value` to the query string (and to queryParams).
    void addQueryParam(const std::string &name, const std::string &value);
    // Header names compare case-insensitively, so they are stored lower-case.
    // A repeated header is joined with ',' the way Envoy presents it to matchers.
    void addHeader(std::string_view name, const std::string &value);

    // Header value by lower-case name, or nullptr. The pseudo-headers
    // (:authority/host, :method, :scheme, :path) answer from the fields above.
    const std::string *header(std::string_view lowerName) const;
    // First value of a query parameter (names are case-sensitive), or nullptr.
    const std::string *queryParam(std::string_view name) const;
    // The path Envoy's exact and regex matchers see: no query, no fragment.
    std::string_view pathWithoutQuery() const;
    // Authority without ":port", lower-cased: the name virtual hosts match.
    std::string hostName() const;
    // The port written in the authority, 0 if none.
    uint32_t authorityPort() const;
    // A TLS client names the host it calls: a TLS request without an SNI
    // gets hostName(); any other protocol carries none. What the CLI, the
    // traffic mixes and the request tester do when no SNI is given.
    void defaultSniToHost();
};

} // namespace meshlane
