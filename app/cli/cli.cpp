// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include "cli/clicommands.h"

#include <QTextStream>

namespace meshlane::cli {

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &, QTextStream &, QTextStream &);
    const char *summary;
};

// The table of sub-commands. Names are a stable interface: scripts use them.
const Command commands[] = {
    {"inspect", runInspect, "list every resource with its file and line, and load problems"},
    {"analyze", runAnalyze, "check routing like istioctl analyze; findings with file and line"},
    {"route", runRoute, "show where one request goes (VirtualService, route, destinations, pods) and why"},
    {"simulate", runSimulate, "send a seeded stream of requests and count destinations, mirrors, statuses"},
    {"set-weights", runSetWeights, "set a route's weights (the rest re-balanced) and write the files"},
    {"rollout", runRollout, "rehearse a staged canary plan against seeded traffic: steps, gates, outcome"},
    {"export", runExport, "write the manifests to another folder, byte-identical where unchanged"},
};

void printHelp(QTextStream &out)
{
    out << "Usage: meshlane [DIR]                 open the workbench on DIR (default: samples/bookinfo)\n"
           "       meshlane <command> DIR [options]\n\n"
           "Commands:\n";
    for (const Command &command : commands)
        out << "  " << QString::fromLatin1(command.name).leftJustified(12) << QString::fromLatin1(command.summary)
            << '\n';
    out << "\nRun 'meshlane <command> --help' for a command's options.\n"
           "Exit codes: 0 fine, 64 usage error, 65 some input could not be parsed, 79 issues found.\n";
}

} // namespace

bool isCliInvocation(const QString &name)
{
    if (name == u"--help" || name == u"-h" || name == u"--version" || name == u"-v" || name == u"help")
        return true;
    for (const Command &command : commands) {
        if (name == QLatin1String(command.name))
            return true;
    }
    return false;
}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        printHelp(out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"--version" || args.first() == u"-v") {
        out << "meshlane " << MESHLANE_VERSION << '\n';
        return ExitOk;
    }
    for (const Command &command : commands) {
        if (args.first() == QLatin1String(command.name))
            return command.run(args, out, err);
    }
    err << "meshlane: unknown command '" << args.first() << "'\n";
    printHelp(err);
    return ExitUsage;
}

} // namespace meshlane::cli
