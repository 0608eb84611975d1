// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QString>

namespace meshlane::ui {

class MainWindow;

// Edits asked for on the command line (`--select NS/NAME --set-weights
// SUBSET=W,...`), for screenshots and for opening with a canary staged: the
// same Document method and undo command as a slider drag.
class CommandLineEdit
{
public:
    // Sets the weights of the first route of `virtualService` with several
    // destinations, as one drag would end.
    static Result<void> stageWeights(MainWindow &window, const QString &virtualService, const QString &spec);
};

} // namespace meshlane::ui
