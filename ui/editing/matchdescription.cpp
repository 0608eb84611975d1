// SPDX-License-Identifier: MIT
#include "editing/matchdescription.h"

#include <QStringList>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

bool singleHost(const HttpRoute &route)
{
    for (const RouteDestination &destination : route.route) {
        if (destination.destination.fqdn != route.route.front().destination.fqdn)
            return false;
    }
    return true;
}

} // namespace

QString MatchDescription::stringMatch(const QString &subject, const StringMatch &match)
{
    const QString value = qs(match.value);
    switch (match.kind) {
    case StringMatch::Kind::Exact:
        return tr("%1 = %2").arg(subject, value);
    case StringMatch::Kind::Prefix:
        return tr("%1 prefix %2").arg(subject, value);
    case StringMatch::Kind::Regex:
        return tr("%1 matches %2").arg(subject, value);
    case StringMatch::Kind::Present:
        return tr("%1 present").arg(subject);
    case StringMatch::Kind::PathPrefix: // Gateway API, element-wise
        return tr("%1 path prefix %2").arg(subject, value);
    }
    return subject;
}

QString MatchDescription::block(const HttpMatchRequest &block)
{
    QStringList parts;
    if (block.uri)
        parts << stringMatch(block.ignoreUriCase ? tr("uri (any case)") : tr("uri"), *block.uri);
    if (block.method)
        parts << stringMatch(tr("method"), *block.method);
    if (block.scheme)
        parts << stringMatch(tr("scheme"), *block.scheme);
    if (block.authority)
        parts << stringMatch(tr("authority"), *block.authority);
    for (const NamedStringMatch &header : block.headers)
        parts << stringMatch(tr("header %1").arg(qs(header.name)), header.match);
    for (const NamedStringMatch &query : block.queryParams)
        parts << stringMatch(tr("query %1").arg(qs(query.name)), query.match);
    for (const NamedStringMatch &header : block.withoutHeaders)
        parts << tr("not (%1)").arg(stringMatch(tr("header %1").arg(qs(header.name)), header.match));
    if (block.port)
        parts << tr("port %1").arg(*block.port);
    for (const auto &[key, value] : block.sourceLabels)
        parts << tr("from %1=%2").arg(qs(key), qs(value));
    if (!block.sourceNamespace.empty())
        parts << tr("from namespace %1").arg(qs(block.sourceNamespace));
    for (const std::string &gateway : block.gateways)
        parts << tr("via %1").arg(qs(gateway));
    return parts.isEmpty() ? tr("all requests") : parts.join(tr(" and "));
}

QString MatchDescription::match(const HttpRoute &route)
{
    if (route.match.empty())
        return tr("all requests");
    QStringList blocks;
    for (const HttpMatchRequest &request : route.match)
        blocks << block(request);
    return blocks.join(tr(" or "));
}

QString MatchDescription::destination(const HttpRoute &route, size_t index)
{
    const Destination &destination = route.route[index].destination;
    if (destination.subset.empty())
        return qs(destination.host);
    return singleHost(route) ? qs(destination.subset) : qs(destination.label());
}

QString MatchDescription::destinationList(const HttpRoute &route)
{
    QStringList names;
    for (size_t i = 0; i < route.route.size(); ++i)
        names << destination(route, i);
    return names.join(QStringLiteral(", "));
}

QString MatchDescription::route(const HttpRoute &route)
{
    QString target;
    if (route.redirect)
        target = tr("redirect to %1").arg(qs(route.redirect->authority + route.redirect->uri));
    else if (route.directResponse)
        target = tr("respond %1").arg(route.directResponse->status);
    else if (route.delegate)
        target = tr("delegate to %1").arg(qs(route.delegate->ns.empty() ? route.delegate->name
                                                                         : route.delegate->ns + '/' + route.delegate->name));
    else
        target = destinationList(route);
    return tr("%1 \u2192 %2").arg(match(route), target);
}

QString MatchDescription::connectionBlock(const L4Match &block)
{
    QStringList parts;
    if (block.port)
        parts << tr("port %1").arg(*block.port);
    if (!block.sniHosts.empty()) {
        QStringList hosts;
        for (const std::string &host : block.sniHosts)
            hosts << qs(host);
        parts << tr("SNI %1").arg(hosts.join(QStringLiteral(", ")));
    }
    if (!block.destinationSubnets.empty()) {
        QStringList subnets;
        for (const std::string &subnet : block.destinationSubnets)
            subnets << qs(subnet);
        parts << tr("to %1").arg(subnets.join(QStringLiteral(", ")));
    }
    for (const auto &[key, value] : block.sourceLabels)
        parts << tr("from %1=%2").arg(qs(key), qs(value));
    if (!block.sourceNamespace.empty())
        parts << tr("from namespace %1").arg(qs(block.sourceNamespace));
    for (const std::string &gateway : block.gateways)
        parts << tr("via %1").arg(qs(gateway));
    return parts.isEmpty() ? tr("all connections") : parts.join(tr(" and "));
}

QString MatchDescription::connection(const L4Route &route)
{
    QStringList blocks;
    for (const L4Match &block : route.match)
        blocks << connectionBlock(block);
    HttpRoute destinations;
    destinations.route = route.route;
    return tr("%1 \u2192 %2")
        .arg(blocks.isEmpty() ? tr("all connections") : blocks.join(tr(" or ")), destinationList(destinations));
}

} // namespace meshlane::ui
