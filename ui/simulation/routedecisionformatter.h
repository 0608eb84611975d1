// SPDX-License-Identifier: MIT
#pragma once

#include "routing/httprequest.h"
#include "routing/routedecision.h"

#include <QCoreApplication>
#include <QString>

namespace meshlane::ui {

// A RouteDecision as the request tester shows it: what was asked, which route
// matched, the status, where the request goes (share, status, pods), mirrors,
// faults, and the router's step-by-step explanation. Rich text (HTML).
class RouteDecisionFormatter
{
    Q_DECLARE_TR_FUNCTIONS(RouteDecisionFormatter)

public:
    static QString toHtml(const RouteDecision &decision, const HttpRequest &request);

    static QString requestLine(const HttpRequest &request); // "GET http://reviews/ from a sidecar in namespace default"
    // "VirtualService default/reviews, http[1], match[0]", "VirtualService echo/tcp-echo, tcp[0], match[0]",
    // "HTTPRoute bookinfo/reviews, rules[0], matches[0]": the CLI's words.
    static QString routeText(const RouteDecision &decision);
    // TCP / TLS: what Envoy does with the connection ("forwarded", "closed").
    static QString connectionText(const RouteDecision &decision);
    static QString statusText(const RouteDecision &decision); // "200", "200 for 90 %, 503 for 10 %"
    static QString podsText(const ResolvedTarget &target);
};

} // namespace meshlane::ui
