// SPDX-License-Identifier: MIT
#include "rollout/rehearsalrecording.h"

#include <QLocale>

#include <algorithm>
#include <map>
#include <set>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

double stepEnd(const RehearsalReport &report, size_t i)
{
    return i + 1 < report.steps.size() ? report.steps[i + 1].startedAt : report.endedAt;
}

// What the boundary says: the step's number and action, several steps that
// started at the same moment on one line.
QString boundaryLabel(const RehearsalStep &step)
{
    if (step.action == "promote" || step.action == "rollback")
        return qs(step.action);
    return QStringLiteral("%1 %2").arg(step.index).arg(qs(step.action));
}

PlotRecording::Verdict intervalVerdict(const std::vector<const GateCheck *> &checks)
{
    bool allPass = !checks.empty();
    for (const GateCheck *check : checks) {
        if (check->verdict == GateCheck::Verdict::Fail)
            return PlotRecording::Verdict::Fail;
        allPass = allPass && check->verdict == GateCheck::Verdict::Pass;
    }
    return allPass ? PlotRecording::Verdict::Pass : PlotRecording::Verdict::None;
}

} // namespace

PlotRecording RehearsalRecording::make(const RehearsalReport &report, const RolloutPlan &plan,
                                       const QString &trafficName)
{
    PlotRecording recording;
    recording.endSeconds = report.endedAt;
    recording.title = tr("Rollout rehearsal of %1: %2 \u2192 %3").arg(qs(plan.name), qs(plan.stable), qs(plan.canary));
    QString outcome;
    switch (report.outcome) {
    case RehearsalReport::Outcome::Promoted: outcome = tr("promoted"); break;
    case RehearsalReport::Outcome::RolledBack:
        outcome = tr("rolled back at step %1").arg(report.rolledBackAtStep);
        break;
    case RehearsalReport::Outcome::Paused: outcome = tr("paused, waiting to be promoted by hand"); break;
    case RehearsalReport::Outcome::Error: outcome = qs(report.error); break;
    }
    recording.status = tr("%1 \u00b7 %2 \u00b7 t = %3 s").arg(trafficName, outcome).arg(report.endedAt, 0, 'f', 0);
    recording.rightAxisLabel = tr("%1 error rate (%)").arg(qs(plan.canary));

    // Destinations in a steady order: stable, canary, then any other.
    std::vector<std::string> names{plan.stable, plan.canary};
    for (const RehearsalStep &step : report.steps) {
        for (const auto &[name, stats] : step.destinations) {
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(name);
        }
    }
    std::map<std::string, PlotRecording::Series> shares;
    for (size_t i = 0; i < report.steps.size(); ++i) {
        const RehearsalStep &step = report.steps[i];
        const double end = stepEnd(report, i);
        int64_t total = 0;
        for (const auto &[name, stats] : step.destinations)
            total += stats.requests;
        if (!(end > step.startedAt) || total == 0)
            continue;
        for (const std::string &name : names) {
            const auto found = step.destinations.find(name);
            const double share =
                found == step.destinations.end() ? 0 : 100.0 * double(found->second.requests) / double(total);
            PlotRecording::Series &series = shares[name];
            series.points.emplace_back(step.startedAt, share);
            series.points.emplace_back(end, share);
        }
    }
    for (const std::string &name : names) {
        const auto found = shares.find(name);
        if (found == shares.end())
            continue;
        found->second.name = qs(name);
        found->second.colorKey = qs(name);
        recording.series.push_back(std::move(found->second));
    }

    PlotRecording::Series errors;
    errors.name = tr("%1 error rate (%)").arg(qs(plan.canary));
    errors.colorKey = qs(plan.canary);
    errors.rightAxis = true;
    std::set<double> boundaryTimes;
    for (const RehearsalStep &step : report.steps) {
        std::map<double, std::vector<const GateCheck *>> intervals;
        for (const GateCheck &gate : step.gates) {
            intervals[gate.at].push_back(&gate);
            if (gate.metric == "successRate" && gate.verdict != GateCheck::Verdict::None)
                errors.points.emplace_back(gate.at, 100.0 * (1.0 - gate.observed));
        }
        for (const auto &[at, checks] : intervals)
            recording.marks.push_back({at, intervalVerdict(checks)});
        if (step.action.rfind("pause", 0) == 0)
            continue; // a pause is the span between two boundaries, not one of them
        if (!recording.boundaries.empty() && recording.boundaries.back().at == step.startedAt)
            recording.boundaries.back().label += QStringLiteral(", ") + boundaryLabel(step);
        else
            recording.boundaries.push_back({step.startedAt, boundaryLabel(step)});
    }
    if (!errors.points.empty())
        recording.series.push_back(std::move(errors));
    if (plan.analysis && plan.analysis->successRateMin) {
        recording.rightLimit = 100.0 * (1.0 - *plan.analysis->successRateMin);
        recording.rightLimitName = tr("error-rate limit (%1 %)").arg(QLocale().toString(recording.rightLimit, 'g', 3));
    }
    return recording;
}

PlotRecording RehearsalRecording::playedUntil(const PlotRecording &recording, double seconds)
{
    PlotRecording played = recording;
    for (PlotRecording::Series &series : played.series) {
        std::vector<QPointF> points;
        for (size_t i = 0; i < series.points.size(); ++i) {
            const QPointF &point = series.points[i];
            if (point.x() <= seconds) {
                points.push_back(point);
                continue;
            }
            // The line reaches `seconds` part-way to its next point.
            if (i > 0 && series.points[i - 1].x() < seconds) {
                const QPointF &last = series.points[i - 1];
                const double along = (seconds - last.x()) / (point.x() - last.x());
                points.emplace_back(seconds, last.y() + along * (point.y() - last.y()));
            }
            break;
        }
        series.points = std::move(points);
    }
    std::erase_if(played.boundaries,
                  [seconds](const PlotRecording::Boundary &boundary) { return boundary.at > seconds; });
    std::erase_if(played.marks, [seconds](const PlotRecording::Mark &mark) { return mark.at > seconds; });
    return played;
}

QString RehearsalRecording::outcomeText(const RehearsalReport &report)
{
    if (report.outcome == RehearsalReport::Outcome::Error)
        return tr("Cannot rehearse: %1").arg(qs(report.error));
    const QLocale locale;
    QString sentence = qs(report.explanation.text());
    if (!sentence.isEmpty())
        sentence[0] = sentence[0].toUpper();
    return tr("%1.\n%2 requests, %3 served by the canary (%4 mirrored to it), %5 failed.")
        .arg(sentence, locale.toString(qlonglong(report.requests)), locale.toString(qlonglong(report.canaryRequests)),
             locale.toString(qlonglong(report.mirroredToCanary)), locale.toString(qlonglong(report.failedRequests)));
}

} // namespace meshlane::ui
