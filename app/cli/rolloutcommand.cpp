// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "rollout/argorolloutexport.h"
#include "rollout/behaviourprofile.h"
#include "rollout/flaggercanaryexport.h"
#include "rollout/rehearsal.h"
#include "rollout/rehearsaltraffic.h"
#include "rollout/rolloutexporttarget.h"
#include "rollout/rolloutplanloader.h"
#include "rollout/rolloutplanwriter.h"
#include "rollout/stepmanifestwriter.h"

#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace meshlane::cli {

namespace {

constexpr quint64 kMaxSeed = (quint64(1) << 53) - 1;

QJsonObject destinationsJson(const RehearsalStep &step, int64_t DestinationStats::*field)
{
    QJsonObject object;
    for (const auto &[key, stats] : step.destinations)
        object[qs(key)] = qint64(stats.*field);
    return object;
}

QJsonObject reportJson(const RehearsalReport &report, quint64 seed)
{
    QJsonObject root;
    root[QStringLiteral("outcome")] = QLatin1String(RehearsalReport::outcomeName(report.outcome));
    root[QStringLiteral("endedAt")] = report.endedAt;
    root[QStringLiteral("seed")] = double(seed);
    root[QStringLiteral("explanation")] = qs(report.explanation.text());
    if (report.rolledBackAtStep > 0)
        root[QStringLiteral("rolledBackAtStep")] = qint64(report.rolledBackAtStep);
    QJsonArray steps;
    for (const RehearsalStep &step : report.steps) {
        QJsonObject object;
        object[QStringLiteral("index")] = qint64(step.index);
        object[QStringLiteral("action")] = qs(step.action);
        object[QStringLiteral("startedAt")] = step.startedAt;
        QJsonObject weights;
        for (const auto &[key, weight] : step.weights)
            weights[qs(key)] = weight;
        object[QStringLiteral("weights")] = weights;
        object[QStringLiteral("requests")] = destinationsJson(step, &DestinationStats::requests);
        object[QStringLiteral("errors")] = destinationsJson(step, &DestinationStats::errors);
        QJsonObject latency;
        for (const auto &[key, stats] : step.destinations) {
            if (stats.requests > 0)
                latency[qs(key)] = QJsonObject{{QStringLiteral("p50"), stats.latencyP50Ms},
                                               {QStringLiteral("p99"), stats.latencyP99Ms}};
        }
        object[QStringLiteral("latencyMs")] = latency;
        QJsonArray gates;
        for (const GateCheck &gate : step.gates)
            gates.append(QJsonObject{{QStringLiteral("at"), gate.at},
                                     {QStringLiteral("verdict"), QLatin1String(GateCheck::verdictName(gate.verdict))},
                                     {QStringLiteral("metric"), qs(gate.metric)},
                                     {QStringLiteral("observed"), gate.observed},
                                     {QStringLiteral("threshold"), gate.threshold},
                                     {QStringLiteral("requests"), qint64(gate.requests)}});
        object[QStringLiteral("gates")] = gates;
        steps.append(object);
    }
    root[QStringLiteral("steps")] = steps;
    root[QStringLiteral("totals")] = QJsonObject{{QStringLiteral("requests"), qint64(report.requests)},
                                                 {QStringLiteral("canaryRequests"), qint64(report.canaryRequests)},
                                                 {QStringLiteral("mirroredToCanary"), qint64(report.mirroredToCanary)},
                                                 {QStringLiteral("failedRequests"), qint64(report.failedRequests)}};
    return root;
}

QString number(double value) { return QString::number(value, 'g', 6); }

void printReport(const RehearsalReport &report, quint64 seed, QTextStream &out)
{
    out << "Rehearsal (seed " << seed << "): " << qs(report.explanation.text()) << "\n\n";
    QList<QStringList> rows{{QStringLiteral("STEP"), QStringLiteral("T(s)"), QStringLiteral("ACTION"),
                             QStringLiteral("WEIGHTS"), QStringLiteral("REQUESTS"), QStringLiteral("ERRORS"),
                             QStringLiteral("P99(ms)"), QStringLiteral("GATES")}};
    for (const RehearsalStep &step : report.steps) {
        QStringList weights, requests, errors, latency, gates;
        for (const auto &[key, weight] : step.weights)
            weights << qs(key) + u'=' + QString::number(weight);
        for (const auto &[key, stats] : step.destinations) {
            requests << qs(key) + u'=' + QString::number(stats.requests);
            errors << qs(key) + u'=' + QString::number(stats.errors);
            latency << qs(key) + u'=' + number(stats.latencyP99Ms);
        }
        int pass = 0, fail = 0, none = 0;
        for (const GateCheck &gate : step.gates)
            (gate.verdict == GateCheck::Verdict::Pass       ? pass
                 : gate.verdict == GateCheck::Verdict::Fail ? fail
                                                            : none)++;
        if (!step.gates.empty())
            gates << QStringLiteral("%1 pass, %2 fail, %3 none").arg(pass).arg(fail).arg(none);
        auto cell = [](const QStringList &parts) { return parts.isEmpty() ? QStringLiteral("-") : parts.join(u' '); };
        rows.append({QString::number(step.index), number(step.startedAt), qs(step.action), cell(weights),
                     cell(requests), cell(errors), cell(latency), cell(gates)});
    }
    out << formatTable(rows);
    bool failures = false;
    for (const RehearsalStep &step : report.steps) {
        for (const GateCheck &gate : step.gates) {
            if (gate.verdict != GateCheck::Verdict::Fail)
                continue;
            out << (failures ? "" : "\n") << "step " << step.index << " t=" << number(gate.at)
                << "s: " << qs(gate.metric) << ' ' << number(gate.observed) << " vs threshold "
                << number(gate.threshold) << " over " << gate.requests << " canary requests: fail\n";
            failures = true;
        }
    }
    out << "\nTotals: " << report.requests << " requests, " << report.canaryRequests << " to the canary ("
        << report.mirroredToCanary << " mirrored), " << report.failedRequests << " failed as users saw them\n";
}

bool writeText(const QString &path, const std::string &text, QTextStream &err)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !file.commit()) {
        err << path << ": " << file.errorString() << '\n';
        return false;
    }
    return true;
}

