// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include "edit/meshedit.h"
#include "edit/weightspec.h"
#include "export/exporter.h"
#include "export/unifieddiff.h"
#include "model/hostname.h"

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
    commandLine.addOption({QStringLiteral("route"), QStringLiteral("http route by 0-based index or name, or tcp[N] / tls[N] (default: the first route with several destinations, else 0)."), QStringLiteral("INDEX|NAME|tcp[N]|tls[N]")});
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
    if (!parser.isSet(QStringLiteral("vs")))
        return commandLine.usageError(err, QStringLiteral("--vs NS/NAME is required"));
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
    QString vsRef = parser.value(QStringLiteral("vs"));
    if (!vsRef.contains(u'/'))
        vsRef = qs(options.defaultNamespace) + u'/' + vsRef;
    const std::string ns = ss(vsRef.section(u'/', 0, 0));
    const std::string name = ss(vsRef.section(u'/', 1));

    const LoadResult loaded = ManifestLoader(options).loadFolder(ss(commandLine.directory()));
    const MeshPtr mesh = loaded.mesh;
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
        const QString asked = parser.value(QStringLiteral("route"));
        if (!findRoute(*vs, ss(asked), &ref.section, &ref.index)) {
            const bool listed = asked.startsWith(QStringLiteral("tcp[")) || asked.startsWith(QStringLiteral("tls["))
                || asked.startsWith(QStringLiteral("http["));
            const QString section = listed ? asked.section(u'[', 0, 0) : QStringLiteral("http");
            const size_t count = section == QStringLiteral("tcp") ? vs->tcp.size()
                : section == QStringLiteral("tls")                ? vs->tls.size()
                                                                  : vs->http.size();
            return commandLine.usageError(err, QStringLiteral("VirtualService ") + vsRef + QStringLiteral(" has no ")
                                                   + section + QStringLiteral(" route '") + asked
                                                   + QStringLiteral("' (it has ") + QString::number(count)
                                                   + QStringLiteral(", numbered from 0)"));
        }
    }
    ref.ns = ns;
    ref.name = name;
    const std::vector<RouteDestination> &route = *routeDestinations(*vs, ref.section, ref.index);
    const size_t routeIndex = ref.index;
    // http routes keep their established wording ("route 1").
    const std::string routeName =
        ref.section == "http" ? "route " + std::to_string(routeIndex) : ref.section + '[' + std::to_string(routeIndex) + ']';

    std::string why;
    const std::optional<std::vector<int>> weights =
        WeightSpec::resolve(route, routeName, ss(parser.value(QStringLiteral("weights"))), &why);
    if (!weights)
        return commandLine.usageError(err, qs(why));
    std::vector<int64_t> current;
    for (size_t j = 0; j < route.size(); ++j)
        current.push_back(effectiveWeight(route, j));

    const EditResult edited = setRouteWeights(mesh, ref, *weights);
    if (!edited.ok()) {
        err << "meshlane set-weights: " << qs(edited.error) << '\n';
        return ExitUnparseable;
    }

    QStringList changes;
    for (size_t j = 0; j < weights->size(); ++j)
        changes << destinationName(route[j].destination) + u' ' + QString::number(current[j]) + QStringLiteral(" -> ")
                + QString::number((*weights)[j]);
    const QString summary = vsRef + u' ' + qs(routeName) + QStringLiteral(": ") + changes.join(QStringLiteral(", "));

    ExportReport report;
    if (!dryRun) {
        ExportOptions exportOptions;
        exportOptions.loaded = mesh.get();
        exportOptions.copyOtherFiles = QFileInfo(commandLine.directory()).isDir();
        report = Exporter(edited.mesh, exportOptions).exportTo(inPlace ? std::string() : ss(outDir));
    }

    if (commandLine.json()) {
        QJsonArray list;
        for (size_t j = 0; j < weights->size(); ++j) {
            QJsonObject object;
            object[QStringLiteral("destination")] = qs(route[j].destination.label());
            object[QStringLiteral("before")] = qint64(current[j]);
            object[QStringLiteral("after")] = (*weights)[j];
            list.append(object);
        }
        QJsonObject root;
        root[QStringLiteral("virtualService")] = vsRef;
        root[QStringLiteral("route")] = qint64(routeIndex);
        if (ref.section != "http")
            root[QStringLiteral("section")] = qs(ref.section);
        root[QStringLiteral("weights")] = list;
        if (dryRun) {
            root[QStringLiteral("diff")] = qs(meshDiff(*mesh, *edited.mesh));
        } else {
            QJsonArray written;
            for (const std::string &file : report.written)
                written.append(qs(file));
            root[QStringLiteral("outputDir")] = qs(report.outputDir);
            root[QStringLiteral("written")] = written;
            QJsonArray errors;
            for (const std::string &error : report.errors)
                errors.append(qs(error));
            root[QStringLiteral("errors")] = errors;
        }
        writeJson(out, root);
    } else if (dryRun) {
        out << qs(meshDiff(*mesh, *edited.mesh));
        err << summary << '\n';
    } else if (report.ok()) {
        out << summary << '\n' << "wrote " << report.written.size() << (report.written.size() == 1 ? " file" : " files")
            << " to " << qs(report.outputDir) << '\n';
    }
    if (!report.ok()) {
        for (const std::string &error : report.errors)
            err << "meshlane set-weights: " << qs(error) << '\n';
        err << "meshlane set-weights: nothing was written\n";
        return ExitIoError;
    }
    return ExitOk;
}

} // namespace meshlane::cli
