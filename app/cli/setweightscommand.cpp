// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include "edit/meshedit.h"
#include "edit/weightspec.h"
#include "export/exporter.h"
#include "export/unifieddiff.h"
#include "model/hostname.h"
#include "routing/routeresource.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace meshlane::cli {

namespace {

QString destinationName(const Destination &destination)
{
    return qs(destination.subset.empty() ? destination.host : destination.subset);
}

} // namespace

int runSetWeights(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("set-weights"),
                            QStringLiteral("Set the weights of one http, tcp or tls route of a VirtualService. Weights given for "
                                           "some destinations only re-balance the others in proportion to their "
                                           "current weights, so the total stays 100. Only the changed numbers in "
                                           "the YAML change: comments, order and quoting stay as they are."),
                            CommandLine::Input::FolderOnly);
    commandLine.addOption({QStringLiteral("vs"), QStringLiteral("The VirtualService, NS/NAME (NAME alone: namespace from -n, else default)."), QStringLiteral("NS/NAME")});
    commandLine.addOption({QStringLiteral("route"), QStringLiteral("http route by 0-based index or name, or tcp[N] / tls[N] (default: the first route with several destinations, else 0); or a Gateway API route, HTTPRoute/NS/NAME, GRPCRoute/NS/NAME, TCPRoute/NS/NAME or TLSRoute/NS/NAME (then --rule picks the rule and weights name backend Services)."), QStringLiteral("INDEX|NAME|tcp[N]|tls[N]|KIND/NS/NAME")});
    commandLine.addOption({QStringLiteral("rule"), QStringLiteral("With a Gateway API --route: the 0-based rule (default 0)."), QStringLiteral("INDEX")});
    commandLine.addOption({QStringLiteral("weights"), QStringLiteral("SUBSET=W[,SUBSET=W...]: by subset name, or by host for a destination without subset."), QStringLiteral("LIST")});
    commandLine.addOption({QStringLiteral("out"), QStringLiteral("Write a copy of DIR with the change to OUTDIR."), QStringLiteral("OUTDIR")});
    commandLine.addOption({QStringLiteral("in-place"), QStringLiteral("Write the change into DIR itself.")});
    commandLine.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the change as a unified diff (git apply, patch -p1) and write nothing.")});
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;
    QCommandLineParser &parser = commandLine.parser();
    const QString outDir = parser.value(QStringLiteral("out"));
    const bool inPlace = parser.isSet(QStringLiteral("in-place"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const QString routeOption = parser.value(QStringLiteral("route"));
    const std::optional<RouteResource> routeResource = RouteResource::parse(ss(routeOption));
    const bool gatewayApi = routeResource && !routeResource->isVirtualService();
    if (!parser.isSet(QStringLiteral("vs")) && !gatewayApi)
        return commandLine.usageError(err, QStringLiteral("--vs NS/NAME (or --route HTTPRoute/NS/NAME) is required"));
    if (gatewayApi && parser.isSet(QStringLiteral("vs")))
        return commandLine.usageError(err, QStringLiteral("use either --vs or a Gateway API --route, not both"));
    if (!parser.isSet(QStringLiteral("weights")))
        return commandLine.usageError(err, QStringLiteral("--weights SUBSET=W[,...] is required"));
    if (!outDir.isEmpty() && inPlace)
        return commandLine.usageError(err, QStringLiteral("use either --out or --in-place, not both"));
    if (outDir.isEmpty() && !inPlace && !dryRun)
        return commandLine.usageError(err, QStringLiteral("say where to write: --out OUTDIR or --in-place (or --dry-run)"));
    if (!outDir.isEmpty()) {
        const QString source = QDir::cleanPath(QFileInfo(commandLine.directory()).absoluteFilePath());
        const QString target = QDir::cleanPath(QFileInfo(outDir).absoluteFilePath());
        if (target.startsWith(source + u'/'))
            return commandLine.usageError(err, QStringLiteral("OUTDIR is inside DIR: reading DIR again would read every resource twice"));
    }

    const LoadOptions options = commandLine.loadOptions();
    const LoadResult loaded = ManifestLoader(options).loadFolder(ss(commandLine.directory()));
    const MeshPtr mesh = loaded.mesh;
    // What changed, whichever kind of route: for the summary and the JSON.
    QString refLabel;
    size_t routeIndex = 0;
    std::vector<std::string> names; // for JSON
    QStringList shortNames;         // for the summary line
    std::vector<int64_t> current;
    std::optional<std::vector<int>> weights;
    std::optional<Result<MeshChange>> change; // set by either branch below
    std::string section = "http"; // of a VirtualService route
    QString routeLabel;            // "route 1", "tcp[0]", "rule 0"
    if (gatewayApi) {
        const QStringList parts = routeOption.split(u'/');
        if (parts.size() != 3)
            return commandLine.usageError(err, QStringLiteral("--route wants KIND/NS/NAME, e.g. HTTPRoute/default/reviews"));
        bool numeric = true;
        routeIndex = parser.isSet(QStringLiteral("rule")) ? parser.value(QStringLiteral("rule")).toUInt(&numeric) : 0;
        if (!numeric)
            return commandLine.usageError(err, QStringLiteral("--rule wants a 0-based index"));
        const GatewayRuleRef ref{ss(parts[0]), ss(parts[1]), ss(parts[2]), routeIndex};
        refLabel = routeOption;
        const std::optional<HttpRoute> rule = backendWeightsRoute(*mesh, ref);
        if (!rule) {
            printDiagnostics(loaded.diagnostics, err);
            return commandLine.usageError(err, QStringLiteral("no ") + routeOption + QStringLiteral(" rule ") + QString::number(routeIndex)
                                                   + QStringLiteral(" in ") + commandLine.directory());
        }
        const Result<std::vector<int>> resolved =
            WeightSpec::resolve(*rule, routeIndex, ss(parser.value(QStringLiteral("weights"))));
        if (!resolved)
            return commandLine.usageError(err, qs(resolved.error()));
        weights = resolved.value();
        for (const RouteDestination &destination : rule->route) {
            names.push_back(destination.destination.host);
            shortNames.push_back(qs(destination.destination.host));
            current.push_back(destination.weight.value_or(1));
        }
        routeLabel = QStringLiteral("rule ") + QString::number(routeIndex);
        change = setBackendWeights(mesh, ref, *weights);
    } else {
        QString vsRef = parser.value(QStringLiteral("vs"));
        if (!vsRef.contains(u'/'))
            vsRef = qs(options.defaultNamespace) + u'/' + vsRef;
        const std::string ns = ss(vsRef.section(u'/', 0, 0));
        const std::string name = ss(vsRef.section(u'/', 1));
        refLabel = vsRef;
        const VirtualService *vs = mesh->findVirtualService(ns, name);
        if (!vs) {
            printDiagnostics(loaded.diagnostics, err);
            return commandLine.usageError(err, QStringLiteral("no VirtualService ") + vsRef + QStringLiteral(" in ") + commandLine.directory());
        }
        if (vs->http.empty() && vs->tcp.empty() && vs->tls.empty())
            return commandLine.usageError(err, QStringLiteral("VirtualService ") + vsRef
                                                   + QStringLiteral(" has no http, tcp or tls routes"));
        RouteRef ref = defaultWeightedRouteRef(*vs);
        if (parser.isSet(QStringLiteral("route"))) {
            if (!findRoute(*vs, ss(routeOption), &ref.section, &ref.index)) {
                const bool listed = routeOption.startsWith(QStringLiteral("tcp[")) || routeOption.startsWith(QStringLiteral("tls["))
                    || routeOption.startsWith(QStringLiteral("http["));
                const QString asked = listed ? routeOption.section(u'[', 0, 0) : QStringLiteral("http");
                const size_t count = asked == QStringLiteral("tcp") ? vs->tcp.size()
                    : asked == QStringLiteral("tls")                ? vs->tls.size()
                                                                    : vs->http.size();
                return commandLine.usageError(err, QStringLiteral("VirtualService ") + vsRef + QStringLiteral(" has no ")
                                                       + asked + QStringLiteral(" route '") + routeOption
                                                       + QStringLiteral("' (it has ") + QString::number(count)
                                                       + QStringLiteral(", numbered from 0)"));
            }
        }
        ref.ns = ns;
        ref.name = name;
        section = ref.section;
        routeIndex = ref.index;
        const std::vector<RouteDestination> &route = *routeDestinations(*vs, ref.section, ref.index);
        // http routes keep their established wording ("route 1").
        const std::string routeName = ref.section == "http" ? "route " + std::to_string(routeIndex)
                                                            : ref.section + '[' + std::to_string(routeIndex) + ']';
        routeLabel = qs(routeName);
        const Result<std::vector<int>> resolved =
            WeightSpec::resolve(route, routeName, ss(parser.value(QStringLiteral("weights"))));
        if (!resolved)
            return commandLine.usageError(err, qs(resolved.error()));
        weights = resolved.value();
        for (size_t j = 0; j < route.size(); ++j) {
            names.push_back(route[j].destination.label());
            shortNames.push_back(destinationName(route[j].destination));
            current.push_back(effectiveWeight(route, j));
        }
        change = setRouteWeights(mesh, ref, *weights);
    }
    if (!change->ok()) {
        err << "meshlane set-weights: " << qs(change->error()) << '\n';
        return ExitUnparseable;
    }
    const MeshChange &edited = change->value();

    QStringList changes;
    for (size_t j = 0; j < weights->size(); ++j)
        changes << shortNames[qsizetype(j)] + u' ' + QString::number(current[j]) + QStringLiteral(" -> ")
                + QString::number((*weights)[j]);
    const QString summary = refLabel + u' ' + routeLabel + QStringLiteral(": ") + changes.join(QStringLiteral(", "));

    std::optional<Result<ExportSummary>> exported; // none with --dry-run, which writes nothing
    std::string outputDir; // where it went, said even when it failed
    if (!dryRun) {
        ExportOptions exportOptions;
        exportOptions.loaded = mesh.get();
        exportOptions.copyOtherFiles = QFileInfo(commandLine.directory()).isDir();
        const Exporter exporter(edited.mesh, exportOptions);
        const std::string target = inPlace ? std::string() : ss(outDir);
        exported = exporter.exportTo(target);
        outputDir = *exported ? (*exported)->outputDir : exporter.outputFolder(target);
    }
    const bool failed = exported && !*exported;
    const QStringList errors = failed ? qs(exported->error()).split(u'\n') : QStringList();

    if (commandLine.json()) {
        QJsonArray list;
        for (size_t j = 0; j < weights->size(); ++j) {
            QJsonObject object;
            object[QStringLiteral("destination")] = qs(names[j]);
            object[QStringLiteral("before")] = qint64(current[j]);
            object[QStringLiteral("after")] = (*weights)[j];
            list.append(object);
        }
        QJsonObject root;
        if (gatewayApi) {
            root[QStringLiteral("gatewayApiRoute")] = refLabel;
            root[QStringLiteral("rule")] = qint64(routeIndex);
        } else {
            root[QStringLiteral("virtualService")] = refLabel;
            root[QStringLiteral("route")] = qint64(routeIndex);
            if (section != "http")
                root[QStringLiteral("section")] = qs(section);
        }
        root[QStringLiteral("weights")] = list;
        if (dryRun) {
            root[QStringLiteral("diff")] = qs(meshDiff(*mesh, *edited.mesh));
        } else {
            QJsonArray written;
            if (!failed) {
                for (const std::string &file : (*exported)->written)
                    written.append(qs(file));
            }
            root[QStringLiteral("outputDir")] = qs(outputDir);
            root[QStringLiteral("written")] = written;
            root[QStringLiteral("errors")] = QJsonArray::fromStringList(errors);
        }
        writeJson(out, root);
    } else if (dryRun) {
        out << qs(meshDiff(*mesh, *edited.mesh));
        err << summary << '\n';
    } else if (!failed) {
        const size_t written = (*exported)->written.size();
        out << summary << '\n'
            << "wrote " << written << (written == 1 ? " file" : " files") << " to " << qs(outputDir) << '\n';
    }
    if (failed) {
        for (const QString &error : errors)
            err << "meshlane set-weights: " << error << '\n';
        err << "meshlane set-weights: nothing was written\n";
        return ExitIoError;
    }
    return ExitOk;
}

} // namespace meshlane::cli