// --export-argo / --export-flagger / --export-plan / --export-steps: write
// what was asked, list what the target format cannot say, rehearse nothing.
int exportPlan(const QCommandLineParser &parser, const RolloutPlan &plan, const MeshPtr &mesh, QTextStream &out,
               QTextStream &err)
{
    const RolloutExportTarget target = RolloutExportTarget::fromMesh(*mesh, plan);
    auto written = [&](const QString &path, const char *what, const std::vector<std::string> &notes) {
        for (const std::string &note : notes)
            err << "note: " << what << ": " << qs(note) << '\n';
        out << "wrote " << what << ' ' << path << '\n';
    };
    if (parser.isSet(QStringLiteral("export-argo"))) {
        std::vector<std::string> notes;
        const QString path = parser.value(QStringLiteral("export-argo"));
        if (!writeText(path, ArgoRolloutExport::write(plan, target, &notes), err))
            return ExitIoError;
        written(path, "Argo Rollout", notes);
    }
    if (parser.isSet(QStringLiteral("export-flagger"))) {
        std::vector<std::string> notes;
        const QString path = parser.value(QStringLiteral("export-flagger"));
        if (!writeText(path, FlaggerCanaryExport::write(plan, target, &notes), err))
            return ExitIoError;
        written(path, "Flagger Canary", notes);
    }
    if (parser.isSet(QStringLiteral("export-plan"))) {
        const QString path = parser.value(QStringLiteral("export-plan"));
        if (!writeText(path, RolloutPlanWriter::write(plan), err))
            return ExitIoError;
        written(path, "RolloutPlan", {});
    }
    if (parser.isSet(QStringLiteral("export-steps"))) {
        RehearsalOptions options;
        options.simulate = false;
        options.manualPauseSeconds = 1; // a manual pause is a PR waiting for review: the next step follows
        HttpRequest defaults;
        const RehearsalReport report = Rehearsal(mesh, plan, TrafficMix::single(defaults), {}, options).run();
        if (report.outcome == RehearsalReport::Outcome::Error) {
            err << qs(report.error) << '\n';
            return ExitUnparseable;
        }
        const QString dir = parser.value(QStringLiteral("export-steps"));
        const Result<StepManifestSummary> steps = StepManifestWriter::write(mesh, report, ss(dir));
        if (!steps) {
            err << qs(steps.error()) << '\n';
            return ExitIoError;
        }
        for (const std::string &file : steps->written)
            out << "wrote " << dir << '/' << qs(file) << '\n';
    }
    return ExitOk;
}

} // namespace

