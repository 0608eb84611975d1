// SPDX-License-Identifier: MIT
#include "base/percenttext.h"
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "cli/requestoptions.h"
#include "routing/ingressgateway.h"
#include "routing/router.h"

#include <QJsonValue>
#include <QTextStream>

namespace meshlane::cli {

namespace {

QJsonValue stringOrNull(const std::string &text) { return text.empty() ? QJsonValue() : QJsonValue(qs(text)); }

QJsonArray podsJson(const ResolvedTarget &target)
{
    QJsonArray pods;
    for (const PodSet &set : target.pods) {
        QJsonObject pod;
        pod[QStringLiteral("namespace")] = qs(set.ns);
        pod[QStringLiteral("name")] = qs(set.name);
        pod[QStringLiteral("kind")] = qs(set.kind);
        pod[QStringLiteral("replicas")] = set.replicas;
        pods.append(pod);
    }
    return pods;
}

QJsonObject targetJson(const ResolvedTarget &target)
{
    QJsonObject object;
    object[QStringLiteral("host")] = qs(target.host);
    object[QStringLiteral("subset")] = stringOrNull(target.subset);
    object[QStringLiteral("port")] = target.port ? QJsonValue(int(*target.port)) : QJsonValue();
    object[QStringLiteral("status")] = target.status;
    return object;
}

QJsonObject ruleJson(const RuleRef &rule)
{
    QJsonObject object;
    object[QStringLiteral("kind")] = qs(rule.kind);
    object[QStringLiteral("namespace")] = qs(rule.ns);
    object[QStringLiteral("name")] = qs(rule.name);
    object[QStringLiteral("section")] = qs(rule.section);
    object[QStringLiteral("index")] = rule.index;
    object[QStringLiteral("match")] = rule.match >= 0 ? QJsonValue(rule.match) : QJsonValue();
    return object;
}

QJsonValue redirectJson(const std::optional<RedirectOutcome> &redirect)
{
    if (!redirect)
        return QJsonValue();
    QJsonObject object;
    object[QStringLiteral("status")] = redirect->status;
    object[QStringLiteral("scheme")] = qs(redirect->scheme);
    object[QStringLiteral("hostname")] = qs(redirect->hostname);
    object[QStringLiteral("port")] = redirect->port ? QJsonValue(int(*redirect->port)) : QJsonValue();
    object[QStringLiteral("path")] = qs(redirect->path);
    return object;
}

QJsonValue rewriteJson(const std::optional<RewriteOutcome> &rewrite)
{
    if (!rewrite)
        return QJsonValue();
    QJsonObject object;
    object[QStringLiteral("hostname")] = stringOrNull(rewrite->hostname);
    object[QStringLiteral("path")] = stringOrNull(rewrite->path);
    return object;
}

QJsonObject decisionJson(const RouteDecision &decision)
{
    QJsonObject root;
    root[QStringLiteral("host")] = qs(decision.host);
    root[QStringLiteral("virtualService")] = stringOrNull(decision.virtualService);
    root[QStringLiteral("httpRoute")] = decision.httpRoute >= 0 ? QJsonValue(decision.httpRoute) : QJsonValue();
    root[QStringLiteral("routeName")] = stringOrNull(decision.routeName);
    root[QStringLiteral("rule")] = decision.rule ? QJsonValue(ruleJson(*decision.rule)) : QJsonValue();
    root[QStringLiteral("status")] = decision.status;
    QJsonObject outcomes;
    for (const auto &[code, share] : decision.outcomes())
        outcomes[QString::number(code)] = share;
    root[QStringLiteral("outcomes")] = outcomes;
    root[QStringLiteral("redirect")] = redirectJson(decision.redirect);
    root[QStringLiteral("rewrite")] = rewriteJson(decision.rewrite);
    QJsonArray destinations;
    for (const DestinationOutcome &destination : decision.destinations) {
        QJsonObject object = targetJson(destination.target);
        object[QStringLiteral("probability")] = destination.probability;
        object[QStringLiteral("pods")] = podsJson(destination.target);
        destinations.append(object);
    }
    root[QStringLiteral("destinations")] = destinations;
    QJsonArray mirrors;
    for (const MirrorOutcome &mirror : decision.mirrors) {
        QJsonObject object = targetJson(mirror.target);
        object.remove(QStringLiteral("port"));
        object.remove(QStringLiteral("status"));
        object[QStringLiteral("probability")] = mirror.probability();
        mirrors.append(object);
    }
    root[QStringLiteral("mirrors")] = mirrors;
    QJsonObject fault;
    fault[QStringLiteral("delayProbability")] = decision.fault.delayProbability();
    fault[QStringLiteral("delayMs")] = qint64(decision.fault.delayMs);
    fault[QStringLiteral("abortProbability")] = decision.fault.abortProbability();
    fault[QStringLiteral("abortStatus")] = decision.fault.abortStatus;
    root[QStringLiteral("fault")] = fault;
    QJsonArray explanation;
    for (const std::string &line : decision.explanation)
        explanation.append(qs(line));
    root[QStringLiteral("explanation")] = explanation;
    return root;
}

QString podsText(const ResolvedTarget &target)
{
    if (target.status != 200)
        return qs(target.problem.text());
    if (target.pods.empty())
        return target.note.empty() ? QStringLiteral("-") : qs(target.note.text());
    QStringList parts;
    for (const PodSet &set : target.pods)
        parts << qs(set.ns + '/' + set.name) + QStringLiteral(" x") + QString::number(set.replicas);
    return parts.join(QStringLiteral(", "));
}

QString portText(const ResolvedTarget &target)
{
    return target.port ? QString::number(*target.port) : QStringLiteral("-");
}

QString subsetText(const std::string &subset) { return subset.empty() ? QStringLiteral("-") : qs(subset); }

void printDecision(const RouteDecision &decision, const HttpRequest &request, QTextStream &out)
{
    QList<QStringList> head;
    const std::string asked = request.protocol == ConnectionProtocol::Http
        ? request.method + ' ' + request.scheme + "://" + request.authority + request.path
        : L4Router::connectionText(request);
    head.append({QStringLiteral("Request"),
                 qs(asked)
                     + (request.gateway.empty() ? QStringLiteral(" from a sidecar in namespace ") + qs(request.sourceNamespace)
                                                : QStringLiteral(" through Gateway ") + qs(request.gateway))});
    head.append({QStringLiteral("Host"), qs(decision.host) + u':' + QString::number(decision.port)});
    QString route = QStringLiteral("none");
    if (!decision.virtualService.empty()) {
        route = QStringLiteral("VirtualService ") + qs(decision.virtualService);
        if (decision.httpRoute >= 0)
            route += QStringLiteral(", http[") + QString::number(decision.httpRoute) + u']';
        else if (decision.rule && decision.rule->section != "http")
            route += QStringLiteral(", ") + qs(decision.rule->section) + u'[' + QString::number(decision.rule->index)
                + u']';
        if (!decision.routeName.empty())
            route += QStringLiteral(" \"") + qs(decision.routeName) + u'"';
        if (decision.matchBlock >= 0)
            route += QStringLiteral(", match[") + QString::number(decision.matchBlock) + u']';
    } else if (decision.rule) {
        route = qs(decision.rule->kind + ' ' + decision.rule->ns + '/' + decision.rule->name) + QStringLiteral(", rules[")
            + QString::number(decision.rule->index) + u']';
        if (decision.rule->match >= 0)
            route += QStringLiteral(", matches[") + QString::number(decision.rule->match) + u']';
    }
    head.append({QStringLiteral("Route"), route});
    // What the client gets: the routed status, or each outcome with its share
    // when destinations fail or a fault aborts some of the requests.
    QString status = QString::number(decision.status);
    const std::map<int, double> outcomes = decision.outcomes();
    if (outcomes.size() > 1) {
        QStringList parts;
        for (const auto &[code, share] : outcomes)
            parts << QString::number(code) + QStringLiteral(" for ") + qs(percentText(share));
        status = parts.join(QStringLiteral(", "));
    } else if (outcomes.size() == 1 && outcomes.begin()->first != decision.status) {
        status = QString::number(outcomes.begin()->first) + QStringLiteral(" (the fault aborts every request; the route answers ")
            + QString::number(decision.status) + u')';
    }
    if (!decision.redirectLocation.empty())
        status += QStringLiteral(" -> ") + qs(decision.redirectLocation);
    head.append({QStringLiteral("Status"), status});
    const FaultOutcome &fault = decision.fault;
    if (fault.delayPerMillion || fault.abortPerMillion) {
        QStringList parts;
        if (fault.delayPerMillion)
            parts << QStringLiteral("delay ") + qs(percentText(fault.delayProbability())) + QStringLiteral(" by ")
                    + QString::number(fault.delayMs) + QStringLiteral(" ms");
        if (fault.abortPerMillion)
            parts << QStringLiteral("abort ") + qs(percentText(fault.abortProbability())) + QStringLiteral(" with ")
                    + (fault.abortStatus ? QString::number(fault.abortStatus)
                                         : QStringLiteral("gRPC ") + qs(fault.abortGrpcStatus));
        head.append({QStringLiteral("Fault"), parts.join(QStringLiteral("; "))});
    }
    out << formatTable(head);

    if (!decision.destinations.empty()) {
        QList<QStringList> rows{{QStringLiteral("DESTINATION"), QStringLiteral("SUBSET"), QStringLiteral("PORT"),
                                 QStringLiteral("SHARE"), QStringLiteral("STATUS"), QStringLiteral("PODS")}};
        for (const DestinationOutcome &destination : decision.destinations)
            rows.append({qs(destination.target.host), subsetText(destination.target.subset),
                         portText(destination.target), qs(percentText(destination.probability)),
                         QString::number(destination.target.status), podsText(destination.target)});
        out << '\n' << formatTable(rows);
    }
    if (!decision.mirrors.empty()) {
        QList<QStringList> rows{{QStringLiteral("MIRROR"), QStringLiteral("SUBSET"), QStringLiteral("PORT"),
                                 QStringLiteral("SHARE"), QStringLiteral("PODS")}};
        for (const MirrorOutcome &mirror : decision.mirrors)
            rows.append({qs(mirror.target.host), subsetText(mirror.target.subset), portText(mirror.target),
                         qs(percentText(mirror.probability())), podsText(mirror.target)});
        out << '\n' << formatTable(rows);
    }
    out << "\nWhy:\n";
    for (const std::string &line : decision.explanation)
        out << "  - " << qs(line) << '\n';
}

} // namespace

int runRoute(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("route"),
                            QStringLiteral("Show what Istio's proxies do with one request: the VirtualService and route that "
                                           "match, the destinations with their share and pods, mirrors, faults, and why."));
    RequestOptions requestOptions(commandLine);
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;
    Result<HttpRequest> requested = requestOptions.read();
    if (!requested)
        return commandLine.usageError(err, QString::fromStdString(requested.error()));
    HttpRequest request = std::move(requested).value();
    if (!requestOptions.hostGiven())
        return commandLine.usageError(err, QStringLiteral("--host is required"));

    const LoadResult loaded = commandLine.load();
    if (loaded.filesRead == 0 && loaded.unparseableFiles > 0) {
        printDiagnostics(loaded.diagnostics, err);
        return ExitUnparseable;
    }
    if (!request.gateway.empty() && !hasIngressGateway(*loaded.mesh, request.gateway))
        return commandLine.usageError(err, QStringLiteral("no Gateway ") + qs(request.gateway) + QStringLiteral(" in ")
                                               + commandLine.directory());
    const Router router(loaded.mesh);
    const RouteDecision decision = router.route(request);
    if (commandLine.json())
        writeJson(out, decisionJson(decision));
    else
        printDecision(decision, request, out);
    if (loaded.unparseableFiles > 0) {
        out.flush();
        printDiagnostics(loaded.diagnostics, err);
        return ExitUnparseable;
    }
    return ExitOk;
}

} // namespace meshlane::cli
