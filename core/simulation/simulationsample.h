// SPDX-License-Identifier: MIT
#pragma once

#include "simulation/expectedsplit.h"
#include "simulation/simulationcounts.h"

#include <QMetaType>

namespace meshlane {

// One simulated tick as the worker thread hands it to the GUI: the counts of
// its requests and the exact split they were drawn from.
struct SimulationSample
{
    // Bumped whenever the router or the traffic mix changed: samples of an
    // older generation were drawn from another split.
    int generation = 0;
    SimulationStep step;
    ExpectedSplit expected;

    double endSeconds() const { return step.startSeconds + step.seconds; }
};

} // namespace meshlane

Q_DECLARE_METATYPE(meshlane::SimulationSample)
