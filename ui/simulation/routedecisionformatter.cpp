// SPDX-License-Identifier: MIT
#include "simulation/routedecisionformatter.h"

#include "base/percenttext.h"
#include "routing/l4router.h"

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }
QString html(const std::string &text) { return qs(text).toHtmlEscaped(); }
QString percent(double probability) { return qs(percentText(probability)); }

QString row(const QString &head, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(head, value);
}

QString headerRow(const QStringList &cells)
{
    QString text = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        text += QStringLiteral("<th align='left' style='padding-right:12px'>%1</th>").arg(cell);
    return text + QStringLiteral("</tr>");
}

QString cellsRow(const QStringList &cells, const QString &color = {})
{
    QString text = QStringLiteral("<tr>");
    for (const QString &cell : cells) {
        text += color.isEmpty() ? QStringLiteral("<td style='padding-right:12px'>%1</td>").arg(cell)
                                : QStringLiteral("<td style='padding-right:12px; color:%2'>%1</td>").arg(cell, color);
    }
    return text + QStringLiteral("</tr>");
}

const QString kBroken = QStringLiteral("#c9190b");

} // namespace

QString RouteDecisionFormatter::requestLine(const HttpRequest &request)
{
    const QString line = request.protocol == ConnectionProtocol::Http
        ? qs(request.method + ' ' + request.scheme + "://" + request.authority + request.path)
        : qs(L4Router::connectionText(request));
    return request.gateway.empty() ? tr("%1 from a sidecar in namespace %2").arg(line, qs(request.sourceNamespace))
                                   : tr("%1 through Gateway %2").arg(line, qs(request.gateway));
}

QString RouteDecisionFormatter::routeText(const RouteDecision &decision)
{
    if (decision.virtualService.empty() && decision.rule) {
        // A Gateway API rule: named by its route, as the CLI names it.
        const RuleRef &rule = *decision.rule;
        QString text = QStringLiteral("%1 %2/%3, rules[%4]").arg(qs(rule.kind), qs(rule.ns), qs(rule.name)).arg(rule.index);
        if (rule.match >= 0)
            text += QStringLiteral(", matches[%1]").arg(rule.match);
        return text;
    }
    if (decision.virtualService.empty())
        return tr("no VirtualService applies");
    QString text = tr("VirtualService %1").arg(qs(decision.virtualService));
    if (decision.httpRoute >= 0)
        text += QStringLiteral(", http[%1]").arg(decision.httpRoute);
    else if (decision.rule && decision.rule->section != "http")
        text += QStringLiteral(", %1[%2]").arg(qs(decision.rule->section)).arg(decision.rule->index);
    if (!decision.routeName.empty())
        text += QStringLiteral(" \u201c%1\u201d").arg(qs(decision.routeName));
    if (decision.matchBlock >= 0)
        text += QStringLiteral(", match[%1]").arg(decision.matchBlock);
    return text;
}

QString RouteDecisionFormatter::statusText(const RouteDecision &decision)
{
    const std::map<int, double> shares = decision.statusShares();
    QString text = QString::number(decision.status);
    if (shares.size() > 1) {
        QStringList parts;
        for (const auto &[code, share] : shares)
            parts << tr("%1 for %2").arg(code).arg(percent(share));
        text = parts.join(QStringLiteral(", "));
    }
    if (!decision.redirectLocation.empty())
        text += QStringLiteral(" \u2192 ") + qs(decision.redirectLocation);
    return text;
}

QString RouteDecisionFormatter::connectionText(const RouteDecision &decision)
{
    if (decision.action != RouteAction::Forward)
        return tr("closed by Envoy (reported as %1)").arg(decision.status);
    const bool passthrough = decision.destinations.size() == 1
        && decision.destinations.front().target.host == "PassthroughCluster";
    if (passthrough)
        return tr("forwarded unrouted to its original destination (PassthroughCluster)");
    if (decision.destinations.size() > 1)
        return tr("forwarded: each connection to one destination, by weight");
    return tr("forwarded");
}

