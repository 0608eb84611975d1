// SPDX-License-Identifier: MIT
#pragma once

#include "model/httproute.h"

#include <QCoreApplication>
#include <QString>

namespace meshlane::ui {

// Route matches and destinations as a person reads them, translated:
// `header end-user = jason → v2`, `uri prefix /api and method = GET`.
class MatchDescription
{
    Q_DECLARE_TR_FUNCTIONS(MatchDescription)

public:
    static QString stringMatch(const QString &subject, const StringMatch &match);
    // One match block: its conditions joined by "and"; "all requests" when it has none.
    static QString block(const HttpMatchRequest &block);
    // Every block of the route joined by "or".
    static QString match(const HttpRoute &route);
    // What a destination is called in the editor: the subset when every
    // destination of the route shares one host, else host:subset.
    static QString destination(const HttpRoute &route, size_t index);
    static QString destinationList(const HttpRoute &route);
    // "header end-user = jason → v2"; redirects, direct responses and delegates say so.
    static QString route(const HttpRoute &route);
    // One match block of a tcp or tls route: "port 31400 and SNI a.example.com";
    // "all connections" when it has no condition.
    static QString connectionBlock(const L4Match &block);
    // A tcp or tls route: "port 31400 → v1, v2".
    static QString connection(const L4Route &route);
};

} // namespace meshlane::ui
