// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rehearsalreport.h"
#include "rollout/rolloutplan.h"
#include "simulation/plotrecording.h"

#include <QCoreApplication>

namespace meshlane::ui {

// A rehearsal as the Live Plot shows it: each destination's observed share of
// requests over every step that let time pass, the canary's error rate at
// every analysis interval on the right axis with the gate's limit, a
// boundary where each step began, and each interval's verdict on the time axis.
class RehearsalRecording
{
    Q_DECLARE_TR_FUNCTIONS(RehearsalRecording)

public:
    static PlotRecording make(const RehearsalReport &report, const RolloutPlan &plan, const QString &trafficName);
    // What of `recording` had happened by `seconds`, on the same axes: the
    // frames of a playback.
    static PlotRecording playedUntil(const PlotRecording &recording, double seconds);
    // "rolled back at step 4 ...", then the totals, as the dock shows them.
    static QString outcomeText(const RehearsalReport &report);
};

} // namespace meshlane::ui
