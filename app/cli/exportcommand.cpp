// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include "export/exporter.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace meshlane::cli {

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("export"),
                            QStringLiteral("Write the manifests of DIR to OUTDIR as loaded: every file byte-identical "
                                           "(files not modelled, such as README.md, are copied too). Writes are "
                                           "atomic and all-or-nothing; identical files already in OUTDIR are not touched."),
                            CommandLine::Input::FolderOnly);
    commandLine.addOption({QStringLiteral("out"), QStringLiteral("The folder to write (created if missing)."), QStringLiteral("OUTDIR")});
    commandLine.addOption({QStringLiteral("dry-run"), QStringLiteral("Print what would change in OUTDIR as a unified diff and write nothing.")});
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;
    QCommandLineParser &parser = commandLine.parser();
    const QString outDir = parser.value(QStringLiteral("out"));
    if (outDir.isEmpty())
        return commandLine.usageError(err, QStringLiteral("--out OUTDIR is required"));
    const QString source = QDir::cleanPath(QFileInfo(commandLine.directory()).absoluteFilePath());
    const QString target = QDir::cleanPath(QFileInfo(outDir).absoluteFilePath());
    if (target.startsWith(source + u'/'))
        return commandLine.usageError(err, QStringLiteral("OUTDIR is inside DIR: reading DIR again would read every resource twice"));
    if (!QFileInfo::exists(commandLine.directory()))
        return commandLine.usageError(err, QStringLiteral("no such folder: ") + commandLine.directory());

    const LoadResult loaded = ManifestLoader(commandLine.loadOptions()).loadFolder(ss(commandLine.directory()));
    ExportOptions options;
    options.copyOtherFiles = QFileInfo(commandLine.directory()).isDir();
    const Exporter exporter(loaded.mesh, options);
    if (parser.isSet(QStringLiteral("dry-run"))) {
        out << qs(exporter.diff(ss(outDir)));
        return ExitOk;
    }
    const ExportReport report = exporter.exportTo(ss(outDir));
    if (commandLine.json()) {
        QJsonObject root;
        QJsonArray written;
        for (const std::string &file : report.written)
            written.append(qs(file));
        QJsonArray unchanged;
        for (const std::string &file : report.unchanged)
            unchanged.append(qs(file));
        QJsonArray errors;
        for (const std::string &error : report.errors)
            errors.append(qs(error));
        root[QStringLiteral("outputDir")] = qs(report.outputDir);
        root[QStringLiteral("written")] = written;
        root[QStringLiteral("unchanged")] = unchanged;
        root[QStringLiteral("errors")] = errors;
        writeJson(out, root);
    } else if (report.ok()) {
        out << "wrote " << report.written.size() << (report.written.size() == 1 ? " file" : " files") << ", "
            << report.unchanged.size() << " already identical, to " << qs(report.outputDir) << '\n';
    }
    if (!report.ok()) {
        for (const std::string &error : report.errors)
            err << "meshlane export: " << qs(error) << '\n';
        err << "meshlane export: nothing was written\n";
        return ExitIoError;
    }
    return ExitOk;
}

} // namespace meshlane::cli
