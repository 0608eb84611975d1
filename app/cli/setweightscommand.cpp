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
                            QStringLiteral("Set the weights of one http route of a VirtualService. Weights given for "
                                           "some destinations only re-balance the others in proportion to their "
                                           "current weights, so the total stays 100. Only the changed numbers in "
                                           "the YAML change: comments, order and quoting stay as they are."),
                            CommandLine::Input::FolderOnly);
    commandLine.addOption({QStringLiteral("vs"), QStringLiteral("The VirtualService, NS/NAME (NAME alone: namespace from -n, else default)."), QStringLiteral("NS/NAME")});
    commandLine.addOption({QStringLiteral("route"), QStringLiteral("http route by 0-based index or name (default: the first with several destinations, else 0)."), QStringLiteral("INDEX|NAME")});
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
    if (vs->http.empty())
        return commandLine.usageError(err, QStringLiteral("VirtualService ") + vsRef + QStringLiteral(" has no http routes"));
    size_t routeIndex = defaultWeightedRoute(*vs);
    if (parser.isSet(QStringLiteral("route"))) {
        const int found = findHttpRoute(*vs, ss(parser.value(QStringLiteral("route"))));
        if (found < 0)
            return commandLine.usageError(err, QStringLiteral("VirtualService ") + vsRef + QStringLiteral(" has no http route '")
                                                   + parser.value(QStringLiteral("route")) + QStringLiteral("' (it has ")
                                                   + QString::number(vs->http.size()) + QStringLiteral(", numbered from 0)"));
        routeIndex = size_t(found);
    }
    const HttpRoute &route = vs->http[routeIndex];

    std::string why;
    const std::optional<std::vector<int>> weights =
        WeightSpec::resolve(route, routeIndex, ss(parser.value(QStringLiteral("weights"))), &why);
    if (!weights)
        return commandLine.usageError(err, qs(why));
    std::vector<int64_t> current;
    for (size_t j = 0; j < route.route.size(); ++j)
        current.push_back(route.effectiveWeight(j));

    const RouteRef ref{ns, name, routeIndex};
    const EditResult edited = setRouteWeights(mesh, ref, *weights);
    if (!edited.ok()) {
        err << "meshlane set-weights: " << qs(edited.error) << '\n';
        return ExitUnparseable;
    }

    QStringList changes;
    for (size_t j = 0; j < weights->size(); ++j)
        changes << destinationName(route.route[j].destination) + u' ' + QString::number(current[j]) + QStringLiteral(" -> ")
                + QString::number((*weights)[j]);
    const QString summary = vsRef + QStringLiteral(" route ") + QString::number(routeIndex) + QStringLiteral(": ") + changes.join(QStringLiteral(", "));

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
            object[QStringLiteral("destination")] = qs(route.route[j].destination.label());
            object[QStringLiteral("before")] = qint64(current[j]);
            object[QStringLiteral("after")] = (*weights)[j];
            list.append(object);
        }
        QJsonObject root;
        root[QStringLiteral("virtualService")] = vsRef;
        root[QStringLiteral("route")] = qint64(routeIndex);
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
