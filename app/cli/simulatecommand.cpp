// SPDX-License-Identifier: MIT
#include "base/percenttext.h"
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "cli/requestoptions.h"
#include "routing/ingressgateway.h"
#include "simulation/simulator.h"

#include <QFile>
#include <QJsonValue>
#include <QTextStream>

#include <algorithm>

namespace meshlane::cli {

namespace {

// Seeds stay exact in JSON (a double holds integers up to 2^53).
constexpr quint64 kMaxSeed = (quint64(1) << 53) - 1;
constexpr qint64 kMaxRequests = 1000000000;

QJsonArray targetsJson(const SimulationCounts &counts, const std::vector<SimulationCounts::Target> &targets)
{
    QJsonArray array;
    for (const SimulationCounts::Target &target : targets) {
        QJsonObject object;
        object[QStringLiteral("host")] = qs(target.host);
        object[QStringLiteral("subset")] = target.subset.empty() ? QJsonValue() : QJsonValue(qs(target.subset));
        object[QStringLiteral("count")] = qint64(target.count);
        object[QStringLiteral("fraction")] = counts.fraction(target.count);
        object[QStringLiteral("expected")] = counts.expectedFraction(target);
        array.append(object);
    }
    return array;
}

QJsonObject countsJson(const SimulationCounts &counts, quint64 seed)
{
    QJsonObject root;
    root[QStringLiteral("requests")] = qint64(counts.requests);
    root[QStringLiteral("seed")] = double(seed);
    root[QStringLiteral("destinations")] = targetsJson(counts, counts.destinations);
    root[QStringLiteral("mirrors")] = targetsJson(counts, counts.mirrors);
    QJsonObject statuses;
    for (const auto &[status, count] : counts.statuses)
        statuses[QString::number(status)] = qint64(count);
    root[QStringLiteral("statuses")] = statuses;
    root[QStringLiteral("delayed")] = qint64(counts.delayed);
    return root;
}

QString shareText(double fraction) { return qs(percentText(fraction)); }

void printTargets(const QString &heading, const SimulationCounts &counts,
                  const std::vector<SimulationCounts::Target> &targets, QTextStream &out)
{
    QList<QStringList> rows{{heading, QStringLiteral("SUBSET"), QStringLiteral("COUNT"), QStringLiteral("SHARE"),
                             QStringLiteral("EXPECTED")}};
    for (const SimulationCounts::Target &target : targets)
        rows.append({qs(target.host), target.subset.empty() ? QStringLiteral("-") : qs(target.subset),
                     QString::number(target.count), shareText(counts.fraction(target.count)),
                     shareText(counts.expectedFraction(target))});
    out << '\n' << formatTable(rows);
}

void printCounts(const SimulationCounts &counts, quint64 seed, const TrafficMix &mix, QTextStream &out)
{
    // Connections when every class opens one; a mix with HTTP in it counts requests.
    const bool connections = !mix.classes.empty()
        && std::all_of(mix.classes.begin(), mix.classes.end(), [](const RequestClass &requestClass) {
               return requestClass.request.protocol != ConnectionProtocol::Http;
           });
    out << "Simulated " << counts.requests << (connections ? " connections" : " requests") << " (seed " << seed
        << ')';
    if (mix.classes.size() > 1) {
        double total = 0;
        for (const RequestClass &requestClass : mix.classes)
            total += requestClass.share;
        QStringList parts;
        for (const RequestClass &requestClass : mix.classes)
            parts << qs(requestClass.name) + u' ' + shareText(requestClass.share / total);
        out << " from " << mix.classes.size() << " classes: " << parts.join(QStringLiteral(", "));
    }
    out << '\n';
    if (!counts.destinations.empty())
        printTargets(QStringLiteral("DESTINATION"), counts, counts.destinations, out);
    if (!counts.mirrors.empty())
        printTargets(QStringLiteral("MIRROR"), counts, counts.mirrors, out);
    QList<QStringList> rows{{QStringLiteral("STATUS"), QStringLiteral("COUNT"), QStringLiteral("SHARE")}};
    for (const auto &[status, count] : counts.statuses)
        rows.append({QString::number(status), QString::number(count), shareText(counts.fraction(count))});
    out << '\n' << formatTable(rows);
    out << "\nDelayed: " << counts.delayed << " (" << shareText(counts.fraction(counts.delayed)) << ", expected "
        << shareText(counts.requests ? counts.expectedDelayed / double(counts.requests) : 0.0) << ")\n";
}

} // namespace

int runSimulate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("simulate"),
                            QStringLiteral("Send a seeded stream of requests through the mesh and count where they go, "
                                           "next to the exact expected split."));
    RequestOptions requestOptions(commandLine);
    commandLine.addOption({QStringLiteral("requests"), QStringLiteral("How many requests to simulate."),
                           QStringLiteral("N")});
    commandLine.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1); same seed, same counts."),
                           QStringLiteral("S")});
    commandLine.addOption({QStringLiteral("traffic"),
                           QStringLiteral("YAML traffic mix of request classes with shares (replaces the request options; "
                                          "--host is the default host)."),
                           QStringLiteral("FILE")});
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;
    const QCommandLineParser &parser = commandLine.parser();

    bool ok = false;
    const qint64 requests = parser.value(QStringLiteral("requests")).toLongLong(&ok);
    if (!parser.isSet(QStringLiteral("requests")))
        return commandLine.usageError(err, QStringLiteral("--requests is required"));
    if (!ok || requests <= 0 || requests > kMaxRequests)
        return commandLine.usageError(err, QStringLiteral("--requests must be a number from 1 to ")
                                               + QString::number(kMaxRequests));
    quint64 seed = 1;
    if (parser.isSet(QStringLiteral("seed"))) {
        seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok || seed > kMaxSeed)
            return commandLine.usageError(err, QStringLiteral("--seed must be a whole number from 0 to ")
                                                   + QString::number(kMaxSeed));
    }

    Result<HttpRequest> requested = requestOptions.read();
    if (!requested)
        return commandLine.usageError(err, QString::fromStdString(requested.error()));
    HttpRequest request = std::move(requested).value();
    TrafficMix mix;
    if (parser.isSet(QStringLiteral("traffic"))) {
        const QString extra = requestOptions.firstNonHostOptionGiven();
        if (!extra.isEmpty())
            return commandLine.usageError(err, extra + QStringLiteral(" cannot be combined with --traffic: "
                                                                      "describe the request in the traffic file"));
        const QString path = parser.value(QStringLiteral("traffic"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return commandLine.usageError(err, QStringLiteral("cannot read traffic file ") + path);
        Result<TrafficMix> parsed = TrafficMix::fromYaml(file.readAll().toStdString(), request);
        if (!parsed) {
            err << path << ": " << qs(parsed.error()) << '\n';
            return ExitUnparseable;
        }
        mix = std::move(parsed).value();
    } else {
        if (!requestOptions.hostGiven())
            return commandLine.usageError(err, QStringLiteral("--host is required"));
        mix = TrafficMix::single(request);
    }

    const LoadResult loaded = commandLine.load();
    if (loaded.filesRead == 0 && loaded.unparseableFiles > 0) {
        printDiagnostics(loaded.diagnostics, err);
        return ExitUnparseable;
    }
    for (const RequestClass &requestClass : mix.classes) {
        const std::string &gateway = requestClass.request.gateway;
        if (!gateway.empty() && !hasIngressGateway(*loaded.mesh, gateway))
            return commandLine.usageError(err, QStringLiteral("no Gateway ") + qs(gateway) + QStringLiteral(" in ")
                                                   + commandLine.directory());
    }
    Simulator simulator(std::make_shared<const Router>(loaded.mesh), mix, seed);
    simulator.run(requests);
    if (commandLine.json())
        writeJson(out, countsJson(simulator.totals(), seed));
    else
        printCounts(simulator.totals(), seed, mix, out);
    if (loaded.unparseableFiles > 0) {
        out.flush();
        printDiagnostics(loaded.diagnostics, err);
        return ExitUnparseable;
    }
    return ExitOk;
}

} // namespace meshlane::cli
