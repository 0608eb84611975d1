// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QTextStream;

namespace meshlane::cli {

// One function per sub-command; `args` starts with the sub-command name.
int runInspect(const QStringList &args, QTextStream &out, QTextStream &err);
int runAnalyze(const QStringList &args, QTextStream &out, QTextStream &err);
int runRoute(const QStringList &args, QTextStream &out, QTextStream &err);
int runSimulate(const QStringList &args, QTextStream &out, QTextStream &err);
int runSetWeights(const QStringList &args, QTextStream &out, QTextStream &err);
int runRollout(const QStringList &args, QTextStream &out, QTextStream &err);
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace meshlane::cli
