// SPDX-License-Identifier: MIT
#pragma once

// qcustomplot.h uses the `signals`, `slots`, `emit` and `foreach` keywords,
// which QT_NO_KEYWORDS removes for our own code. Include it through here.

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef emit
#undef slots
#undef signals
