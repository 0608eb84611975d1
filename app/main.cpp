// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef MESHLANE_WITH_GUI
#include "shell/guimain.h"
#endif

int main(int argc, char *argv[])
{
    // Sub-commands run headless: no QGuiApplication, no display needed.
    if (argc > 1 && meshlane::cli::isCliInvocation(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        // Line-buffered so findings on stdout and summaries on stderr interleave
        // in the order they were written when both go to a terminal.
        std::setvbuf(stdout, nullptr, _IOLBF, 0);
        QTextStream out(stdout);
        QTextStream err(stderr);
        QStringList args = QCoreApplication::arguments();
        args.removeFirst();
        const int code = meshlane::cli::run(args, out, err);
        out.flush();
        err.flush();
        return code;
    }
#ifdef MESHLANE_WITH_GUI
    return meshlane::ui::guiMain(argc, argv);
#else
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    err << "meshlane was built without the GUI; use a sub-command (meshlane --help)\n";
    return meshlane::cli::ExitUsage;
#endif
}
