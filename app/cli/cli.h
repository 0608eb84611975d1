// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QTextStream;

namespace meshlane::cli {

// Exit codes as istioctl uses them.
enum ExitCode {
    ExitOk = 0,
    ExitUsage = 64,
    ExitUnparseable = 65,
    ExitIssuesFound = 79,
    ExitIoError = 74, // EX_IOERR: output could not be written (export, set-weights)
};

// True when `name` is a sub-command (inspect, route, ...) or a global flag the
// CLI answers without a GUI (--help, --version).
bool isCliInvocation(const QString &name);

// Runs `meshlane <args...>` (args[0] is the sub-command) and returns the exit code.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace meshlane::cli