QString RouteDecisionFormatter::podsText(const ResolvedTarget &target)
{
    if (target.status != 200)
        return qs(target.problem.text());
    if (target.pods.empty())
        return target.note.empty() ? QStringLiteral("\u2013") : qs(target.note.text());
    QStringList parts;
    for (const PodSet &set : target.pods)
        parts << tr("%1 \u00d7%2").arg(qs(set.ns + '/' + set.name)).arg(set.replicas);
    return parts.join(QStringLiteral(", "));
}

QString RouteDecisionFormatter::toHtml(const RouteDecision &decision, const HttpRequest &request)
{
    QString text = QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    text += row(tr("Request"), requestLine(request).toHtmlEscaped());
    text += row(tr("Host"), html(decision.host) + u':' + QString::number(decision.port));
    text += row(tr("Route"), routeText(decision).toHtmlEscaped());
    // An HTTP request to a port declared TCP travels as a connection too.
    const bool l4Rule = decision.rule && (decision.rule->section == "tcp" || decision.rule->section == "tls");
    if (request.protocol != ConnectionProtocol::Http || l4Rule) {
        const QString connection = connectionText(decision).toHtmlEscaped();
        text += row(tr("Connection"), decision.action == RouteAction::Forward
                                          ? connection
                                          : QStringLiteral("<span style='color:%1'>%2</span>").arg(kBroken, connection));
    }
    const bool failed = decision.status >= 400;
    text += row(tr("Status"), failed ? QStringLiteral("<span style='color:%1'>%2</span>").arg(kBroken, statusText(decision).toHtmlEscaped())
                                     : statusText(decision).toHtmlEscaped());
    const FaultOutcome &fault = decision.fault;
    if (fault.delayPerMillion || fault.abortPerMillion) {
        QStringList parts;
        if (fault.delayPerMillion)
            parts << tr("%1 delayed by %2 ms").arg(percent(fault.delayProbability())).arg(fault.delayMs);
        if (fault.abortPerMillion)
            parts << tr("%1 aborted with %2")
                         .arg(percent(fault.abortProbability()),
                              fault.abortStatus ? QString::number(fault.abortStatus) : tr("gRPC %1").arg(qs(fault.abortGrpcStatus)));
        text += row(tr("Fault"), parts.join(QStringLiteral("; ")).toHtmlEscaped());
    }
    text += QStringLiteral("</table>");

    if (!decision.destinations.empty()) {
        text += QStringLiteral("<p><b>%1</b></p><table cellspacing='0' cellpadding='1'>").arg(tr("Goes to"));
        text += headerRow({tr("Destination"), tr("Subset"), tr("Port"), tr("Share"), tr("Status"), tr("Pods")});
        for (const DestinationOutcome &destination : decision.destinations) {
            const ResolvedTarget &target = destination.target;
            text += cellsRow({html(target.host), target.subset.empty() ? QStringLiteral("\u2013") : html(target.subset),
                              target.port ? QString::number(*target.port) : QStringLiteral("\u2013"),
                              percent(destination.probability), QString::number(target.status),
                              podsText(target).toHtmlEscaped()},
                             target.status != 200 ? kBroken : QString());
        }
        text += QStringLiteral("</table>");
    }
    if (!decision.mirrors.empty()) {
        text += QStringLiteral("<p><b>%1</b></p><table cellspacing='0' cellpadding='1'>")
                    .arg(tr("Mirrored to (responses dropped)"));
        text += headerRow({tr("Destination"), tr("Subset"), tr("Share"), tr("Pods")});
        for (const MirrorOutcome &mirror : decision.mirrors) {
            const ResolvedTarget &target = mirror.target;
            text += cellsRow({html(target.host), target.subset.empty() ? QStringLiteral("\u2013") : html(target.subset),
                              percent(mirror.probability()), podsText(target).toHtmlEscaped()},
                             target.status != 200 ? kBroken : QString());
        }
        text += QStringLiteral("</table>");
    }
    text += QStringLiteral("<p><b>%1</b></p><ol style='margin-top:0'>").arg(tr("Why"));
    for (const std::string &line : decision.explanation)
        text += QStringLiteral("<li>%1</li>").arg(html(line));
    text += QStringLiteral("</ol>");
    return text;
}

} // namespace meshlane::ui
