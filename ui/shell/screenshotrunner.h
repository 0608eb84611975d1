// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QString>

namespace meshlane::ui {

class LanguageManager;

// `--screenshot`: opens a folder in a window nobody sees, waits until it is
// loaded and laid out, applies the selection and the weights, waits until
// they are on screen, simulates the selection's traffic if asked (seed 1, so
// the picture is the same every time) and saves window->grab() as PNG.
class ScreenshotRunner
{
public:
    struct Request
    {
        QString folder;
        QString output;
        QSize size{1280, 800};
        QString selectVirtualService; // "ns/name", optional
        // "SUBSET=W,...": set on the selected VirtualService's first route with
        // several destinations, the way a slider drag does (needs a selection).
        QString setWeights;
        double simulatedSeconds = 0;  // of traffic to the selection, with a fixed seed; 0: none
        int timeoutMs = 120'000;
    };

    static constexpr double kMaxSimulatedSeconds = 86'400; // a simulated day

    // Returns a process exit code; problems are described in *error.
    static int run(const Request &request, LanguageManager *languages, QString *error);
};

} // namespace meshlane::ui
