// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QString>

#include <vector>

namespace meshlane::ui {

// A finished run for the Live Plot to show instead of the live one (a rollout
// rehearsal): lines over simulated time, vertical boundaries with labels and
// verdict marks on the time axis. Plain data, so the plot knows nothing of
// what produced it.
struct PlotRecording
{
    struct Series
    {
        QString name;
        QString colorKey; // subsetColor() key: the same colour as everywhere else
        std::vector<QPointF> points; // (seconds, value)
        bool rightAxis = false; // a rate on the right axis, drawn dashed
    };
    struct Boundary
    {
        double at = 0;
        QString label;
    };
    enum class Verdict { Pass, Fail, None };
    struct Mark
    {
        double at = 0;
        Verdict verdict = Verdict::None;
    };

    QString title;
    QString status;
    QString rightAxisLabel;
    double endSeconds = 0;
    std::vector<Series> series;
    std::vector<Boundary> boundaries;
    std::vector<Mark> marks;
    // A horizontal limit on the right axis (a gate's threshold), drawn dotted; < 0: none.
    double rightLimit = -1;
    QString rightLimitName;
};

} // namespace meshlane::ui
