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
    const Result<ExportSummary> exported = exporter.exportTo(ss(outDir));
    const QStringList errors = exported ? QStringList() : qs(exported.error()).split(u'\n');
    if (commandLine.json()) {
        const ExportSummary summary = exported ? *exported : ExportSummary{exporter.outputFolder(ss(outDir)), {}, {}};
        QJsonObject root;
        QJsonArray written;
        for (const std::string &file : summary.written)
            written.append(qs(file));
        QJsonArray unchanged;
        for (const std::string &file : summary.unchanged)
            unchanged.append(qs(file));
        root[QStringLiteral("outputDir")] = qs(summary.outputDir);
        root[QStringLiteral("written")] = written;
        root[QStringLiteral("unchanged")] = unchanged;
        root[QStringLiteral("errors")] = QJsonArray::fromStringList(errors);
        writeJson(out, root);
    } else if (exported) {
        out << "wrote " << exported->written.size() << (exported->written.size() == 1 ? " file" : " files") << ", "
            << exported->unchanged.size() << " already identical, to " << qs(exported->outputDir) << '\n';
    }
    if (!exported) {
        for (const QString &error : errors)
            err << "meshlane export: " << error << '\n';
        err << "meshlane export: nothing was written\n";
        return ExitIoError;
    }
    return ExitOk;
}

} // namespace meshlane::cli
