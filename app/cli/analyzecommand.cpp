// SPDX-License-Identifier: MIT
#include "analysis/analyzer.h"
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace meshlane::cli {

namespace {

// Diagnostics name files relative to the opened folder; printed, they should
// open from where the user ran the command, as a compiler's do.
class PathDisplay
{
public:
    explicit PathDisplay(const QString &directory)
        : m_given(directory)
    {
        const QFileInfo info(directory);
        m_base = info.isDir() ? directory : info.path();
    }

    std::string operator()(const std::string &file) const
    {
        const QString path = qs(file);
        if (path.isEmpty() || QDir::isAbsolutePath(path) || path == m_given)
            return file;
        return ss(QDir::cleanPath(QDir(m_base).filePath(path)));
    }

private:
    QString m_given;
    QString m_base;
};

bool parseThreshold(CommandLine &commandLine, const QString &option, Severity *out)
{
    const QString value = commandLine.parser().value(option);
    return parseSeverity(ss(value), out);
}

} // namespace

int runAnalyze(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("analyze"),
                            QStringLiteral("Check the Istio routing in DIR like istioctl analyze: references, route "
                                           "order, weights, mirrors, faults and schema.\n"
                                           "Exit codes: 0 nothing at or above the failure threshold, 79 issues "
                                           "found, 65 some input could not be parsed, 64 usage error."));
    commandLine.addOption({QStringLiteral("failure-threshold"),
                           QStringLiteral("Lowest severity that makes the exit code 79: Info, Warning or Error "
                                          "(default Error)."),
                           QStringLiteral("LEVEL"), QStringLiteral("Error")});
    commandLine.addOption({QStringLiteral("output-threshold"),
                           QStringLiteral("Lowest severity to print: Info, Warning or Error (default Info)."),
                           QStringLiteral("LEVEL"), QStringLiteral("Info")});
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;
    Severity failureThreshold = Severity::Error;
    if (!parseThreshold(commandLine, QStringLiteral("failure-threshold"), &failureThreshold))
        return commandLine.usageError(err, QStringLiteral("--failure-threshold must be Info, Warning or Error"));
    Severity outputThreshold = Severity::Info;
    if (!parseThreshold(commandLine, QStringLiteral("output-threshold"), &outputThreshold))
        return commandLine.usageError(err, QStringLiteral("--output-threshold must be Info, Warning or Error"));

    const LoadResult loaded = commandLine.load();
    const Diagnostics all = analyze(loaded);
    const PathDisplay displayPath(commandLine.directory());
    Diagnostics shown;
    for (const Diagnostic &diagnostic : all) {
        if (diagnostic.severity < outputThreshold)
            continue;
        Diagnostic copy = diagnostic;
        copy.location.file = displayPath(diagnostic.location.file);
        if (!copy.witness.empty()) // a command to paste: route the request that shows the problem
            copy.witness = "meshlane route " + ss(commandLine.directory()) + ' ' + copy.witness;
        shown.push_back(std::move(copy));
    }

    if (loaded.unparseableFiles > 0)
        exitCode = ExitUnparseable; // the rest was still analysed and is reported
    else if (countAtOrAbove(all, failureThreshold) > 0)
        exitCode = ExitIssuesFound;

    if (commandLine.json()) {
        QJsonObject root;
        root[QStringLiteral("diagnostics")] = toJson(shown);
        writeJson(out, root);
        return exitCode;
    }
    printDiagnostics(shown, out);
    // The summary goes to stderr so stdout stays one finding per line for tools.
    const size_t errors = countAtOrAbove(all, Severity::Error);
    const size_t warnings = countAtOrAbove(all, Severity::Warning) - errors;
    const size_t infos = all.size() - errors - warnings;
    out.flush();
    if (all.empty())
        err << "No issues found in " << loaded.filesRead << " files.\n";
    else
        err << errors << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning, " : " warnings, ") << infos << (infos == 1 ? " info" : " infos")
            << " in " << loaded.filesRead << " files.\n";
    return exitCode;
}

} // namespace meshlane::cli