int runRollout(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("rollout"),
                            QStringLiteral("Rehearse a staged canary (a RolloutPlan) against seeded simulated traffic "
                                           "and report each step, its gates and the outcome."),
                            CommandLine::Input::FolderOnly);
    commandLine.addOption({QStringLiteral("plan"),
                           QStringLiteral("The plan: a RolloutPlan, an Argo Rollouts Rollout or a Flagger Canary "
                                          "YAML file (told apart by apiVersion and kind)."),
                           QStringLiteral("PLAN")});
    commandLine.addOption({QStringLiteral("traffic"),
                           QStringLiteral("Traffic mix YAML with `classes` and `behaviour` profiles (default: 100 "
                                          "requests/s to the VirtualService's first host, or the HTTPRoute's "
                                          "parent Service)."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1); same seed, same report."),
                           QStringLiteral("S")});
    commandLine.addOption({QStringLiteral("export-argo"),
                           QStringLiteral("Write the plan as an Argo Rollouts Rollout (+ AnalysisTemplate) to FILE "
                                          "instead of rehearsing."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("export-flagger"),
                           QStringLiteral("Write the plan as a Flagger Canary to FILE instead of rehearsing."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("export-plan"),
                           QStringLiteral("Write the plan as a RolloutPlan to FILE (converts a Rollout or Canary)."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("export-steps"),
                           QStringLiteral("Write a folder per step (step-03-weight-10/) into DIR with the manifests "
                                          "that step changes, instead of rehearsing."),
                           QStringLiteral("DIR")});
    commandLine.addOption({QStringLiteral("promote-after"),
                           QStringLiteral("Rehearse a pause without a duration for SECONDS, then promote by hand "
                                          "(default: stop there, outcome paused)."),
                           QStringLiteral("SECONDS")});
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;
    const QCommandLineParser &parser = commandLine.parser();
    if (!parser.isSet(QStringLiteral("plan")))
        return commandLine.usageError(err, QStringLiteral("--plan is required"));
    RehearsalOptions options;
    bool ok = false;
    if (parser.isSet(QStringLiteral("seed"))) {
        const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok || seed > kMaxSeed)
            return commandLine.usageError(
                err, QStringLiteral("--seed must be a whole number from 0 to ") + QString::number(kMaxSeed));
        options.seed = seed;
    }
    if (parser.isSet(QStringLiteral("promote-after"))) {
        options.manualPauseSeconds = parser.value(QStringLiteral("promote-after")).toDouble(&ok);
        if (!ok || !(options.manualPauseSeconds > 0) || options.manualPauseSeconds > 1e7)
            return commandLine.usageError(err, QStringLiteral("--promote-after must be a number of seconds above 0"));
    }

    const QString planPath = parser.value(QStringLiteral("plan"));
    QFile planFile(planPath);
    if (!planFile.open(QIODevice::ReadOnly))
        return commandLine.usageError(err, QStringLiteral("cannot read plan file ") + planPath);
    const Result<RolloutImport> imported = RolloutPlanLoader::load(planFile.readAll().toStdString(), ss(planPath));
    if (!imported) {
        err << qs(imported.error()) << '\n';
        return ExitUnparseable;
    }
    // What the plan does not carry from a Rollout or Canary is listed, never dropped silently.
    for (const std::string &note : imported->noteLines())
        err << "note: " << qs(note) << '\n';
    const RolloutPlan &plan = imported->plan;

    const LoadResult loaded = commandLine.load();
    if (loaded.filesRead == 0 && loaded.unparseableFiles > 0) {
        printDiagnostics(loaded.diagnostics, err);
        return ExitUnparseable;
    }
    // The default traffic goes to the route's first host: a VirtualService
    // host, or an HTTPRoute's parent Service (GAMMA) or first hostname.
    const Result<HttpRequest> defaults = RehearsalTraffic::defaultRequest(*loaded.mesh, plan);
    if (!defaults) {
        err << planPath << ": " << qs(defaults.error()) << " in " << commandLine.directory() << '\n';
        return ExitUnparseable;
    }
    const bool exporting = parser.isSet(QStringLiteral("export-argo")) || parser.isSet(QStringLiteral("export-flagger"))
        || parser.isSet(QStringLiteral("export-plan")) || parser.isSet(QStringLiteral("export-steps"));
    if (exporting)
        return exportPlan(parser, plan, loaded.mesh, out, err);
    std::optional<std::string> trafficText;
    const QString trafficPath = parser.value(QStringLiteral("traffic"));
    if (parser.isSet(QStringLiteral("traffic"))) {
        QFile file(trafficPath);
        if (!file.open(QIODevice::ReadOnly))
            return commandLine.usageError(err, QStringLiteral("cannot read traffic file ") + trafficPath);
        trafficText = file.readAll().toStdString();
    }
    Result<RehearsalTraffic> traffic = RehearsalTraffic::forPlan(*loaded.mesh, plan, trafficText);
    if (!traffic) {
        err << trafficPath << ": " << qs(traffic.error()) << '\n';
        return ExitUnparseable;
    }

    RehearsalTraffic chosen = std::move(traffic).value();
    const RehearsalReport report =
        Rehearsal(loaded.mesh, plan, std::move(chosen.mix), std::move(chosen.profiles), options).run();
    if (report.outcome == RehearsalReport::Outcome::Error) {
        err << planPath << ": " << qs(report.error) << '\n';
        return ExitUnparseable;
    }
    if (commandLine.json())
        writeJson(out, reportJson(report, options.seed));
    else
        printReport(report, options.seed, out);
    if (loaded.unparseableFiles > 0) {
        out.flush();
        printDiagnostics(loaded.diagnostics, err);
        return ExitUnparseable;
    }
    // A canary that would roll back is a finding, so CI can gate on it.
    return report.outcome == RehearsalReport::Outcome::RolledBack ? ExitIssuesFound : ExitOk;
}

} // namespace meshlane::cli
