// SPDX-License-Identifier: MIT
#pragma once

// Golden-text comparison for CLI output: tests/cli/goldens/<name> holds what
// a command prints. On a mismatch <name>.actual is written next to it and the
// message names both; MESHLANE_UPDATE_GOLDENS=1 rewrites the golden instead.

#include "support/testdata.h"

#include <QFile>
#include <QString>

namespace meshlane::test {

inline QString compareWithTextGolden(const QString &actual, const QString &name)
{
    const QString path = projectDir() + QStringLiteral("/tests/cli/goldens/") + name;
    if (qEnvironmentVariableIntValue("MESHLANE_UPDATE_GOLDENS") == 1) {
        QFile golden(path);
        if (!golden.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write ") + path;
        golden.write(actual.toUtf8());
        return {};
    }
    QFile golden(path);
    if (!golden.open(QIODevice::ReadOnly))
        return QStringLiteral("no golden ") + path + QStringLiteral(" (run with MESHLANE_UPDATE_GOLDENS=1 to create it)");
    const QString expected = QString::fromUtf8(golden.readAll());
    if (expected == actual)
        return {};
    QFile written(path + QStringLiteral(".actual"));
    if (written.open(QIODevice::WriteOnly))
        written.write(actual.toUtf8());
    return QStringLiteral("output differs from ") + path + QStringLiteral("; see ") + written.fileName();
}

} // namespace meshlane::test
