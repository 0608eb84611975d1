// SPDX-License-Identifier: MIT
#pragma once

#include "cli/cli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

// Runs `meshlane <args>` in-process and keeps what it printed.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;

    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

inline CliRun runCli(const QStringList &args)
{
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = meshlane::cli::run(args, out, err);
    out.flush();
    err.flush();
    return run;
}
